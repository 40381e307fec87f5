// Values pinned by Keras's own unit tests (keras/src/optimizers/schedules/learning_rate_schedule_test.py)
// and the seed's worked examples: defaults first, then each case as Keras states it.
import { describe, expect, it } from "vitest";
import {
  cosineDecay,
  cosineDecayRestarts,
  exponentialDecay,
  inverseTimeDecay,
  linearCosineDecay,
  noisyLinearCosineDecay,
  piecewiseConstantDecay,
  polynomialDecay,
} from "../src";
import { npCosineDecay, npCosineDecayRestarts } from "./support/kerasReference";
import { expectClose } from "./support/compare";

describe("defaults (Keras's argument defaults)", () => {
  it("polynomialDecay() has Keras's defaults", () => {
    expect(polynomialDecay({ initialLearningRate: 0.1, decaySteps: 10 }).options).toMatchObject({ endLearningRate: 0.0001, power: 1, cycle: false });
  });
  it("cosineDecay() has Keras's defaults", () => {
    expect(cosineDecay({ initialLearningRate: 0.1, decaySteps: 10 }).options).toMatchObject({ alpha: 0, warmupTarget: null, warmupSteps: 0 });
  });
  it("cosineDecayRestarts() has Keras's defaults", () => {
    expect(cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 10 }).options).toMatchObject({ tMul: 2, mMul: 1, alpha: 0 });
  });
  it("linearCosineDecay() has tf.keras's defaults", () => {
    expect(linearCosineDecay({ initialLearningRate: 0.1, decaySteps: 10 }).options).toMatchObject({ numPeriods: 0.5, alpha: 0, beta: 0.001 });
  });
  it("noisyLinearCosineDecay() has tf.keras's defaults", () => {
    expect(noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 10 }).options).toMatchObject({
      initialVariance: 1, varianceDecay: 0.55, numPeriods: 0.5, alpha: 0, beta: 0.001,
    });
  });
  it("staircase defaults to false", () => {
    expect(exponentialDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 }).options.staircase).toBe(false);
  });
});

