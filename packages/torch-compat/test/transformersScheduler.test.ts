// transformersScheduler(optimizer, name, options) against transformers' get_scheduler stepped with
// real PyTorch (tools/conformance/generate_transformers_fixtures.py): every name, both param
// groups, every step (the metric-driven names fed the recorded metrics), GreedyLR's state dicts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { GreedyLR, LrschedError, transformersScheduler, type Optimizer, type Scheduler } from "../src/index";
import { diffState } from "./compare";
import { FIXTURES } from "./fixtures";

interface HfCase {
  label: string;
  name: string;
  optimizer: { defaults_lr: number; group_lrs: number[] };
  num_warmup_steps: number | null;
  num_training_steps: number | null;
  scheduler_specific_kwargs: Record<string, unknown> | null;
  metrics?: number[];
  steps: number;
  lrs: number[][];
  warnings: string[];
  construct_error?: { type: string; message: string };
  step_error?: { step: number; type: string; message: string };
  state_dicts?: Record<string, Record<string, unknown>>;
}

const file = JSON.parse(readFileSync(join(FIXTURES, "transformers_get_scheduler.json"), "utf8")) as {
  transformers_version: string;
  torch_version: string;
  cases: HfCase[];
};

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function optionsOf(c: HfCase): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (c.num_warmup_steps !== null) o.numWarmupSteps = c.num_warmup_steps;
  if (c.num_training_steps !== null) o.numTrainingSteps = c.num_training_steps;
  for (const [k, v] of Object.entries(c.scheduler_specific_kwargs ?? {})) o[camel(k)] = v;
  return o;
}

const optimizerOf = (c: HfCase): Optimizer => ({
  paramGroups: c.optimizer.group_lrs.map((lr) => ({ lr })),
  defaults: { lr: c.optimizer.defaults_lr },
});

const build = (c: HfCase, opt: Optimizer) => transformersScheduler(opt, c.name as never, optionsOf(c) as never) as Scheduler;

const TOLERANCE = 1e-9;
const largest = new Map<string, [number, number]>();

function compare(c: HfCase, opt: Optimizer, k: number, peak: number): void {
  c.lrs[k].forEach((want, g) => {
    const got = opt.paramGroups[g].lr;
    const err = got === want ? 0 : Math.abs(got - want) / (want === 0 ? peak : Math.abs(want));
    if (!(err <= TOLERANCE)) expect.fail(`after step ${k}, group ${g}: got ${got}, transformers ${want} (relative error ${err})`);
    const [n, worst] = largest.get(c.name) ?? [0, 0];
    largest.set(c.name, [n + 1, Math.max(worst, err)]);
  });
}

const stepOf = (s: Scheduler, c: HfCase, k: number) => (c.metrics ? s.step(c.metrics[k - 1]) : s.step());

