import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, lrsched, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const COSINE = ["cosine", "--initial-learning-rate", "0.1", "--decay-steps", "100"];
// one schedule in each of the three JSON forms
const SPEC = '{"type":"constant","value":0.1}';
const KERAS = '{"class_name":"CosineDecay","config":{"initial_learning_rate":0.1,"decay_steps":1000}}';
const TORCH = '{"_target_":"torch.optim.lr_scheduler.StepLR","step_size":30}';

/** Exit 2, exactly one line on stderr matching `pattern`, no stack trace, nothing on stdout. */
function expectUsageError(args: string[], pattern: RegExp) {
  const r = lrsched(args);
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe("");
}

describe("bad input exits 2 with one clear line", () => {
  it.each([
    ["unknown command", ["frobnicate"], /^lrsched: unknown command 'frobnicate'; commands: curve, plot/],
    ["misspelt command", ["plto"], /did you mean 'plot'\?/],
    ["unknown option", ["curve", ...COSINE, "--stpes", "10"], /^lrsched curve: unknown option --stpes \(did you mean --steps\?\)$/],
    ["unknown schedule type", ["curve", "cosin"], /^lrsched curve: unknown schedule type 'cosin'/],
    ["option of another type", ["curve", ...COSINE, "--boundaries", "1,2"], /unknown option --boundaries/],
    ["option without its value", ["curve", ...COSINE, "--steps"], /^lrsched curve: --steps needs a value/],
    ["--steps not a number", ["curve", ...COSINE, "--steps", "ten"], /^lrsched curve: --steps must be a positive integer, got "ten"$/],
    ["--steps zero", ["curve", ...COSINE, "--steps", "0"], /--steps must be a positive integer, got "0"/],
    ["--steps negative", ["curve", ...COSINE, "--steps", "-5"], /--steps must be a positive integer, got "-5"/],
    ["--steps fractional", ["curve", ...COSINE, "--steps", "2.5"], /--steps must be a positive integer, got "2.5"/],
    ["invalid schedule value", ["curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "0"], /^lrsched curve: --decay-steps must be a finite number >= 1e-292, got 0$/],
    ["flag value not a number", ["curve", "cosine", "--initial-learning-rate", "abc", "--decay-steps", "5"], /--initial-learning-rate must be a number, got "abc"/],
    ["missing required option", ["curve", "cosine", "--initial-learning-rate", "0.1"], /--decay-steps is required by cosineDecay/],
    ["malformed inline JSON", ["curve", "--spec", '{"type": "cosineDecay",'], /^lrsched curve: --spec: malformed JSON/],
    ["invalid spec", ["curve", "--spec", '{"type":"exponentialDecay","initialLearningRate":0.1,"decaySteps":-1,"decayRate":0.5}'], /--spec: decaySteps must be a finite number >= 1e-292, got -1/],
    ["unknown spec type", ["curve", "--spec", '{"type":"nope"}'], /--spec: type must be one of constant, exponentialDecay/],
    ["bad Keras config", ["curve", "--keras", '{"class_name":"CosineDecay","config":{"initial_learning_rate":0.1,"decay_steps":10,"warp":1}}'], /--keras: keras\.config\.warp is not a CosineDecay config key/],
    ["missing spec file", ["curve", "--spec", "no-such-file.json"], /^lrsched curve: --spec: cannot read 'no-such-file\.json': no such file or directory$/],
    ["no schedule", ["curve", "--steps", "5"], /no schedule given/],
    ["bad format", ["curve", ...COSINE, "--format", "xml"], /--format must be one of csv, json, npy, f32, f64, got "xml"/],
    ["bad plot extension", ["plot", ...COSINE, "-o", "x.gif"], /--out must end in \.svg, \.png, \.pdf or \.json/],
    ["--scale on an SVG", ["plot", ...COSINE, "--scale", "2", "-o", "x.svg"], /^lrsched plot: --scale sets a PNG's pixel density/],
    ["--scale zero", ["plot", ...COSINE, "--scale", "0", "-o", "x.png"], /--scale must be a number in \(0, 16\], got "0"/],
    ["--ymin 0 with --log", ["plot", ...COSINE, "--log", "--ymin", "0", "-o", "x.svg"], /--ymin must be a number > 0 with --log, got "0"/],
    ["--ymin above --ymax", ["plot", ...COSINE, "--ymin", "0.2", "--ymax", "0.1", "-o", "x.svg"], /--ymin must be below --ymax, got 0.2 and 0.1/],
    ["both epoch axes", ["plot", ...COSINE, "--steps-per-epoch", "10", "--epochs-per-step", "0.1"], /give --steps-per-epoch or --epochs-per-step, not both/],
    ["playground --out with --port", ["playground", "--out", "site", "--port", "8080"], /^lrsched playground: --out writes files; it takes neither --port nor --open$/],
    ["playground port out of range", ["playground", "--port", "70000"], /--port must be a non-negative integer <= 65535, got "70000"/],
    ["unknown describe type", ["describe", "wobble"], /unknown schedule type 'wobble'/],
    ["export without --to", ["export", ...COSINE], /--to is required/],
    ["Keras config given to --spec", ["compare", "--spec", KERAS], /^lrsched compare: --spec: this looks like a Keras config: use --keras$/],
    ["Keras config in a --spec list", ["plot", "--spec", `[${SPEC},${KERAS}]`], /^lrsched plot: --spec \[1\]: this looks like a Keras config: use --keras$/],
    ["PyTorch config given to --spec", ["curve", "--spec", TORCH], /^lrsched curve: --spec: this looks like a PyTorch config: use --torch$/],
    ["PyTorch config given to --keras", ["compare", "--keras", TORCH], /^lrsched compare: --keras: this looks like a PyTorch config: use --torch$/],
    ["spec given to --keras", ["export", "--to", "torch", "--keras", SPEC], /^lrsched export: --keras: this looks like an lrsched spec: use --spec$/],
    ["Keras config given to --torch", ["curve", "--torch", KERAS], /^lrsched curve: --torch: this looks like a Keras config: use --keras$/],
    ["spec given to --torch", ["curve", "--torch", SPEC], /^lrsched curve: --torch: this looks like an lrsched spec: use --spec$/],
  ])("%s", (_name, args, pattern) => expectUsageError(args as string[], pattern));

  it("a spec file with bad content names the file", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, '{"type":"piecewiseConstantDecay","boundaries":[100,50],"values":[1,2,3]}');
    expectUsageError(["curve", "--spec", file], new RegExp(`--spec ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: boundaries\\[1\\] must be greater than boundaries\\[0\\]`));
  });

  it("--debug adds the stack trace", () => {
    const r = lrsched(["curve", "cosine", "--decay-steps", "0", "--debug"]);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/^lrsched curve: /);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe("outputs that cannot be written exit 2", () => {
  it("a missing directory", () => expectUsageError(["curve", ...COSINE, "-o", join(dir, "nope", "x.csv")], /cannot create '.*x\.csv': no such file or directory/));

  it("a directory as the target", () => expectUsageError(["curve", ...COSINE, "-o", dir], /cannot write '.*': is a directory/));

  it.runIf(existsSync("/dev/full"))("/dev/full (no space left)", () => {
    expectUsageError(["curve", ...COSINE, "--steps", "100000", "-o", "/dev/full"], /^lrsched curve: cannot write '\/dev\/full': no space left on device$/);
  });

  it.runIf(existsSync("/dev/full"))("stdout on /dev/full", () => {
    const r = lrsched(["curve", ...COSINE, "--steps", "100000", "-o", "-"]);
    expect(r.status).toBe(0);
    const child = spawn(`'${process.execPath}' '${BIN}' curve ${COSINE.join(" ")} --steps 100000 > /dev/full`, { shell: true });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    return new Promise<void>((resolve) =>
      child.on("close", (code) => {
        expect(code).toBe(2);
        expect(stderr.trim()).toBe("lrsched curve: cannot write 'stdout': no space left on device");
        resolve();
      }),
    );
  });

  it("a failed run leaves an existing target untouched and no temp file", () => {
    const target = join(dir, "keep.csv");
    writeFileSync(target, "old\n");
    expect(lrsched(["curve", "cosine", "--decay-steps", "-1", "-o", target]).status).toBe(2);
    expect(readFileSync(target, "utf8")).toBe("old\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("an interrupted run never leaves a truncated file at the target", async () => {
    const target = join(dir, "big.f32");
    const child = spawn(process.execPath, [BIN, "curve", ...COSINE, "--steps", "1e9", "-o", target, "--quiet"]);
    // wait until the temp file exists, then interrupt
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.startsWith(".big.f32.")) && Date.now() - started < 10_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 200)); // mid-write
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(code).toBe(130);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("big.f32"))).toEqual([]);
  });
});
