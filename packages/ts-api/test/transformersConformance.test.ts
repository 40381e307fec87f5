// transformers(name, options) against what Hugging Face transformers' get_scheduler did, stepped
// with real PyTorch (tools/conformance/generate_transformers_fixtures.py): every closed-form name,
// every param group, every step, to 1e-9 relative; the argument rules case by case.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { LrschedError, transformers, transformersLambda, TRANSFORMERS_NAMES, type TransformersName, type TransformersOptions } from "../src";
import { camelKeys, fixture } from "./support/fixtures";

interface HfCase {
  label: string;
  name: string;
  optimizer: { defaults_lr: number; group_lrs: number[] };
  num_warmup_steps: number | null;
  num_training_steps: number | null;
  scheduler_specific_kwargs: Record<string, unknown> | null;
  lrs: number[][];
  warnings: string[];
  construct_error?: { type: string; message: string };
  step_error?: { step: number; type: string; message: string };
}

const file = fixture<{ transformers_version: string; torch_version: string; cases: HfCase[] }>("transformers_get_scheduler.json");
const isClosedForm = (name: string): name is TransformersName => (TRANSFORMERS_NAMES as readonly string[]).includes(name);
const closedForm = file.cases.filter((c) => isClosedForm(c.name));

/** The fixture's get_scheduler call as options (keys that are no option of any name left out). */
function optionsOf(c: HfCase, keep: (key: string) => boolean = () => true): TransformersOptions {
  const o: Record<string, unknown> = { learningRate: c.optimizer.defaults_lr };
  if (c.num_warmup_steps !== null) o.numWarmupSteps = c.num_warmup_steps;
  if (c.num_training_steps !== null) o.numTrainingSteps = c.num_training_steps;
  for (const [k, v] of Object.entries(camelKeys(c.scheduler_specific_kwargs ?? {}))) if (keep(k)) o[k] = v;
  return o as unknown as TransformersOptions;
}

/** Relative error; where transformers gives exactly 0 the value must be 0 to 1e-9 of the peak. */
function relError(got: number, want: number, peak: number): number {
  if (got === want) return 0;
  return Math.abs(got - want) / (want === 0 ? peak : Math.abs(want));
}

const TOLERANCE = 1e-9;
/** name -> [cases, values compared, largest error of at(), largest error of curve()] */
const report = new Map<string, [number, number, number, number]>();

function note(name: string, values: number, atErr: number, curveErr: number): void {
  const [n, v, a, c] = report.get(name) ?? [0, 0, 0, 0];
  report.set(name, [n + 1, v + values, Math.max(a, atErr), Math.max(c, curveErr)]);
}

