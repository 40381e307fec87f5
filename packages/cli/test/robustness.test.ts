// Hostile but plausible command lines: unbounded inputs, garbled paths, silent fallbacks, rates
// that do not fit the output, negative rates, nesting without end, restart periods that overflow.
// Each is one clear line on stderr and exit 2, or the right output (with a warning where due).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, lrsched, tempDir } from "./helpers";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
const dir = () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};

/** One line on stderr, exit 2. */
function refused(args: readonly string[], pattern: RegExp): void {
  const r = lrsched(args);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trimEnd().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|    at /);
}

describe("input is bounded", () => {
  it("--spec /dev/zero stops at 64 MiB with one line (once grew to 16.8 GB and aborted)", () => {
    refused(["curve", "--spec", "/dev/zero"], /^lrsched curve: --spec \/dev\/zero: larger than 64 MiB/);
    refused(["curve", "--keras", "/dev/zero"], /--keras \/dev\/zero: larger than 64 MiB/);
  });

  it("the cap is stated in --help", () => {
    const r = lrsched(["--help"]);
    expect(r.stdout).toMatch(/read up to 64 MiB/);
    expect(lrsched(["curve", "--help"]).stdout).toMatch(/at most 64 MiB/);
  });

  it("a file just under the cap is read; stdin is capped the same way", () => {
    const d = dir();
    const spec = join(d, "s.json");
    writeFileSync(spec, JSON.stringify({ type: "constant", value: 0.5 }) + " ".repeat(1 << 20));
    const r = lrsched(["curve", "--spec", spec, "--steps", "2"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("step,lr\n0,0.5\n1,0.5\n");
    const big = spawnSync(process.execPath, [BIN, "curve", "--spec", "-"], { input: Buffer.alloc(65 * 2 ** 20, 0x20) });
    expect(big.status).toBe(2);
    expect(big.stderr.toString()).toMatch(/--spec -: larger than 64 MiB/);
  });
});

describe("messages name real paths and reject what they should", () => {
  it("config keys named toString or constructor read as keys (once 'config.function toString() { [native code] }')", () => {
    const torch = (extra: string) => `{"_target_":"torch.optim.lr_scheduler.StepLR","step_size":10,${extra}}`;
    refused(["curve", "--torch", torch('"toString":1'), "--steps", "3"], /--torch: config\.toString must be a PyTorch snake_case keyword argument\n$/);
    refused(["curve", "--torch", torch('"constructor":1'), "--steps", "3"], /--torch: config\.constructor is not an option of StepLR/);
  });

  it("-o x.xyz is refused, not filled with CSV; --format says what to write", () => {
    const d = dir();
    const target = join(d, "x.xyz");
    refused(["curve", "constant", "--value", "0.1", "--steps", "3", "-o", target], /\.xyz is not a format lrsched writes/);
    expect(existsSync(target)).toBe(false);
    expect(lrsched(["curve", "constant", "--value", "0.1", "--steps", "3", "-o", target, "--format", "csv"]).status).toBe(0);
    expect(readFileSync(target, "utf8")).toBe("step,lr\n0,0.1\n1,0.1\n2,0.1\n");
    expect(lrsched(["curve", "constant", "--value", "0.1", "--steps", "1", "-o", join(d, "plain")]).status).toBe(0);
  });

  it("compare --at beyond the compared steps is refused (once reported a value)", () => {
    refused(["compare", "--spec", '{"type":"constant","value":0.1}', "--steps", "10", "--at", "100"], /--at 100 is outside the steps compared \(0 to 9\)/);
  });

  it('--decay-steps " 10 " is not a number (spaces around it once passed)', () => {
    refused(["curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", " 10 ", "--steps", "3"], /--decay-steps must be a number, got " 10 "/);
    refused(["curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "10 ", "--steps", "3"], /--decay-steps must be a number/);
  });
});

describe("output files", () => {
  it("a read-only target is refused, as a shell would, and left as it was (once replaced)", () => {
    const d = dir();
    const target = join(d, "lr.csv");
    writeFileSync(target, "keep me\n");
    chmodSync(target, 0o444);
    refused(["curve", "constant", "--value", "0.1", "--steps", "3", "-o", target], /cannot write '.*lr\.csv': it is read-only/);
    expect(readFileSync(target, "utf8")).toBe("keep me\n");
  });

  it("a temp file left by a killed run (SIGKILL) is removed by the next write to the target", () => {
    const d = dir();
    const target = join(d, "lr.csv");
    // the id of a process that has exited
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    const stale = join(d, `.lr.csv.${gone}.a1b2c3.tmp`);
    const other = join(d, `.other.csv.${gone}.a1b2c3.tmp`);
    writeFileSync(stale, "half a curve");
    writeFileSync(other, "not ours");
    expect(lrsched(["curve", "constant", "--value", "0.1", "--steps", "3", "-o", target]).status).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(other)).toBe(true);
    expect(readdirSync(d).sort()).toEqual([".other.csv." + gone + ".a1b2c3.tmp", "lr.csv"]);
  });

  it("CSV streams in bounded memory: 3e6 steps within a 48 MB heap (whole-chunk text once needed ~100 MB per chunk)", () => {
    const r = spawnSync(process.execPath, ["--max-old-space-size=48", BIN, "curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "1000000", "--steps", "3e6", "-o", "/dev/null"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe("rates that do not fit, negative rates", () => {
  it("rates beyond float32 exit 2 with advice to use float64, and no file (once wrote inf)", () => {
    const d = dir();
    refused(["curve", "constant", "--value", "1e39", "--steps", "3", "--format", "f32", "-o", join(d, "x.f32")], /float32 output cannot hold the rate 1e\+39 at step 0 .*use --format f64/);
    refused(["curve", "constant", "--value", "1e39", "--steps", "3", "-o", join(d, "x.npy")], /use --dtype float64/);
    expect(readdirSync(d)).toEqual([]);
    const r = lrsched(["curve", "constant", "--value", "1e39", "--steps", "2", "--format", "npy", "--dtype", "float64", "-o", join(d, "x.npy")]);
    expect(r.status, r.stderr).toBe(0);
  });

  it("options whose rates overflow float64 exit 2 naming the schedule", () => {
    refused(["curve", "--spec", '{"type":"scale","factor":10,"schedule":{"type":"constant","value":1e308}}', "--steps", "3"], /scale has no finite rate at step 0: its options overflow float64/);
  });

  it("negative rates the formula gives are written, with one warning line: first step and count", () => {
    const r = lrsched(["curve", "oneCycle", "--max-lr", "1", "--total-steps", "100", "--anneal-strategy", "linear", "--start", "98", "--steps", "3"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^100,-0\.0142816/);
    expect(r.stderr).toBe("lrsched curve: warning: 1 negative rate, the first at step 100: the schedule's own formula gives them (written as given)\n");
    const noisy = lrsched(["curve", "noisyLinearCosineDecay", "--initial-learning-rate", "0.1", "--decay-steps", "100", "--initial-variance", "1", "--steps", "200", "--format", "json"]);
    expect(noisy.status).toBe(0);
    const lr = (JSON.parse(noisy.stdout) as { lr: number[] }).lr;
    const first = lr.findIndex((v) => v < 0);
    expect(noisy.stderr).toBe(`lrsched curve: warning: ${lr.filter((v) => v < 0).length} negative rates, the first at step ${first}: the schedule's own formula gives them (written as given)\n`);
    expect(lrsched(["curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "100", "--steps", "300"]).stderr).toBe("");
  });
});

describe("nesting and restart periods", () => {
  it("a --torch config nested 1e4 deep and a --spec nested 1e4 deep exit 2 naming the limit (once 'internal error: Maximum call stack size exceeded')", () => {
    const d = dir();
    let torch = '{"_target_":"torch.optim.lr_scheduler.ExponentialLR","gamma":0.9}';
    for (let i = 0; i < 10_000; i++) torch = `{"_target_":"torch.optim.lr_scheduler.SequentialLR","schedulers":[${torch}],"milestones":[]}`;
    writeFileSync(join(d, "torch.json"), torch);
    refused(["curve", "--torch", join(d, "torch.json"), "--steps", "3"], /nests schedulers deeper than 32 levels/);
    let spec = '{"type":"constant","value":0.1}';
    for (let i = 0; i < 10_000; i++) spec = `{"type":"scale","factor":1,"schedule":${spec}}`;
    writeFileSync(join(d, "spec.json"), spec);
    refused(["curve", "--spec", join(d, "spec.json"), "--steps", "3"], /nests schedules deeper than 32 levels/);
  });

  it("restarts with tMul 1e308 over 8,193+ steps finish (once spun forever once the core's second chunk began)", () => {
    // a generous limit: the run takes well under a second; a hang is what it catches
    const r = spawnSync(process.execPath, [BIN, "curve", "--spec", '{"type":"cosineDecayRestarts","initialLearningRate":0.1,"firstDecaySteps":100,"tMul":1e308}', "--steps", "20000", "-o", "/dev/null"], { encoding: "utf8", timeout: 60_000 });
    expect(r.signal, "killed at the limit: a hang").toBeNull();
    expect(r.status, r.stderr).toBe(0);
  });
});
