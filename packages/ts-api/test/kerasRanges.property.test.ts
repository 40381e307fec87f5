// The ranges opened for Keras's configs (fractions of a step, growth rates, power 0, negative and
// fractional boundaries, peaks that grow, periods that shrink): over random options, curve() is
// at() within the accuracy contract, every rate is finite, and a schedule that ends (maxStep)
// refuses the step after.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { LrschedError, fromSpec, type Schedule } from "../src";
import { maxRelErr } from "./support/compare";

const NUM_RUNS = 200;
const COUNT = 400;
let cases = 0;

const rate = fc.double({ min: 1e-6, max: 10, noNaN: true });
/** Decay lengths, fractions of a step down to the smallest accepted (log-uniform) included. */
const length = fc.oneof(
  fc.double({ min: Math.log(1e-292), max: 0, noNaN: true }).map((x) => Math.max(1e-292, Math.exp(x))),
  fc.double({ min: 1, max: 500, noNaN: true }),
);
const start = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 2 ** 40 }));

const specs: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  "exponentialDecay, any decayRate > 0": fc.record({
    type: fc.constant("exponentialDecay"), initialLearningRate: rate, decaySteps: length,
    decayRate: fc.oneof(fc.double({ min: 1e-3, max: 1, noNaN: true }), fc.double({ min: 1, max: 1e3, noNaN: true })),
    staircase: fc.boolean(),
  }),
  "inverseTimeDecay, fractional decaySteps": fc.record({
    type: fc.constant("inverseTimeDecay"), initialLearningRate: rate, decaySteps: length,
    decayRate: fc.double({ min: 0, max: 100, noNaN: true }), staircase: fc.boolean(),
  }),
  "polynomialDecay, power >= 0": fc.record({
    type: fc.constant("polynomialDecay"), initialLearningRate: rate, decaySteps: fc.double({ min: 1, max: 500, noNaN: true }),
    endLearningRate: rate, power: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 4, noNaN: true })), cycle: fc.constant(false),
  }),
  "piecewiseConstantDecay, negative and fractional boundaries": fc
    .uniqueArray(fc.double({ min: -100, max: 1000, noNaN: true }), { minLength: 1, maxLength: 6 })
    .chain((b) => fc.record({
      type: fc.constant("piecewiseConstantDecay"),
      boundaries: fc.constant([...b].sort((x, y) => x - y)),
      values: fc.array(rate, { minLength: b.length + 1, maxLength: b.length + 1 }),
    })),
  "cosineDecayRestarts, tMul > 0, mMul >= 0": fc.record({
    type: fc.constant("cosineDecayRestarts"), initialLearningRate: rate,
    firstDecaySteps: fc.double({ min: 1, max: 200, noNaN: true }),
    tMul: fc.oneof(fc.double({ min: 0.05, max: 0.99, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true })),
    mMul: fc.double({ min: 0, max: 1e3, noNaN: true }),
    alpha: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
};

describe("Keras's ranges: curve() is at(), rates are finite, an end is an end", () => {
  for (const [what, arb] of Object.entries(specs)) {
    it(what, () => {
      fc.assert(
        fc.property(arb, start, (spec, first) => {
          cases++;
          const s: Schedule = fromSpec(spec);
          const from = Math.min(first, Number.isFinite(s.maxStep) ? s.maxStep : first);
          const n = Math.min(COUNT, (Number.isFinite(s.maxStep) ? s.maxStep : Infinity) - from + 1);
          const curve = s.curve(n, { start: from, dtype: "float64" });
          const at = Array.from({ length: n }, (_, i) => s.at(from + i));
          for (const v of [...curve, ...at]) expect(Number.isFinite(v)).toBe(true);
          const peak = Math.max(...at.map(Math.abs), 1e-300);
          expect(maxRelErr(curve, (i) => at[i], peak)).toBeLessThanOrEqual(1e-6);
          if (Number.isFinite(s.maxStep)) expect(() => s.at(s.maxStep + 1)).toThrow(LrschedError);
        }),
        { numRuns: NUM_RUNS },
      );
    });
  }
});

afterAll(() => {
  console.log(`kerasRanges.property.test.ts: ${cases} random schedules in Keras's ranges`);
});
