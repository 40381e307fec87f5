// Every Keras-family schedule against the reference formulas (support/kerasReference.ts), over
// random parameters: at() to 1e-12, curve() (f64 and f32) within the 1e-6 accuracy contract.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cosineDecay,
  cosineDecayRestarts,
  exponentialDecay,
  inverseTimeDecay,
  linearCosineDecay,
  naturalExpDecay,
  piecewiseConstantDecay,
  polynomialDecay,
  type Schedule,
} from "../src";
import * as ref from "./support/kerasReference";
import { maxRelErr } from "./support/compare";

const lr = fc.double({ min: 1e-6, max: 10, noNaN: true });
const steps = fc.integer({ min: 1, max: 5000 });
const start = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 1e9 }));
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const bool = fc.boolean();

/**
 * `peak`: the schedule's largest rate, the scale of the contract's absolute floor near zero.
 * `atTol`: at() against the reference; 1e-12 except where the reference itself accumulates
 * rounding (Keras's restart loop adds one rounding per period).
 */
function check(schedule: Schedule, want: (step: number) => number, first: number, peak: number, count = 3000, atTol = 1e-12) {
  const f64 = schedule.curve(count, { start: first, dtype: "float64" });
  const f32 = schedule.curve(count, { start: first });
  expect(maxRelErr(f64, (i) => want(first + i), peak)).toBeLessThanOrEqual(1e-6);
  expect(maxRelErr(f32, (i) => want(first + i), peak)).toBeLessThanOrEqual(1e-6);
  // at() mirrors the formula itself: near-exact agreement at a sample of steps
  for (let i = 0; i < count; i += 97) {
    expect(maxRelErr([schedule.at(first + i)], () => want(first + i), peak)).toBeLessThanOrEqual(atTol);
  }
}

const runs = { numRuns: 40 };

describe("Keras formulas, random parameters", () => {
  it("exponentialDecay", () => {
    fc.assert(
      fc.property(lr, steps, fc.double({ min: 0.05, max: 1, noNaN: true }), bool, start, (l, d, rate, stair, s0) => {
        const o = { initialLearningRate: l, decaySteps: d, decayRate: rate, staircase: stair };
        const first = Math.min(s0, d * 30); // past ~30 decay periods the rate underflows to 0 for small rates
        check(exponentialDecay(o), (s) => ref.exponential(s, l, d, rate, stair), first, l);
      }),
      runs,
    );
  });

  it("inverseTimeDecay", () => {
    fc.assert(
      fc.property(lr, steps, fc.double({ min: 0, max: 5, noNaN: true }), bool, start, (l, d, rate, stair, s0) => {
        const o = { initialLearningRate: l, decaySteps: d, decayRate: rate, staircase: stair };
        check(inverseTimeDecay(o), (s) => ref.inverseTime(s, l, d, rate, stair), s0, l);
      }),
      runs,
    );
  });

  it("naturalExpDecay", () => {
    fc.assert(
      fc.property(lr, steps, fc.double({ min: 0, max: 2, noNaN: true }), bool, start, (l, d, rate, stair, s0) => {
        const o = { initialLearningRate: l, decaySteps: d, decayRate: rate, staircase: stair };
        const first = Math.min(s0, d * 50);
        check(naturalExpDecay(o), (s) => ref.naturalExp(s, l, d, rate, stair), first, l);
      }),
      runs,
    );
  });

  it("piecewiseConstantDecay", () => {
    const bounds = fc.uniqueArray(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 12 }).map((b) => b.sort((x, y) => x - y));
    fc.assert(
      fc.property(bounds, fc.integer({ min: 0, max: 4000 }), (b, s0) => {
        const values = Array.from({ length: b.length + 1 }, (_, i) => 1 / (i + 1));
        check(piecewiseConstantDecay({ boundaries: b, values }), (s) => ref.piecewise(s, b, values), s0, 1);
      }),
      runs,
    );
  });

  it("polynomialDecay (any power, with and without cycle)", () => {
    fc.assert(
      fc.property(lr, steps, unit, fc.double({ min: 0.05, max: 4, noNaN: true }), bool, start, (l, d, endFrac, power, cycle, s0) => {
        const end = l * endFrac * 0.5;
        const o = { initialLearningRate: l, decaySteps: d, endLearningRate: end, power, cycle };
        check(polynomialDecay(o), (s) => ref.polynomial(s, l, d, end, power, cycle), s0, l);
      }),
      runs,
    );
  });

  it("cosineDecay (with and without warm-up)", () => {
    const target = fc.option(lr, { nil: null });
    fc.assert(
      fc.property(lr, steps, unit, target, fc.integer({ min: 0, max: 3000 }), start, (l, d, alpha, t, w, s0) => {
        const o = { initialLearningRate: l, decaySteps: d, alpha, warmupTarget: t, warmupSteps: w };
        const first = Math.min(s0, d + w + 50);
        check(cosineDecay(o), (s) => ref.cosineWithWarmup(s, l, d, alpha, t, w), first, Math.max(l, t ?? 0));
      }),
      runs,
    );
  });

  it("cosineDecayRestarts", () => {
    // tMul is 1 or at least 1.001: for tMul within a few ulps of 1 (but not 1) period starts are
    // not representable in f64, and a step that lies on one may land in either period (documented).
    const tMuls = fc.oneof(fc.constant(1), fc.constant(2), fc.double({ min: 1.001, max: 3, noNaN: true }));
    fc.assert(
      fc.property(lr, fc.integer({ min: 1, max: 800 }), tMuls, unit, unit, fc.integer({ min: 0, max: 50_000 }),
        (l, first, tMul, mMul, alpha, s0) => {
          const o = { initialLearningRate: l, firstDecaySteps: first, tMul, mMul, alpha };
          check(cosineDecayRestarts(o), (s) => l * ref.npCosineDecayRestarts(s, first, tMul, mMul, alpha), s0, l, 3000, 1e-10);
        }),
      runs,
    );
  });

  it("linearCosineDecay", () => {
    fc.assert(
      fc.property(lr, steps, fc.double({ min: 0, max: 8, noNaN: true }), unit, fc.double({ min: 0, max: 0.01, noNaN: true }), start,
        (l, d, periods, alpha, beta, s0) => {
          const o = { initialLearningRate: l, decaySteps: d, numPeriods: periods, alpha, beta };
          const first = Math.min(s0, d + 50);
          check(linearCosineDecay(o), (s) => ref.linearCosine(s, l, d, periods, alpha, beta), first, l * (1 + alpha + beta));
        }),
      runs,
    );
  });
});
