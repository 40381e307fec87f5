// Fuzzing the command line: malformed argument vectors and spec files, run in-process through
// main() (and a sample through the built binary), each end with exit 0 or exit 2 and one line on
// stderr, never a stack trace, quickly. Plus interrupted and unwritable outputs.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli";
import { BIN, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);
mkdirSync(join(dir, "a-directory"));

/** Files the vectors may name: good and bad specs, garbage, a directory, missing paths. */
const FILES: Record<string, string> = {
  "good.json": JSON.stringify({ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 100 }),
  "many.json": JSON.stringify([{ type: "constant", value: 0.1 }, { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }]),
  "keras.json": JSON.stringify({ class_name: "ExponentialDecay", config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.9 } }),
  "torch.json": JSON.stringify({ _target_: "torch.optim.lr_scheduler.StepLR", step_size: 3, gamma: 0.5 }),
  "truncated.json": '{"type": "cosineDecay", "initialLearning',
  "empty.json": "",
  "garbage.json": "\u0000\u0001\u00ff binary \ufffd",
  "proto.json": '{"__proto__": {"polluted": 1}, "type": "constant", "value": 0.1}',
  "deep.json": `${'{"type":"scale","factor":1,"schedule":'.repeat(200)}{"type":"constant","value":1}${"}".repeat(200)}`,
  "nan.json": '{"type": "constant", "value": NaN}',
  "array-of-junk.json": "[1, \"two\", null, {}]",
};
for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
const FUZZ_FILE = join(dir, "fuzzed.json");

// Commands that train models (demo, find, sweep) are left out: they are slow by design.
const COMMANDS = ["curve", "plot", "compare", "list", "describe", "export", "help", "--help", "--version", "", "curv", "-x", "frobnicate"];
const TYPES = ["cosine", "cosineDecay", "exponential", "piecewise", "polynomial", "constant", "cyclic", "oneCycle", "warmupCosine", "join", "transformers", "nope", "__proto__", "constructor"];
const FLAGS = [
  "--initial-learning-rate", "--decay-steps", "--decay-rate", "--value", "--boundaries", "--values", "--alpha", "--staircase", "--power",
  "--steps", "-n", "--start", "--every", "--format", "-f", "--out", "-o", "--spec", "--keras", "--torch", "--lr", "--label", "--to", "-t",
  "--at", "--above", "--plot", "--title", "--width", "--height", "--log", "--json", "--quiet", "-q", "--dtype", "--help", "--stpes",
  "--__proto__", "--constructor", "--", "-", "--=", "--steps=16", "---x",
];
/** Numbers stay small or invalid: a valid huge --steps would just stream for a long time. */
const NUMBERS = ["0", "-1", "1", "16", "100", "0.5", "2.5", "1e400", "NaN", "Infinity", "-Infinity", "-0", "1e-12", "1e3", "9007199254740993", "1e30", "0x10", "", " ", "1,2,3", "3,2,1", "ten", "1e"];
const WORDS = ["csv", "json", "npy", "f32", "f64", "xml", "table", "torch", "keras", "spec", "float32", "float64", "svg", "-", "__proto__", "constructor", "toString", "a".repeat(300), "\u0000", "é", "\n"];
const PATHS = [
  ...Object.keys(FILES).map((f) => join(dir, f)), join(dir, "a-directory"), join(dir, "missing.json"), join(dir, "nope", "x.json"), FUZZ_FILE,
];
const OUTS = [join(dir, "out.csv"), join(dir, "out.json"), join(dir, "out.f32"), join(dir, "out.npy"), join(dir, "out.svg"), join(dir, "nope", "x.csv"), join(dir, "a-directory"), "/dev/full", "/dev/null", "", join(dir, "out.gif")];