let warnSpy: MockInstance<typeof console.warn>;
beforeEach(() => {
  warnSpy = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => warnSpy.mockRestore());

describe(`transformers() equals transformers ${file.transformers_version} get_scheduler on torch ${file.torch_version}`, () => {
  const runs = closedForm.filter((c) => !c.construct_error && !c.step_error);
  it.each(runs.map((c) => [c.label, c] as const))("%s", (_, c) => {
    // 'anything' is no option of any name: transformers' constant drops it, lrsched refuses it
    const opts = optionsOf(c, (k) => k !== "anything");
    const name = c.name as TransformersName;
    const { defaults_lr: lr, group_lrs: groups } = c.optimizer;
    const peak = Math.max(...c.lrs.flat());
    const lambda = transformersLambda(name, opts);
    const schedule = transformers(name, opts);
    const curve = schedule.curve(c.lrs.length, { dtype: "float64" });
    let atErr = 0;
    let curveErr = 0;
    let values = 0;
    c.lrs.forEach((row, k) => {
      row.forEach((want, g) => {
        // LambdaLR: the group's initial rate times the multiplier
        const got = groups[g] * lambda(k);
        const err = relError(got, want, peak);
        if (!(err <= TOLERANCE)) expect.fail(`step ${k} group ${g}: got ${got}, transformers ${want} (relative error ${err})`);
        atErr = Math.max(atErr, err);
        values++;
        if (groups[g] !== lr) return;
        // the schedule is the group whose rate is the optimizer's default
        const at = schedule.at(k);
        const e = relError(at, want, peak);
        if (!(e <= TOLERANCE)) expect.fail(`at(${k}): got ${at}, transformers ${want} (relative error ${e})`);
        atErr = Math.max(atErr, e);
        // curve() runs the core: its accuracy contract is 1e-6 relative (1e-6 x peak near 0)
        const ce = Math.abs(curve[k] - want) / Math.max(Math.abs(want), 1e-6 * peak);
        if (!(ce <= 1e-6)) expect.fail(`curve()[${k}]: got ${curve[k]}, transformers ${want} (relative error ${ce})`);
        curveErr = Math.max(curveErr, ce);
        values += 2;
      });
    });
    note(name, values, atErr, curveErr);
    // transformers' own warnings (wsd given both numTrainingSteps and numStableSteps) are ours too
    for (const w of c.warnings) expect(warnSpy.mock.calls.flat().join("\n")).toContain(w.startsWith("Both") ? "numStableSteps is set" : w);
  });

  it("the report", () => {
    expect([...report.keys()].sort()).toEqual([...TRANSFORMERS_NAMES].sort());
  });
});

describe("get_scheduler's argument rules", () => {
  const refused = closedForm.filter((c) => c.construct_error || c.step_error);
  it.each(refused.map((c) => [c.label, c] as const))("%s: refused at construction", (_, c) => {
    // transformers raises in get_scheduler, or (polynomial with T = W) at the step that divides by zero
    expect(() => transformers(c.name as TransformersName, optionsOf(c))).toThrow(LrschedError);
  });

  it("a missing step count names the option", () => {
    expect(() => transformers("linear", { learningRate: 0.1, numTrainingSteps: 10 })).toThrow("numWarmupSteps is required by 'linear'");
    expect(() => transformers("cosine", { learningRate: 0.1, numWarmupSteps: 0 })).toThrow("numTrainingSteps is required by 'cosine'");
    expect(() => transformers("warmup_stable_decay", { learningRate: 0.1, numWarmupSteps: 2, numDecaySteps: 3 }))
      .toThrow("numTrainingSteps or numStableSteps is required by 'warmup_stable_decay'");
    // constant takes no step count at all
    expect(transformers("constant", { learningRate: 0.1 }).at(5)).toBe(0.1);
  });

  it("an option the name's function does not take is an error (transformers: TypeError)", () => {
    expect(() => transformers("linear", { learningRate: 0.1, numWarmupSteps: 1, numTrainingSteps: 9, numCycles: 2 }))
      .toThrow("numCycles is not an option of 'linear' (it takes no options besides the step counts; transformers raises TypeError)");
    expect(() => transformers("cosine_with_min_lr", { learningRate: 0.1, numWarmupSteps: 1, numTrainingSteps: 9, minLrRate: 0.1, warmupLrRate: 0.2 }))
      .toThrow("warmupLrRate is not an option of 'cosine_with_min_lr'");
  });

  it("an option transformers ignores for the name is accepted with a warning", () => {
    const s = transformers("constant_with_warmup", { learningRate: 0.1, numWarmupSteps: 4, numTrainingSteps: 6, power: 2 });
    expect(s.at(2)).toBeCloseTo(0.05, 15);
    const said = warnSpy.mock.calls.map((c) => String(c[0]));
    expect(said).toEqual([
      "lrsched warning: numTrainingSteps is ignored by 'constant_with_warmup' (transformers ignores it too)",
      "lrsched warning: power is ignored by 'constant_with_warmup' (transformers ignores its scheduler_specific_kwargs)",
    ]);
    transformers("inverse_sqrt", { learningRate: 0.1, numWarmupSteps: 3, numTrainingSteps: 10 });
    expect(warnSpy).toHaveBeenCalledTimes(3);
  });

  it("a name that follows a metric points to the stepping scheduler; an unknown name is refused", () => {
    expect(() => transformers("reduce_lr_on_plateau" as TransformersName, { learningRate: 0.1 })).toThrow("transformersScheduler()");
    expect(() => transformers("greedy" as TransformersName, { learningRate: 0.1 })).toThrow(LrschedError);
    const unknown = file.cases.find((c) => c.label === "unknown name")!;
    expect(unknown.construct_error?.type).toBe("ValueError");
    expect(() => transformers(unknown.name as TransformersName, optionsOf(unknown))).toThrow("name must be one of 'linear'");
  });

  it("the issue's examples", () => {
    // cosine_warmup_with_min_lr, W=2, T=10, min_lr_rate 0, lr 0.1: 0.05, 0.1, 0.0962, 0.0854
    const cw = transformers("cosine_warmup_with_min_lr", { learningRate: 0.1, numWarmupSteps: 2, numTrainingSteps: 10, minLrRate: 0 });
    expect([0, 1, 2, 3].map((k) => +cw.at(k).toFixed(4))).toEqual([0.05, 0.1, 0.0962, 0.0854]);
    // warmup_stable_decay with a 1-sqrt warm-up, W=4: 0, 0.0134, 0.0293, 0.05, then 0.1
    const wsd = transformers("warmup_stable_decay", { learningRate: 0.1, numWarmupSteps: 4, numTrainingSteps: 12, numDecaySteps: 4, warmupType: "1-sqrt" });
    expect([0, 1, 2, 3, 4].map((k) => +wsd.at(k).toFixed(4))).toEqual([0, 0.0134, 0.0293, 0.05, 0.1]);
    // polynomial with power 0: lr through numTrainingSteps, lrEnd after
    const p0 = transformers("polynomial", { learningRate: 0.1, numWarmupSteps: 0, numTrainingSteps: 10, power: 0 });
    expect([9, 10, 11].map((k) => p0.at(k))).toEqual([0.1, 0.1, 1e-7]);
    // cosine_with_restarts with numTrainingSteps = numWarmupSteps: the peak at that step, then 0
    const r = transformers("cosine_with_restarts", { learningRate: 0.1, numWarmupSteps: 5, numTrainingSteps: 5 });
    expect([5, 6].map((k) => r.at(k))).toEqual([0.1, 0]);
  });
});

afterAll(() => {
  const rows = [...report.entries()].sort().map(([name, [n, v, a, c]]) =>
    `${name.padEnd(26)} cases ${String(n).padStart(2)}  values ${String(v).padStart(4)}  at() ${a.toExponential(2)}  curve() ${c.toExponential(2)}`);
  if (process.env.LRSCHED_REPORT) console.log(`largest relative error vs transformers:\n${rows.join("\n")}`);
});
