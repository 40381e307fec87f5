// The framework dialects on the command line: --timm and --optax inputs, the Python code exports,
// list --from and describe's counterparts; bad input exits 2 with one line.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromOptax, fromTimm, toPythonCode } from "@lrsched/ts-api";
import { dialectTable } from "../src/dialects";
import { lrsched, tempDir } from "./helpers";

const TIMM = JSON.stringify({ class: "CosineLRScheduler", kwargs: { t_initial: 20, warmup_t: 3, warmup_lr_init: 0.001 } });
const OPTAX = JSON.stringify({ fn: "warmup_cosine_decay_schedule", kwargs: { init_value: 0, peak_value: 0.1, warmup_steps: 5, decay_steps: 30 } });

const curve = (args: string[]) => {
  const r = lrsched(["curve", ...args, "--steps", "30", "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as unknown;
};

const values = (out: unknown): number[] => {
  const o = out as { values?: number[]; rates?: number[]; lr?: number[] } | number[];
  if (Array.isArray(o)) return o.map((x) => (typeof x === "number" ? x : (x as { lr: number }).lr));
  return (o.values ?? o.rates ?? o.lr)!;
};

describe("--timm and --optax read a framework's own config", () => {
  it("--timm gives timm's rates for a group at --lr", () => {
    const got = values(curve(["--timm", TIMM, "--lr", "0.2"]));
    const s = fromTimm(JSON.parse(TIMM), { lr: 0.2 });
    expect(got.length).toBe(30);
    got.forEach((v, i) => expect(Math.abs(v - s.at(i))).toBeLessThanOrEqual(1e-6 * 0.2));
  });

  it("--optax gives optax's rates", () => {
    const got = values(curve(["--optax", OPTAX]));
    const s = fromOptax(JSON.parse(OPTAX));
    got.forEach((v, i) => expect(Math.abs(v - s.at(i))).toBeLessThanOrEqual(1e-7));
  });

  it("reads them from files", () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, "sched.json");
      writeFileSync(file, TIMM);
      const r = lrsched(["export", "--to", "spec", "--timm", file]);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ type: "timmCosine", tInitial: 20, warmupT: 3 });
    } finally {
      cleanup();
    }
  });

  it.each([
    [["--timm", '{"class": "CosineLRScheduler", "kwargs": {"t_initial": 0}}'], /--timm: kwargs\.t_initial must be/],
    [["--timm", '{"class": "PlateauLRScheduler", "kwargs": {}}'], /PlateauLRScheduler has no closed form/],
    [["--timm", '{"class": "CosineLRScheduler", "kwargs": {"t_initial": 10, "noise_range_t": 5}}'], /noise_range_t must be null/],
    [["--optax", '{"fn": "cosine_decay_schedule", "kwargs": {"init_value": 0.1}}'], /decay_steps is required/],
    [["--optax", "{not json"], /--optax: malformed JSON/],
  ])("%s exits 2 with one line", (args, message) => {
    const r = lrsched(["curve", ...args, "--steps", "5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("export --to pytorch-code|keras-code|optax-code", () => {
  it.each(["pytorch", "keras", "optax"] as const)("%s-code is toPythonCode's snippet", (framework) => {
    const r = lrsched(["export", "--to", `${framework}-code`, "--optax", OPTAX]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(toPythonCode(fromOptax(JSON.parse(OPTAX)), framework));
  });

  it("writes optax's call as JSON", () => {
    const r = lrsched(["export", "--to", "optax", "exponential", "--initial-learning-rate", "0.1", "--decay-steps", "10", "--decay-rate", "0.5"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ fn: "exponential_decay", kwargs: { init_value: 0.1, transition_steps: 10, decay_rate: 0.5, staircase: false } });
  });

  it("a schedule a framework cannot run exits 2 and says why", () => {
    const noisy = ["noisy-linear-cosine", "--initial-learning-rate", "0.1", "--decay-steps", "100"];
    const r = lrsched(["export", "--to", "keras-code", ...noisy]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/has no Keras code: its seeded noise is written in plain Python only/);
    const o = lrsched(["export", "--to", "optax", "cyclic", "--base-lr", "0.01", "--max-lr", "0.1"]);
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(/cyclic has no optax equivalent/);
  });
});

describe("list --from and describe", () => {
  it.each([
    ["timm", ["CosineLRScheduler  ", "-> timmCosine", "PlateauLRScheduler", "-> none"]],
    ["optax", ["warmup_cosine_decay_schedule", "-> join(polynomialDecay, cosineDecay)", "cosine_decay_schedule", "-> cosineDecay"]],
    ["torch", ["CosineAnnealingLR", "-> cosineAnnealing", "ReduceLROnPlateau", "-> none"]],
    ["keras", ["CosineDecayRestarts", "-> cosineDecayRestarts"]],
  ])("list --from %s", (from, parts) => {
    const r = lrsched(["list", "--from", from]);
    expect(r.status).toBe(0);
    for (const p of parts) expect(r.stdout).toContain(p);
    const json = lrsched(["list", "--from", from, "--json"]);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });

  it("list --from rejects an unknown framework", () => {
    const r = lrsched(["list", "--from", "jax"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--from must be one of keras, torch, timm, optax/);
  });

  it("describe shows the counterparts in every framework and the Python forms", () => {
    const r = lrsched(["describe", "timm-cosine"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  timm: CosineLRScheduler, create_scheduler_v2");
    expect(r.stdout).toContain("  Keras: none");
    const e = lrsched(["describe", "exponential"]);
    expect(e.stdout).toContain("  optax: exponential_decay");
    expect(e.stdout).toContain("  PyTorch: StepLR, ExponentialLR");
  });

  it("the root README carries the table of framework names", async () => {
    const readme = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
    expect(readme).toContain(await dialectTable());
  });
});
