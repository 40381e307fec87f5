import { spawn } from "node:child_process";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_SWEEP, validateConfig } from "../src/sweep/config";
import { BIN, lrsched, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** A sweep small enough for a test: 3 schedules, 300 images, 2 epochs of 6 steps. */
const TINY = {
  data: { train: 300, validation: 100 },
  model: { hidden: [8] },
  epochs: 2,
  batchSize: 50,
  seed: 4,
  schedules: [
    { label: "constant", spec: { type: "constant", value: 0.05 } },
    { label: "cosine", spec: { type: "cosineDecay", initialLearningRate: 0.05, decaySteps: { fraction: 1 } } },
    { label: "one-cycle", spec: { type: "oneCycle", maxLr: 0.05, totalSteps: { fraction: 1 } } },
  ],
};

function sweep(out: string, config: unknown = TINY, extra: string[] = []) {
  const r = lrsched(["sweep", "--config", JSON.stringify(config), "--out", out, ...extra]);
  if (r.status !== 0) throw new Error(`sweep exited ${r.status}: ${r.stderr}`);
  return r;
}

const SLOW = 300_000;

describe("sweep config validation: exit 2, one line naming the field", () => {
  const cases: [string, string, RegExp][] = [
    ["malformed JSON", "{", /^lrsched sweep: --config: malformed JSON/],
    ["unknown key", JSON.stringify({ epoch: 3 }), /^lrsched sweep: --config: epoch is not an option; expected one of name, data, model/],
    ["epochs 0", JSON.stringify({ epochs: 0 }), /^lrsched sweep: --config: epochs must be an integer in 1\.\.1000, got 0$/],
    ["bad schedule field", JSON.stringify({ schedules: [{ label: "a", spec: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 0 } }] }), /^lrsched sweep: --config: schedules\[0\]\.spec\.decaySteps must be/],
    ["unknown type", JSON.stringify({ schedules: [{ label: "a", spec: { type: "cosinus" } }] }), /^lrsched sweep: --config: schedules\[0\]\.spec\.type /],
    ["duplicate label", JSON.stringify({ schedules: [{ label: "a", spec: { type: "constant", value: 1 } }, { label: "a", spec: { type: "constant", value: 2 } }] }), /schedules\[1\]\.label must be unique, got "a"$/],
    ["missing spec", JSON.stringify({ schedules: [{ label: "a" }] }), /schedules\[0\]\.spec is required/],
    ["too short for the run", JSON.stringify({ epochs: 2, schedules: [{ label: "a", spec: { type: "oneCycle", maxLr: 0.1, totalSteps: 10 } }] }), /schedules\[0\]\.spec must give a rate at every step of the run \(0\.\.249\)/],
    ["bad relative steps", JSON.stringify({ schedules: [{ label: "a", spec: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: { fraction: -1 } } }] }), /schedules\[0\]\.spec\.decaySteps\.fraction must be a finite number >= 0, got -1$/],
    ["optimizer", JSON.stringify({ model: { optimizer: "lbfgs" } }), /model\.optimizer must be one of 'sgd', 'momentum', 'adam', 'rmsprop', got "lbfgs"$/],
    ["top-level optimizer", JSON.stringify({ optimizer: { name: "adam", momentum: 0.9 } }), /^lrsched sweep: --config: optimizer\.momentum applies only to the 'momentum' optimizer$/],
    ["metric", JSON.stringify({ metric: "f1" }), /metric must be one of accuracy, loss, mse, mae, got "f1"$/],
    ["data file without target", JSON.stringify({ data: { file: "x.csv" } }), /data\.target must be a non-empty string$/],
    ["model file and hidden", JSON.stringify({ model: { file: "m.json", hidden: [3] } }), /model\.hidden applies only to the built-in MLP, not with model\.file$/],
    ["baseline", JSON.stringify({ baseline: "flat" }), /baseline must be the label of one of the schedules \(constant, step/],
    ["too many images", JSON.stringify({ data: { train: 9000 } }), /data\.train must be an integer in 10\.\.8630, got 9000$/],
    ["seed and seeds", JSON.stringify({ seed: 1, seeds: [2] }), /seeds cannot be given together with seed$/],
  ];
  it.each(cases)("%s", (_name, config, message) => {
    const r = lrsched(["sweep", "--config", config, "--out", join(dir, "never")]);
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
  });

  it("a config file is named in the message", () => {
    const file = join(dir, "short.json");
    writeFileSync(file, JSON.stringify({ epochs: 2, schedules: [{ label: "a", spec: { type: "oneCycle", maxLr: 0.1, totalSteps: 10 } }] }));
    const r = lrsched(["sweep", "--config", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^lrsched sweep: --config .*short\.json: schedules\[0\]\.spec must give a rate at every step of the run \(0\.\.249\); at step 11: /);
  });

  it("a missing config file, a bad --seed, a bad --epochs", () => {
    const missing = lrsched(["sweep", "--config", join(dir, "nope.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--config: cannot read '.*nope\.json': no such file or directory/);
    expect(lrsched(["sweep", "--seed", "x"]).stderr).toBe('lrsched sweep: --seed must be an integer >= 0, or several different ones separated by commas, got "x"\n');
    expect(lrsched(["sweep", "--seed", "1,1"]).status).toBe(2);
    expect(lrsched(["sweep", "--epochs", "0"]).stderr).toBe('lrsched sweep: --epochs must be a positive integer, got "0"\n');
  });
});

describe("help", () => {
  it.each(["sweep", "find"])("lrsched %s --help has usage, options and examples; --help lists it", (cmd) => {
    const r = lrsched([cmd, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`lrsched ${cmd}`);
    expect(r.stdout).toContain("Examples:");
    expect(lrsched(["--help"]).stdout).toMatch(new RegExp(`^  ${cmd} `, "m"));
  });
});

describe("the config file", () => {
  it("a config only overrides the fields it gives", () => {
    const c = validateConfig({ epochs: 3, model: { hidden: [16, 16] } }, DEFAULT_SWEEP);
    expect(c.epochs).toBe(3);
    expect(c.model).toEqual({ hidden: [16, 16] });
    expect(c.optimizer).toEqual({ name: "momentum", momentum: 0.9 });
    expect(c.seeds).toEqual([1, 2, 3]);
    expect(c.schedules).toBe(DEFAULT_SWEEP.schedules);
    expect(c.baseline).toBe("constant");
  });

  it("file paths in a config file are relative to it", () => {
    const c = validateConfig({ model: { file: "m.json" }, data: { file: "d.csv", target: "y" } }, DEFAULT_SWEEP, "/some/dir/sweep.json");
    expect(c.model).toEqual({ file: "/some/dir/m.json" });
    expect(c.data).toEqual({ file: "/some/dir/d.csv", target: "y" });
  });
});

describe("sweep runs", () => {
  it("writes the report files and prints the ranked table", () => {
    const out = join(dir, "a");
    const r = sweep(out);
    expect(readdirSync(out).sort()).toEqual(["index.html", "results.csv", "results.json", "runs"]);
    expect(r.stdout).toMatch(/^schedule\s+val accuracy\s+95 % interval\s+vs constant\s+95 % interval \(paired\)\s+time$/m);
    // one seed: never a lift, whatever the numbers
    expect(r.stdout).toMatch(/one seed cannot show a lift|No schedule beat the fixed rate 'constant'/);
    expect(r.stderr).toContain("[1/3] constant (seed 4): epoch 1/2");
    expect(r.stderr).toContain("3 run(s) trained, 0 from cache");
    const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(json.summary).toHaveLength(3);
    expect(json.verdict.significant).toBe(false);
    expect(json.runs).toHaveLength(3);
    expect([json.data.trainRows, json.data.validationRows]).toEqual([300, 100]);
    // 300 images in batches of 50: 6 steps per epoch, 12 steps; the cosine spec got decaySteps 12
    expect(json.runs[1].spec).toMatchObject({ type: "cosineDecay", decaySteps: 12 });
    expect(readFileSync(join(out, "results.csv"), "utf8").trimEnd().split("\n")).toHaveLength(1 + 3 * 2);
  }, SLOW);

  it("resumes: a second run trains nothing and writes the same results; a lost run is redone alone", () => {
    const out = join(dir, "a");
    const before = readFileSync(join(out, "results.json"), "utf8");
    const again = sweep(out);
    expect(again.stderr).toContain("[2/3] cosine (seed 4): cached");
    expect(again.stderr).toContain("0 run(s) trained, 3 from cache");
    expect(again.stderr).not.toContain("epoch 1/2");
    expect(readFileSync(join(out, "results.json"), "utf8")).toBe(before);
    // a renamed schedule keeps its cache (the label is not part of the key)...
    const renamed = { ...TINY, schedules: TINY.schedules.map((s) => (s.label === "cosine" ? { ...s, label: "cos" } : s)) };
    expect(sweep(out, renamed).stderr).toContain("0 run(s) trained, 3 from cache");
    // ...while a lost run file is trained again, and only it
    const files = readdirSync(join(out, "runs"));
    expect(files).toHaveLength(3);
    rmSync(join(out, "runs", files[0]));
    expect(sweep(out).stderr).toContain("1 run(s) trained, 2 from cache");
  }, SLOW);

  it("an interrupted sweep keeps its finished runs and no partial file; the restart trains the rest", async () => {
    const out = join(dir, "interrupted");
    const child = spawn(process.execPath, [BIN, "sweep", "--config", JSON.stringify(TINY), "--out", out], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    const ended = new Promise<number | null>((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : null))));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      // stop it while the second run trains
      if (stderr.includes("[2/3]") && !child.killed) child.kill("SIGTERM");
    });
    expect(await ended).toBe(143);
    const kept = readdirSync(join(out, "runs"));
    expect(kept.every((f) => f.endsWith(".json") && !f.startsWith("."))).toBe(true);
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(3);
    expect(readdirSync(out).sort()).toEqual(["runs"]);
    const resumed = sweep(out);
    expect(resumed.stderr).toContain(`${3 - kept.length} run(s) trained, ${kept.length} from cache`);
    expect(resumed.stderr).toContain("[1/3] constant (seed 4): cached");
  }, SLOW);

  it("is deterministic: the same seed gives the same table in a fresh directory; another seed differs", () => {
    const strip = (csv: string) => csv.trimEnd().split("\n").map((l) => l.split(",").slice(0, -1).join(","));
    const table = (out: string) => {
      const j = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
      return [j.summary, j.verdict];
    };
    const b = join(dir, "b");
    sweep(b);
    expect(table(b)).toEqual(table(join(dir, "a")));
    expect(strip(readFileSync(join(b, "results.csv"), "utf8"))).toEqual(strip(readFileSync(join(dir, "a", "results.csv"), "utf8")));
    const c = join(dir, "c");
    sweep(c, TINY, ["--seed", "5"]);
    expect(strip(readFileSync(join(c, "results.csv"), "utf8"))).not.toEqual(strip(readFileSync(join(b, "results.csv"), "utf8")));
  }, SLOW);
});