let warnSpy: MockInstance<typeof console.warn>;
beforeEach(() => {
  warnSpy = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warnSpy.mockRestore());

describe(`transformersScheduler equals transformers ${file.transformers_version} get_scheduler on torch ${file.torch_version}`, () => {
  const runs = file.cases.filter((c) => !c.construct_error && !c.step_error);
  it.each(runs.map((c) => [c.label, c] as const))("%s", (_, c) => {
    const opt = optimizerOf(c);
    if (c.scheduler_specific_kwargs?.anything !== undefined) {
      // transformers' constant drops every kwarg; lrsched refuses one that is no option of any name
      expect(() => build(c, opt)).toThrow("anything is not an option of transformers");
      delete (c.scheduler_specific_kwargs as Record<string, unknown>).anything;
    }
    const s = build(c, optimizerOf(c));
    const o = s.optimizer;
    const peak = Math.max(...c.lrs.flat());
    compare(c, o, 0, peak);
    for (let k = 1; k <= c.steps; k++) {
      stepOf(s, c, k);
      compare(c, o, k, peak);
      const sd = c.state_dicts?.[String(k)];
      if (sd) expect(diffState(s.stateDict(), sd), `state dict after step ${k}`).toEqual([]);
    }
  });

  it("every name is covered", () => {
    expect([...largest.keys()].sort()).toEqual([
      "constant", "constant_with_warmup", "cosine", "cosine_warmup_with_min_lr", "cosine_with_min_lr",
      "cosine_with_restarts", "greedy", "inverse_sqrt", "linear", "polynomial", "reduce_lr_on_plateau", "warmup_stable_decay",
    ]);
  });
});

describe("GreedyLR resumes from transformers' own state dicts", () => {
  const saved = file.cases.filter((c) => c.name === "greedy" && c.state_dicts);
  it.each(saved.map((c) => [c.label, c] as const))("%s", (_, c) => {
    for (const [at, sd] of Object.entries(c.state_dicts!)) {
      const k0 = Number(at);
      if (k0 === c.steps) continue;
      // a fresh scheduler on a fresh optimizer, the saved dict loaded: the rates go back in too
      const opt = optimizerOf(c);
      const s = build(c, opt) as GreedyLR;
      s.loadStateDict(sd);
      const peak = Math.max(...c.lrs.flat());
      compare(c, opt, k0, peak);
      for (let k = k0 + 1; k <= c.steps; k++) {
        stepOf(s, c, k);
        compare(c, opt, k, peak);
      }
    }
  });

  it("verbose prints transformers' messages; toTorchConfig names transformers' class", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const s = new GreedyLR({ paramGroups: [{ lr: 0.1 }] }, { patience: 0, factor: 0.5, verbose: true, minLr: 0.02, resetStart: 1 });
    for (const m of [1, 1, 1, 1, 1]) s.step(m);
    // what transformers 5.18 printed for the same calls
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      "Epoch 1: increasing learning rate of group 0 to 2.0000e-01.",
      "Epoch 2: reducing learning rate of group 0 to 1.0000e-01.",
      "Epoch 3: reducing learning rate of group 0 to 5.0000e-02.",
      "Epoch 4: reducing learning rate of group 0 to 2.5000e-02.",
      "Epoch 5: reducing learning rate of group 0 to 2.0000e-02.",
      "Scheduler reset to initial state.",
    ]);
    log.mockRestore();
    expect(s.getLastLr()).toEqual([0.1]);
    expect(s.toTorchConfig()).toEqual({
      _target_: "transformers.optimization.GreedyLR", patience: 0, factor: 0.5, verbose: true, min_lr: 0.02, reset_start: 1,
    });
  });

  it("a corrupted dict throws and changes nothing", () => {
    const opt: Optimizer = { paramGroups: [{ lr: 0.1 }] };
    const s = new GreedyLR(opt, { patience: 1 });
    s.step(1);
    const before = s.stateDict();
    expect(() => s.loadStateDict({ ...before, num_bad_epochs: 1.5 })).toThrow("stateDict.num_bad_epochs must be an integer");
    expect(() => s.loadStateDict({ ...before, extra: 1 })).toThrow(LrschedError);
    expect(s.stateDict()).toEqual(before);
  });
});

describe("transformersScheduler's argument rules", () => {
  const refused = file.cases.filter((c) => c.construct_error || c.step_error);
  it.each(refused.map((c) => [c.label, c] as const))("%s: refused at construction", (_, c) => {
    expect(() => build(c, optimizerOf(c))).toThrow(LrschedError);
  });

  it("the metric-driven names take step(metric) and ignore the step counts with a warning", () => {
    const opt: Optimizer = { paramGroups: [{ lr: 0.1 }] };
    const s = transformersScheduler(opt, "reduce_lr_on_plateau", { numWarmupSteps: 5, patience: 0, factor: 0.5 });
    expect(String(warnSpy.mock.calls[0][0])).toBe("lrsched warning: numWarmupSteps is ignored by 'reduce_lr_on_plateau' (transformers ignores it too)");
    s.step(1);
    s.step(1);
    expect(opt.paramGroups[0].lr).toBe(0.05);
    expect(() => s.step()).toThrow("metric must be a number");
  });

  it("the rates come from the optimizer", () => {
    const opt: Optimizer = { paramGroups: [{ lr: 0.1 }, { lr: 0.02 }] };
    expect(() => transformersScheduler(opt, "linear", { learningRate: 0.1, numWarmupSteps: 0, numTrainingSteps: 5 } as never))
      .toThrow("learningRate is not an option of transformersScheduler");
    // without defaults.lr, the first group's rate is the optimizer's rate (lrEnd relative to it)
    const s = transformersScheduler(opt, "polynomial", { numWarmupSteps: 0, numTrainingSteps: 2, lrEnd: 0.01 });
    s.step();
    s.step();
    s.step();
    expect(s.getLastLr()).toEqual([0.01, 0.002]);
    expect(() => transformersScheduler(opt, "cosine_annealing" as never, {})).toThrow("name must be one of 'linear'");
  });
});

afterAll(() => {
  const rows = [...largest.entries()].sort().map(([name, [n, e]]) => `${name.padEnd(26)} values ${String(n).padStart(4)}  largest ${e.toExponential(2)}`);
  if (process.env.LRSCHED_REPORT) console.log(`transformersScheduler vs transformers:\n${rows.join("\n")}`);
});
