// toSchedule(): the ts-api schedule of a closed-form scheduler reproduces the stepped rates.
import { describe, expect, it } from "vitest";
import {
  ConstantLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, CyclicLR, ExponentialLR, LinearLR, MultiStepLR, OneCycleLR,
  LrschedError, PolynomialLR, SequentialLR, StepLR, type Optimizer, type Scheduler,
} from "../src/index";
import { relError } from "./compare";
import { classFixtures, makeOptimizer, makeScheduler, readFixture } from "./fixtures";

type WithSchedule = Scheduler & { toSchedule(group?: number): import("@lrsched/ts-api").Schedule };
const hasSchedule = (s: Scheduler): s is WithSchedule => typeof (s as Partial<WithSchedule>).toSchedule === "function";

/** at(): the same arithmetic as the stepped run, up to a few ulps. */
const AT_TOLERANCE = 1e-12;
/** curve(): the core's accuracy contract (1e-6 relative); observed errors are reported below. */
const CURVE_TOLERANCE = 1e-6;

/**
 * Degenerate runs PyTorch accepts that no ts-api schedule describes: toSchedule() says so with an
 * LrschedError rather than returning another curve.
 */
const NO_CLOSED_FORM = new Set([
  "StepLR: degenerate: fractional step_size",
  "StepLR: degenerate: negative fractional step_size",
  "LinearLR: degenerate: fractional total_iters",
  "PolynomialLR: degenerate: fractional total_iters",
  "CyclicLR: degenerate: negative step_size_up",
  "ExponentialLR: degenerate: negative gamma",
  "OneCycleLR: degenerate: negative div_factor",
]);

const CLOSED = new Set([
  "StepLR", "MultiStepLR", "ExponentialLR", "ConstantLR", "LinearLR", "PolynomialLR",
  "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR", "SequentialLR",
]);

describe("toSchedule() equals the stepped PyTorch rates", () => {
  for (const file of classFixtures()) {
    const fx = readFixture(file);
    if (!CLOSED.has(fx.class!)) continue;
    for (const c of fx.cases) {
      const plain = !c.construct_error && !c.step_error && !c.lrsched_rejects &&
        c.steps.every((a) => a === null) && (c.scheduler.kwargs.last_epoch ?? -1) === -1;
      if (!plain) continue;
      it(`${fx.class}: ${c.name}`, () => {
        const s = makeScheduler(c.scheduler, makeOptimizer(c.optimizer));
        if (!hasSchedule(s)) throw new Error("no toSchedule");
        if (NO_CLOSED_FORM.has(`${fx.class}: ${c.name}`)) {
          expect(() => s.toSchedule(0)).toThrow(LrschedError);
          return;
        }
        let schedules;
        try {
          schedules = c.records[0].lr.map((_, g) => s.toSchedule(g));
        } catch (e) {
          // a composite whose child has no closed form (LambdaLR, MultiplicativeLR, nested SequentialLR)
          expect(fx.class).toBe("SequentialLR");
          return;
        }
        const n = c.records.length;
        schedules.forEach((schedule, g) => {
          const want = c.records.map((r) => r.lr[g]);
          const scale = Math.max(...want.map(Math.abs));
          const curve = schedule.curve(n, { dtype: "float64" });
          for (let e = 0; e < n; e++) {
            const at = schedule.at(e);
            expect(relError(at, want[e], scale), `at(${e})`).toBeLessThanOrEqual(AT_TOLERANCE);
            expect(relError(curve[e], want[e], scale), `curve[${e}]`).toBeLessThanOrEqual(CURVE_TOLERANCE);
          }
        });
      });
    }
  }
});

const opt = (): Optimizer => ({ paramGroups: [{ lr: 0.1, momentum: 0.9 }] });

/** Steps `s` n times and compares every rate with the schedule's float64 curve. */
function maxCurveError(s: Scheduler & WithSchedule, n: number): number {
  const curve = s.toSchedule(0).curve(n, { dtype: "float64" });
  const scale = Math.max(...Array.from(curve.subarray(0, 1000)).map(Math.abs));
  let worst = relError(curve[0], s.optimizer.paramGroups[0].lr, scale);
  for (let e = 1; e < n; e++) {
    s.step();
    worst = Math.max(worst, relError(curve[e], s.optimizer.paramGroups[0].lr, scale));
  }
  return worst;
}

describe("toSchedule().curve() over long runs", () => {
  const N = 200_000;
  const cases: Array<[string, () => WithSchedule]> = [
    ["StepLR", () => new StepLR(opt(), { stepSize: 1000, gamma: 0.9 })],
    ["MultiStepLR", () => new MultiStepLR(opt(), { milestones: [1000, 50_000, 50_000, 150_000], gamma: 0.5 })],
    ["ExponentialLR", () => new ExponentialLR(opt(), { gamma: 0.99999 })],
    ["ConstantLR", () => new ConstantLR(opt(), { factor: 0.25, totalIters: 777 })],
    ["LinearLR", () => new LinearLR(opt(), { startFactor: 0.01, totalIters: 50_000 })],
    ["PolynomialLR", () => new PolynomialLR(opt(), { totalIters: 150_000, power: 2 })],
    ["CosineAnnealingLR", () => new CosineAnnealingLR(opt(), { tMax: 30_000, etaMin: 1e-4 })],
    ["CosineAnnealingWarmRestarts", () => new CosineAnnealingWarmRestarts(opt(), { t0: 1000, tMult: 2, etaMin: 1e-4 })],
    ["CyclicLR", () => new CyclicLR(opt(), { baseLr: 0.001, maxLr: 0.1, stepSizeUp: 700, stepSizeDown: 1300, mode: "triangular2" })],
    ["OneCycleLR", () => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: N - 1 })],
    ["SequentialLR", () => {
      const o = opt();
      return new SequentialLR(o, {
        schedulers: [new LinearLR(o, { startFactor: 0.1, totalIters: 5000 }), new ExponentialLR(o, { gamma: 0.99995 })],
        milestones: [5000],
      });
    }],
  ];
  for (const [name, make] of cases) {
    it(`${name}: ${N} steps within the core's 1e-6`, () => {
      const err = maxCurveError(make(), N);
      if (process.env.LRSCHED_REPORT) console.log(`${name.padEnd(28)} curve vs stepping: ${err.toExponential(2)}`);
      expect(err).toBeLessThanOrEqual(CURVE_TOLERANCE);
    });
  }
});

describe("toSchedule() refuses what it cannot express", () => {
  it("checks the group index", () => {
    const s = new StepLR(opt(), { stepSize: 2 });
    expect(() => s.toSchedule(1)).toThrow(/group/);
  });
  it("ConstantLR with factor 0 (the stepped run fails at totalIters)", () => {
    expect(() => new ConstantLR(opt(), { factor: 0, totalIters: 3 }).toSchedule()).toThrow(/toSchedule/);
  });
  it("SequentialLR whose first scheduler's base was changed by a later one", () => {
    const o = opt();
    const s = new SequentialLR(o, {
      schedulers: [new LinearLR(o, { totalIters: 3 }), new OneCycleLR(o, { maxLr: 1, totalSteps: 20, cycleMomentum: false })],
      milestones: [3],
    });
    expect(() => s.toSchedule()).toThrow(/toSchedule/);
  });
});