describe("Keras test cases", () => {
  it("ExponentialDecay continuous and staircase", () => {
    expectClose(exponentialDecay({ initialLearningRate: 0.05, decaySteps: 10, decayRate: 0.96 }).at(5), 0.05 * 0.96 ** 0.5, 1e-12);
    const s = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 3, decayRate: 0.96, staircase: true });
    expect(s.at(1)).toBe(0.1);
    expect(s.at(2)).toBe(0.1);
    expectClose(s.at(100), 0.1 * 0.96 ** 33, 1e-12);
    expectClose(s.curve(101, { dtype: "float64" })[100], 0.1 * 0.96 ** 33, 1e-12);
  });

  it("PiecewiseConstantDecay: a boundary step keeps the earlier value", () => {
    const s = piecewiseConstantDecay({ boundaries: [100, 110, 120], values: [1.0, 0.1, 0.01, 0.001] });
    const c = s.curve(1000, { dtype: "float64" });
    for (const [step, want] of [[0, 1.0], [100, 1.0], [105, 0.1], [110, 0.1], [120, 0.01], [999, 0.001]] as const) {
      expect(s.at(step)).toBe(want);
      expect(c[step]).toBe(want);
    }
    const b = piecewiseConstantDecay({ boundaries: [1, 2, 3], values: [0.4, 0.5, 0.6, 0.7] });
    expect(Array.from(b.curve(5, { dtype: "float64" }))).toEqual([0.4, 0.4, 0.5, 0.6, 0.7]);
  });

  it("PolynomialDecay: halfway, end, beyond end, cycle", () => {
    const lr = 0.05;
    expectClose(polynomialDecay({ initialLearningRate: lr, decaySteps: 10, endLearningRate: 0 }).at(5), lr * 0.5, 1e-12);
    expectClose(polynomialDecay({ initialLearningRate: lr, decaySteps: 10, endLearningRate: 0.001 }).at(10), 0.001, 1e-12);
    expectClose(polynomialDecay({ initialLearningRate: lr, decaySteps: 10, endLearningRate: 0.001 }).at(5), (lr + 0.001) * 0.5, 1e-12);
    expectClose(polynomialDecay({ initialLearningRate: lr, decaySteps: 10, endLearningRate: 0.001 }).at(15), 0.001, 1e-12);
    expectClose(polynomialDecay({ initialLearningRate: lr, decaySteps: 10, endLearningRate: 0.001, cycle: true }).at(15), (lr - 0.001) * 0.25 + 0.001, 1e-12);
    expectClose(polynomialDecay({ initialLearningRate: lr, decaySteps: 10, endLearningRate: 0.001, power: 0.5, cycle: true }).at(15), (lr - 0.001) * 0.25 ** 0.5 + 0.001, 1e-12);
    expectClose(polynomialDecay({ initialLearningRate: lr, decaySteps: 10, endLearningRate: 0, power: 0.5 }).at(5), lr * 0.5 ** 0.5, 1e-12);
  });

  it("PolynomialDecay with cycle: step 0 starts the first cycle, multiples reach the end rate", () => {
    const s = polynomialDecay({ initialLearningRate: 0.001, decaySteps: 10, cycle: true });
    const c = s.curve(31, { dtype: "float64" });
    expect(s.at(0)).toBe(0.001);
    expect(c[0]).toBe(0.001);
    for (const k of [10, 20, 30]) expectClose(c[k], 0.0001, 1e-12);
    expectClose(c[11], (0.001 - 0.0001) * (1 - 11 / 20) + 0.0001, 1e-12);
  });

  it("InverseTimeDecay smooth and staircase", () => {
    const k = 10;
    const s = inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: k, decayRate: 0.96 });
    const t = inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: k, decayRate: 0.96, staircase: true });
    const cs = s.curve(k + 1, { dtype: "float64" });
    const ct = t.curve(k + 1, { dtype: "float64" });
    for (let i = 0; i <= k; i++) {
      expectClose(cs[i], 0.1 / (1 + (i / k) * 0.96), 1e-12);
      expectClose(ct[i], 0.1 / (1 + 0.96 * Math.floor(i / k)), 1e-12);
    }
  });

  it("CosineDecay: decay, alpha, warm-up, warm-up then decay", () => {
    for (let step = 0; step < 1500; step += 250) {
      expectClose(cosineDecay({ initialLearningRate: 1, decaySteps: 1000 }).at(step), npCosineDecay(step, 1000), 1e-12);
      expectClose(cosineDecay({ initialLearningRate: 1, decaySteps: 1000, alpha: 0.1 }).at(step), npCosineDecay(step, 1000, 0.1), 1e-12);
      expectClose(cosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 10, warmupSteps: 1500 }).at(step), (step / 1500) * 10, 1e-12);
    }
    const wd = cosineDecay({ initialLearningRate: 0, decaySteps: 1000, warmupTarget: 10, warmupSteps: 2000 });
    const c = wd.curve(3000, { dtype: "float64" });
    for (let step = 0; step < 3000; step += 250) {
      const want = step < 2001 ? (step / 2000) * 10 : 10 * npCosineDecay(step - 2000, 1000);
      expectClose(wd.at(step), want, 1e-12);
      expectClose(c[step], want, 1e-9);
    }
  });

  it("CosineDecayRestarts: decay, alpha, mMul, tMul = 1", () => {
    for (let step = 0; step < 1500; step += 250) {
      expectClose(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000 }).at(step), npCosineDecayRestarts(step, 1000), 1e-12);
      expectClose(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000, alpha: 0.1 }).at(step), npCosineDecayRestarts(step, 1000, 2, 1, 0.1), 1e-12);
      expectClose(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000, mMul: 0.9 }).at(step), npCosineDecayRestarts(step, 1000, 2, 0.9), 1e-12);
      expectClose(cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000, tMul: 1 }).at(step), npCosineDecayRestarts(step, 1000, 1), 1e-12);
    }
  });

  it("CosineDecayRestarts: a restart step begins the new period exactly", () => {
    const s = cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, tMul: 2, mMul: 0.5 });
    const c = s.curve(80, { dtype: "float64" });
    // periods start at 0, 10, 30, 70 with peaks 1, 0.5, 0.25, 0.125
    for (const [step, peak] of [[0, 1], [10, 0.5], [30, 0.25], [70, 0.125]] as const) {
      expect(s.at(step)).toBeCloseTo(peak, 15);
      expect(c[step]).toBeCloseTo(peak, 15);
    }
  });
});

describe("the seed's examples", () => {
  it("exponential 0.15 / 100000 / 0.8 staircase", () => {
    const s = exponentialDecay({ initialLearningRate: 0.15, decaySteps: 100000, decayRate: 0.8, staircase: true });
    const c = s.curve(300001, { dtype: "float64" });
    expect(c[0]).toBe(0.15);
    expect(c[99999]).toBe(0.15);
    expectClose(c[100000], 0.12, 1e-15);
    expectClose(c[299999], 0.096, 1e-15);
    expectClose(c[300000], 0.0768, 1e-15);
  });

  it("piecewise [100, 200] / [1.0, 0.5, 0.1]: steps 1..100 give 1.0, 101..200 give 0.5, later 0.1", () => {
    const c = piecewiseConstantDecay({ boundaries: [100, 200], values: [1.0, 0.5, 0.1] }).curve(400, { dtype: "float64" });
    expect(c[1]).toBe(1.0);
    expect(c[100]).toBe(1.0);
    expect(c[101]).toBe(0.5);
    expect(c[200]).toBe(0.5);
    expect(c[201]).toBe(0.1);
    expect(c[399]).toBe(0.1);
  });
});