/** JSON text for --spec / --keras / --torch: mutated specs, configs and junk. */
const jsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{"type":"cosineDecay","initialLearningRate":0.1,"decaySteps":100}', '{"type":"cosineDecay","initialLearningRate":0.1,"decaySteps":-1}',
    '{"type":"nope"}', "{}", "[]", "[{}]", '{"type":"constant","value":"0.1"}', '{"__proto__":{"polluted":1},"type":"constant","value":1}',
    '{"constructor":{"prototype":{"polluted":1}},"type":"constant","value":1}', '{"class_name":"CosineDecay","config":{"initial_learning_rate":0.1,"decay_steps":10,"warp":1}}',
    '{"class_name":"__proto__","config":{}}', '{"_target_":"torch.optim.lr_scheduler.StepLR","step_size":0}', '{"_target_":"torch.optim.lr_scheduler.Nope"}',
    '{"_target_":"torch.optim.lr_scheduler.LambdaLR","lr_lambda":"x"}', "[1,2", "{", "null", "1e400", '{"type":"piecewiseConstantDecay","boundaries":[100,50],"values":[1,2,3]}',
  ),
  fc.record({
    type: fc.constantFrom("constant", "exponentialDecay", "cosineDecay", "piecewiseConstantDecay", "join", "nope"),
    value: fc.constantFrom(0.1, -1, 1e308, "x", null, [], {}),
    initialLearningRate: fc.constantFrom(0.1, -1, "0.1", null),
    decaySteps: fc.constantFrom(10, 0, -5, 1e308, 2.5, "10"),
    decayRate: fc.constantFrom(0.5, 0, -1, null),
    boundaries: fc.constantFrom([10], [10, 5], [], "x", [1e308]),
    values: fc.constantFrom([1, 0.5], [1], ["a", "b"]),
    schedules: fc.constantFrom([], [{ type: "constant", value: 1 }], "x"),
  }, { requiredKeys: ["type"] }).map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 30 }).map((s) => `{${s}`),
  fc.json({ maxDepth: 3 }),
);

const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...TYPES) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...PATHS) },
  { weight: 1, arbitrary: fc.constantFrom(...OUTS) },
  { weight: 2, arbitrary: jsonText },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

/** A vector: a command, maybe a type, then tokens; sometimes a fuzzed spec file to read. */
const vector = fc.record({
  command: fc.constantFrom(...COMMANDS),
  type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
  rest: fc.array(token, { maxLength: 8 }),
  file: fc.option(fc.tuple(fc.constantFrom("--spec", "--keras", "--torch"), jsonText), { nil: undefined }),
});

function argvOf(v: { command: string; type?: string; rest: string[]; file?: [string, string] }): { argv: string[]; file?: string } {
  const argv = [v.command, ...(v.type === undefined ? [] : [v.type]), ...v.rest];
  if (v.file) argv.push(v.file[0], FUZZ_FILE);
  // stdin is not fuzzed ('-' as an input reads it); --debug prints stack traces by design
  const safe = argv.map((a, i) => (a === "-" && ["--spec", "--keras", "--torch"].includes(argv[i - 1]) ? "x.json" : a)).filter((a) => a !== "--debug");
  return { argv: safe, file: v.file?.[1] };
}

interface Outcome {
  code: number;
  stdoutBytes: number;
  stderr: string;
  ms: number;
}

type Write = typeof process.stdout.write;

