// fromOptax against optax's own schedule functions evaluated in f64 (tools/conformance,
// fixtures/optax.json): every case at integer and fractional steps to 1e-9 relative, core curves
// within the accuracy contract, and toOptax(fromOptax(c)) giving the same values.
import { afterAll, describe, expect, it } from "vitest";
import { LrschedError, cyclic, fromOptax, hasOptax, toOptax, type OptaxConfig } from "../src";
import { maxRelErr } from "./support/compare";
import { fixture } from "./support/fixtures";

interface Case {
  name: string;
  config: OptaxConfig;
  steps: number[];
  values: number[];
  error?: { type: string; message: string };
}

const file = fixture<{ optax_version: string; jax_version: string; cases: Case[] }>("optax.json");
const valid = file.cases.filter((c) => !c.error);
let worst = 0;

function agree(got: (step: number) => number, c: Case, what: string) {
  const peak = Math.max(...c.values.map(Math.abs));
  const err = maxRelErr(c.steps.map(got), (i) => c.values[i]!, peak);
  worst = Math.max(worst, err);
  expect(err, what).toBeLessThanOrEqual(1e-9);
}

describe(`fromOptax equals optax ${file.optax_version} (jax ${file.jax_version}, f64)`, () => {
  it("covers every function fromOptax reads", () => {
    const fns = new Set(file.cases.map((c) => c.config.fn));
    expect(fns.size).toBe(14);
  });

  it.each(valid.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const s = fromOptax(c.config);
    agree((x) => s.at(x), c, "at()");
    const ints = c.steps.filter(Number.isInteger);
    const n = Math.min(Math.max(...ints) + 1, s.maxStep + 1);
    const curve = s.curve(n, { dtype: "float64" });
    const peak = Math.max(...c.values.map(Math.abs));
    const idx = ints.filter((x) => x < n);
    expect(maxRelErr(idx.map((x) => curve[x]!), (i) => c.values[c.steps.indexOf(idx[i]!)]!, peak), "curve()").toBeLessThanOrEqual(1e-6);
    // the optax call written back gives the same values at integer steps
    if (hasOptax(s)) {
      const back = fromOptax(JSON.parse(JSON.stringify(toOptax(s))));
      agree((x) => (Number.isInteger(x) ? back.at(x) : c.values[c.steps.indexOf(x)]!), c, "toOptax round trip");
    }
  });

  it.each(file.cases.filter((c) => c.error).map((c) => [`${c.name} (optax: ${c.error!.type})`, c] as const))("%s", (_, c) => {
    expect(() => fromOptax(c.config)).toThrow(LrschedError);
  });

  afterAll(() => console.log(`optaxConformance.test.ts: ${valid.length} cases, largest relative error ${worst.toExponential(2)}`));
});

describe("fromOptax names the argument it refuses", () => {
  const cases: [string, unknown, RegExp][] = [
    ["unknown fn", { fn: "onecycle", kwargs: {} }, /^optax\.fn must be one of/],
    ["unknown kwarg", { fn: "linear_schedule", kwargs: { init_value: 1, end_value: 0, transition_steps: 3, begin: 2 } }, /^optax\.kwargs\.begin is not an argument of linear_schedule/],
    ["missing kwarg", { fn: "exponential_decay", kwargs: { init_value: 1, decay_rate: 0.5 } }, /^optax\.kwargs\.transition_steps is required/],
    ["negative rate", { fn: "constant_schedule", kwargs: { value: -1 } }, /^optax\.kwargs\.value must be a finite number >= 0/],
    ["bad boundary key", { fn: "piecewise_constant_schedule", kwargs: { init_value: 1, boundaries_and_scales: { "-3": 0.5 } } }, /^optax\.kwargs\.boundaries_and_scales\.-3 must be keyed/],
    ["join length", { fn: "join_schedules", kwargs: { schedules: [{ fn: "constant_schedule", kwargs: { value: 1 } }], boundaries: [3] } }, /^optax\.kwargs\.boundaries must be a list of 0/],
    ["join decreasing", { fn: "join_schedules", kwargs: { schedules: [1, 2, 3].map((v) => ({ fn: "constant_schedule", kwargs: { value: v } })), boundaries: [5, 2] } }, /^optax\.kwargs\.boundaries\[1\] must be >=/],
    ["nested", { fn: "join_schedules", kwargs: { schedules: [{ fn: "constant_schedule", kwargs: { value: 1 } }, { fn: "cosine_decay_schedule", kwargs: { init_value: 1 } }], boundaries: [5] } }, /^optax\.kwargs\.schedules\[1\]\.kwargs\.decay_steps is required/],
    ["alpha above 1", { fn: "warmup_cosine_decay_schedule", kwargs: { init_value: 0, peak_value: 0.1, warmup_steps: 2, decay_steps: 10, end_value: 0.5 } }, /^optax\.kwargs\.end_value must be <= peak_value/],
  ];
  it.each(cases)("%s", (_, config, message) => {
    expect(() => fromOptax(config as OptaxConfig)).toThrow(message);
  });
});

describe("toOptax", () => {
  it("writes optax's call", () => {
    const s = fromOptax({ fn: "constant_schedule", kwargs: { value: 0.1 } });
    expect(toOptax(s)).toEqual({ fn: "constant_schedule", kwargs: { value: 0.1 } });
  });

  it("the README's example: a warm-up cosine comes back as a join of its two pieces", () => {
    const s = fromOptax({ fn: "warmup_cosine_decay_schedule", kwargs: { init_value: 0, peak_value: 0.1, warmup_steps: 500, decay_steps: 9000 } });
    const back = toOptax(s);
    expect(back.fn).toBe("join_schedules");
    expect((back.kwargs.schedules as OptaxConfig[]).map((c) => c.fn)).toEqual(["polynomial_schedule", "cosine_decay_schedule"]);
    expect(back.kwargs.boundaries).toEqual([500]);
  });

  it("refuses what optax cannot express", () => {
    const s = cyclic({ baseLr: 0.001, maxLr: 0.1, stepSizeUp: 10 });
    expect(hasOptax(s)).toBe(false);
    expect(() => toOptax(s)).toThrow(/^cyclic has no optax equivalent/);
  });
});
