// fromTimm against timm's own _get_lr(t), recorded from timm by tools/conformance (fixtures/timm.json):
// every case, every param group, integer and fractional t, to 1e-12 relative; curves from the core
// within the accuracy contract.
import { describe, expect, it } from "vitest";
import { LrschedError, fromTimm, type TimmConfig } from "../src";
import { maxRelErr } from "./support/compare";
import { fixture } from "./support/fixtures";

interface Case {
  name: string;
  groups: { lr: number; initial_lr?: number }[];
  config: TimmConfig;
  get_lr?: { t: number[]; lrs: number[][] };
  construct_error?: { type: string; message: string };
}

const file = fixture<{ timm_version: string; torch_version: string; cases: Case[] }>("timm.json");
const closedForm = file.cases.filter((c) => c.get_lr);
const refused = file.cases.filter((c) => c.construct_error && c.config.class !== "PlateauLRScheduler");

describe(`fromTimm equals timm ${file.timm_version}'s _get_lr`, () => {
  it("the fixture covers every closed-form class and the factory", () => {
    const classes = new Set(closedForm.map((c) => c.config.class));
    expect([...classes].sort()).toEqual(["CosineLRScheduler", "MultiStepLRScheduler", "PolyLRScheduler", "StepLRScheduler", "TanhLRScheduler", "create_scheduler_v2"]);
    expect(closedForm.length).toBeGreaterThanOrEqual(35);
  });

  it.each(closedForm.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const { t, lrs } = c.get_lr!;
    c.groups.forEach((g, k) => {
      const s = fromTimm(c.config, { lr: g.initial_lr ?? g.lr });
      const want = lrs.map((r) => r[k]!);
      const peak = Math.max(...want.map(Math.abs));
      expect(maxRelErr(t.map((x) => s.at(x)), (i) => want[i]!, peak), `group ${k}`).toBeLessThanOrEqual(1e-12);
      // integer t from the core: the accuracy contract (1e-6 relative)
      const ints = t.filter(Number.isInteger);
      const n = Math.max(...ints) + 1;
      const curve = s.curve(n, { dtype: "float64" });
      expect(maxRelErr(ints.map((x) => curve[x]!), (i) => want[t.indexOf(ints[i]!)]!, peak), `group ${k} curve`).toBeLessThanOrEqual(1e-6);
    });
  });

  it.each(refused.map((c) => [c.name, c] as const))("%s", (_, c) => {
    expect(() => fromTimm(c.config, { lr: 0.1 })).toThrow(LrschedError);
  });
});

describe("fromTimm refuses what it cannot reproduce, naming the argument", () => {
  const cases: [string, TimmConfig, RegExp][] = [
    ["noise", { class: "CosineLRScheduler", kwargs: { t_initial: 10, noise_range_t: 5 } }, /^kwargs\.noise_range_t must be null/],
    ["factory noise", { class: "create_scheduler_v2", kwargs: { noise: 0.5 } }, /^kwargs\.noise must be null/],
    ["plateau", { class: "PlateauLRScheduler", kwargs: {} }, /PlateauLRScheduler has no closed form/],
    ["unknown kwarg", { class: "StepLRScheduler", kwargs: { decay_t: 3, gamma: 0.5 } }, /^kwargs\.gamma is not a keyword argument of StepLRScheduler/],
    ["camelCase kwarg", { class: "CosineLRScheduler", kwargs: { tInitial: 3 } }, /^kwargs\.tInitial is not a keyword argument/],
    ["missing t_initial", { class: "CosineLRScheduler", kwargs: {} }, /^kwargs\.t_initial is required/],
    ["t_initial 0", { class: "TanhLRScheduler", kwargs: { t_initial: 0 } }, /^kwargs\.t_initial must be/],
    ["unsorted milestones", { class: "MultiStepLRScheduler", kwargs: { decay_t: [5, 3] } }, /^kwargs\.decay_t\[1\] must be >= /],
    ["unknown class", { class: "OneCycleLR", kwargs: {} }, /^class must be one of/],
    ["unknown sched", { class: "create_scheduler_v2", kwargs: { sched: "onecycle" } }, /^kwargs\.sched must be one of/],
    ["factory per update without updates_per_epoch", { class: "create_scheduler_v2", kwargs: { step_on_epochs: false } }, /^kwargs\.updates_per_epoch must be > 0/],
    ["factory plateau per update", { class: "create_scheduler_v2", kwargs: { sched: "plateau", step_on_epochs: false, updates_per_epoch: 3 } }, /^kwargs\.step_on_epochs must be true/],
    ["cycle_mul below 1", { class: "CosineLRScheduler", kwargs: { t_initial: 5, cycle_mul: 0.5 } }, /^kwargs\.cycle_mul must be/],
  ];
  it.each(cases)("%s", (_, config, message) => {
    expect(() => fromTimm(config, { lr: 0.1 })).toThrow(message);
  });

  it("lr is required", () => {
    expect(() => fromTimm({ class: "StepLRScheduler", kwargs: { decay_t: 2 } }, {} as { lr: number })).toThrow(/^lr must be a finite number >= 0/);
  });
});

describe("timm's class defaults", () => {
  it("warmup_prefix is false for the cycle classes and true for the step classes", () => {
    const kw = { warmup_t: 2, warmup_lr_init: 0.01 };
    expect(fromTimm({ class: "CosineLRScheduler", kwargs: { t_initial: 10, ...kw } }, { lr: 1 }).options.warmupPrefix).toBe(false);
    expect(fromTimm({ class: "StepLRScheduler", kwargs: { decay_t: 3, ...kw } }, { lr: 1 }).options.warmupPrefix).toBe(true);
    expect(fromTimm({ class: "MultiStepLRScheduler", kwargs: { decay_t: [3], ...kw } }, { lr: 1 }).options.warmupPrefix).toBe(true);
    expect(fromTimm({ class: "PolyLRScheduler", kwargs: { t_initial: 10, ...kw } }, { lr: 1 }).options.power).toBe(0.5);
  });

  it("a timm schedule round-trips through its spec", () => {
    const s = fromTimm({ class: "create_scheduler_v2", kwargs: { sched: "cosine", num_epochs: 20, warmup_epochs: 3 } }, { lr: 0.1 });
    expect(s.toSpec()).toMatchObject({ type: "timmCosine", lr: 0.1, tInitial: 20, warmupT: 3, warmupLrInit: 1e-5, cycleDecay: 0.1 });
  });
});