/** Runs main() with stdout and stderr captured. */
async function runInProcess(argv: string[]): Promise<Outcome> {
  const out = process.stdout.write;
  const err = process.stderr.write;
  let stdoutBytes = 0;
  let stderr = "";
  const capture = (sink: (chunk: string | Uint8Array) => void): Write =>
    ((chunk: string | Uint8Array, enc?: unknown, cb?: unknown) => {
      sink(chunk);
      const done = typeof enc === "function" ? enc : cb;
      if (typeof done === "function") queueMicrotask(() => (done as () => void)());
      return true;
    }) as Write;
  process.stdout.write = capture((c) => (stdoutBytes += typeof c === "string" ? Buffer.byteLength(c) : c.byteLength));
  process.stderr.write = capture((c) => (stderr += typeof c === "string" ? c : Buffer.from(c).toString("utf8")));
  const started = performance.now();
  try {
    const code = await main(argv);
    return { code, stdoutBytes, stderr, ms: performance.now() - started };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** Exit 0 with a silent stderr, or exit 2 with exactly one line naming lrsched; never a trace. */
function expectClean(argv: string[], r: { code: number | null; stderr: string }): void {
  const where = `lrsched ${JSON.stringify(argv)} -> ${r.code}: ${r.stderr}`;
  expect([0, 2], where).toContain(r.code);
  expect(r.stderr, where).not.toMatch(/\n\s+at /);
  expect(r.stderr, where).not.toMatch(/internal error/);
  if (r.code === 0) expect(r.stderr, where).toBe("");
  else {
    expect(r.stderr.endsWith("\n"), where).toBe(true);
    expect(r.stderr.slice(0, -1), where).not.toContain("\n");
    expect(r.stderr, where).toMatch(/^lrsched( [a-z]+)?: \S/);
  }
}

const RUNS = 10_000;
const PER_INPUT_MS = 3000;
const tally = { inProcess: 0, ok: 0, usage: 0, binary: 0 };

describe("fuzzed command lines", () => {
  it(`${RUNS} malformed argument vectors and spec files through main(): exit 0 or 2, one line on stderr`, { timeout: 300_000 }, async () => {
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(vector, async (v) => {
        const { argv, file } = argvOf(v);
        if (file !== undefined) writeFileSync(FUZZ_FILE, file);
        const r = await runInProcess(argv);
        tally.inProcess++;
        tally[r.code === 0 ? "ok" : "usage"]++;
        expectClean(argv, r);
        expect(r.ms, `${JSON.stringify(argv)} took ${r.ms} ms`).toBeLessThan(PER_INPUT_MS);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // no temp file is left beside any output
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("100 of them through the built binary", { timeout: 300_000 }, async () => {
    const vectors = fc.sample(vector, { numRuns: 100, seed: 20_240_601 });
    const runOne = (argv: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...argv], { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        child.on("close", (code) => {
          clearTimeout(timer);
          resolve({ code, stderr });
        });
      });
    // two at a time: the machine has two cores
    for (let i = 0; i < vectors.length; i += 2) {
      const batch = vectors.slice(i, i + 2).map((v, j) => {
        const { argv, file } = argvOf(v);
        const path = join(dir, `bin-${i + j}.json`);
        if (file !== undefined) writeFileSync(path, file);
        return argv.map((a) => (a === FUZZ_FILE ? path : a));
      });
      const results = await Promise.all(batch.map(runOne));
      results.forEach((r, j) => expectClean(batch[j], r));
      tally.binary += batch.length;
    }
  });

  afterAll(() => {
    console.log(`cli fuzz.test.ts: ${tally.inProcess} vectors in-process (${tally.ok} exit 0, ${tally.usage} exit 2), ${tally.binary} through the binary`);
  });
});

describe("outputs that are interrupted or cannot be written", () => {
  const COSINE = ["cosine", "--initial-learning-rate", "0.1", "--decay-steps", "100"];

  /**
   * Streams 1e9 steps to `name` in the temp dir, sends `signal` once the temp file is being
   * written, and resolves with the exit code.
   */
  async function interruptWhileWriting(name: string, signal: NodeJS.Signals): Promise<number | null> {
    const child = spawn(process.execPath, [BIN, "curve", ...COSINE, "--steps", "1e9", "-o", join(dir, name), "--quiet"]);
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.startsWith(`.${name}.`)) && Date.now() - started < 10_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 200));
    child.kill(signal);
    return new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  }

  it("SIGTERM mid-stream leaves no file at the target and no temp file", async () => {
    const target = join(dir, "term.f32");
    expect(await interruptWhileWriting("term.f32", "SIGTERM")).toBe(128 + 15);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("term.f32"))).toEqual([]);
  });

  it("SIGINT while writing npy to an existing target keeps the old file", async () => {
    const target = join(dir, "keep.npy");
    writeFileSync(target, "old");
    expect(await interruptWhileWriting("keep.npy", "SIGINT")).toBe(130);
    expect(readdirSync(dir).filter((f) => f.includes("keep.npy"))).toEqual(["keep.npy"]);
  });

  it.runIf(existsSync("/sys"))("an unwritable location (permission denied even for root) exits 2", async () => {
    const r = await runInProcess(["curve", ...COSINE, "-o", "/sys/lrsched-test.csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lrsched curve: cannot create '\/sys\/lrsched-test\.csv': (permission denied|read-only file system|no such file or directory)\n$/);
  });

  it("a parent that is a file exits 2", async () => {
    const r = await runInProcess(["curve", ...COSINE, "-o", join(dir, "good.json", "x.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot (create|write) '.*x\.csv': a parent is not a directory\n$/);
  });

  it.runIf(existsSync("/dev/full"))("/dev/full in-process, for every writing command", async () => {
    for (const argv of [
      ["curve", ...COSINE, "--steps", "100000", "-o", "/dev/full"],
      ["export", ...COSINE, "--to", "spec", "-o", "/dev/full"],
      ["plot", ...COSINE, "-o", "/dev/full", "--format", "svg"],
      ["compare", ...COSINE, "-o", "/dev/full"],
    ]) {
      const r = await runInProcess(argv);
      expect(r.code, `${argv.join(" ")}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/^lrsched [a-z]+: cannot write '\/dev\/full': no space left on device\n$/);
    }
  });
});
