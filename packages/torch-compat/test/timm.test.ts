// fromTimmConfig against timm 1.0.29 on torch 2.13 (tools/conformance/fixtures/timm.json): every
// call of every case (step / step_update, per epoch or per update, metrics), every group's rate
// after construction and after each call to 1e-12 relative, the state dicts, the factory's
// num_epochs, resuming from a state dict, and the constructor errors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LrschedError, fromTimmConfig, type ParamGroup } from "../src/index";
import { diffState, relError } from "./compare";
import { FIXTURES } from "./fixtures";

interface Case {
  name: string;
  groups: { lr: number; lr_scale?: number; initial_lr?: number }[];
  config: { class: string; kwargs: Record<string, unknown> };
  calls: [string, number, number | null][];
  records: number[][];
  state_dicts: Record<string, Record<string, unknown>>;
  num_epochs?: number;
  resume?: { at: number; state_dict: Record<string, unknown>; records: number[][] };
  construct_error?: { type: string; message: string };
}

const file = JSON.parse(readFileSync(join(FIXTURES, "timm.json"), "utf8")) as { timm_version: string; torch_version: string; cases: Case[] };

const optimizer = (groups: Case["groups"]) => ({
  paramGroups: groups.map((g) => {
    const p: ParamGroup = { lr: g.lr };
    if (g.lr_scale !== undefined) p.lrScale = g.lr_scale;
    if (g.initial_lr !== undefined) p.initialLr = g.initial_lr;
    return p;
  }),
});

let worst = 0;
let compared = 0;
function expectRates(got: number[], want: number[], where: string) {
  want.forEach((w, i) => {
    const err = relError(got[i]!, w, Math.max(...want.map(Math.abs)));
    worst = Math.max(worst, err);
    compared++;
    expect(err, `${where} group ${i}: ${got[i]} vs ${w}`).toBeLessThanOrEqual(1e-12);
  });
}

function run(c: Case, calls: Case["calls"], s: ReturnType<typeof fromTimmConfig>, opt: { paramGroups: ParamGroup[] }, from = 0) {
  const rates: number[][] = [];
  calls.forEach(([method, t, metric], i) => {
    if (method === "step") s.step(t, metric);
    else s.stepUpdate(t, metric);
    rates.push(opt.paramGroups.map((g) => g.lr));
    const want = c.state_dicts[String(from + i + 1)];
    if (from === 0 && want) expect(diffState(s.stateDict(), want), `${c.name}: state after call ${i + 1}`).toEqual([]);
  });
  return rates;
}

const built = file.cases.filter((c) => !c.construct_error);
const refused = file.cases.filter((c) => c.construct_error);

describe(`fromTimmConfig equals timm ${file.timm_version} (torch ${file.torch_version})`, () => {
  it("covers every class, the factory, both step methods and resumes", () => {
    const classes = new Set(built.map((c) => c.config.class));
    expect(classes.size).toBe(7);
    expect(built.some((c) => c.calls.some(([m]) => m === "step_update"))).toBe(true);
    expect(built.filter((c) => c.resume).length).toBeGreaterThanOrEqual(5);
  });

  it.each(built.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const opt = optimizer(c.groups);
    const s = fromTimmConfig(opt, c.config);
    expectRates(opt.paramGroups.map((g) => g.lr), c.records[0]!, `${c.name}: construction`);
    expect(diffState(s.stateDict(), c.state_dicts["0"]), `${c.name}: state after construction`).toEqual([]);
    if (c.num_epochs !== undefined) expect(s.numEpochs).toBe(c.num_epochs);
    else expect(s.numEpochs).toBeUndefined();
    run(c, c.calls, s, opt).forEach((r, i) => expectRates(r, c.records[i + 1]!, `${c.name}: call ${i + 1} ${JSON.stringify(c.calls[i])}`));
    if (c.resume) {
      const fresh = optimizer(c.groups);
      const s2 = fromTimmConfig(fresh, c.config);
      s2.loadStateDict(JSON.parse(JSON.stringify(c.resume.state_dict)));
      run(c, c.calls.slice(c.resume.at), s2, fresh, c.resume.at).forEach((r, i) => expectRates(r, c.resume!.records[i]!, `${c.name}: resumed call ${c.resume!.at + i + 1}`));
    }
  });

  it.each(refused.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const opt = optimizer(c.groups);
    const before = JSON.stringify(opt);
    expect(() => fromTimmConfig(opt, c.config)).toThrow(LrschedError);
    expect(JSON.stringify(opt), "a refused config leaves the optimizer alone").toBe(before);
  });

  afterAll(() => {
    console.log(`timm.test.ts: ${built.length} cases, ${compared} rates, largest relative error ${worst.toExponential(2)}`);
  });
});

describe("timm semantics the fixtures rely on", () => {
  it("step and stepUpdate each act only in their own unit", () => {
    const opt = { paramGroups: [{ lr: 0.1 }] };
    const perEpoch = fromTimmConfig(opt, { class: "StepLRScheduler", kwargs: { decay_t: 1, decay_rate: 0.5 } });
    perEpoch.stepUpdate(5);
    expect(opt.paramGroups[0]!.lr).toBe(0.1);
    perEpoch.step(2);
    expect(opt.paramGroups[0]!.lr).toBe(0.025);
    const opt2 = { paramGroups: [{ lr: 0.1 }] };
    const perUpdate = fromTimmConfig(opt2, { class: "StepLRScheduler", kwargs: { decay_t: 1, decay_rate: 0.5, t_in_epochs: false } });
    perUpdate.step(2);
    expect(opt2.paramGroups[0]!.lr).toBe(0.1);
    perUpdate.stepUpdate(1);
    expect(opt2.paramGroups[0]!.lr).toBe(0.05);
  });

  it("errors name the kwarg or the group", () => {
    const opt = { paramGroups: [{ lr: 0.1 }] };
    expect(() => fromTimmConfig(opt, { class: "PlateauLRScheduler", kwargs: { decay_rate: 2 } })).toThrow(/^kwargs\.decay_rate must be < 1/);
    expect(() => fromTimmConfig(opt, { class: "PlateauLRScheduler", kwargs: { patience: 2 } })).toThrow(/^kwargs\.patience is not a keyword argument of PlateauLRScheduler/);
    expect(() => fromTimmConfig(opt, { class: "CosineLRScheduler", kwargs: { t_initial: 5, initialize: false } })).toThrow(/^optimizer\.paramGroups\[0\]\.initialLr must be set/);
    expect(() => fromTimmConfig({ paramGroups: [{ lr: 0.1, lrScale: "x" }] }, { class: "StepLRScheduler", kwargs: { decay_t: 1 } })).toThrow(/lrScale must be a finite number/);
    const s = fromTimmConfig(opt, { class: "StepLRScheduler", kwargs: { decay_t: 1 } });
    expect(() => s.step(-1)).toThrow(/^epoch must be a finite number >= 0/);
    expect(() => s.loadStateDict({ decay_t: 0 })).toThrow(/^stateDict\.decay_t must be/);
    expect(() => s.loadStateDict({ t_initial: 3 })).toThrow(/^stateDict\.t_initial is not a StepLRScheduler state dict key/);
  });
});
