// Composition laws, property-tested: a join equals its pieces on each interval, multiply is the
// product, clamp bounds, scale multiplies, warm-up shapes and offsets, and the ResNet rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clamp, constant, cosineDecay, cyclic, exponentialDecay, join, linearScaling, multiply, oneCycle, scale,
  transformers, warmup, warmupCosine, warmupStableDecay, type Schedule,
} from "../src";
import { maxRelErr } from "./support/compare";

const pieces = fc.constantFrom<Schedule>(
  cosineDecay({ initialLearningRate: 0.1, decaySteps: 700 }),
  exponentialDecay({ initialLearningRate: 0.2, decaySteps: 50, decayRate: 0.7, staircase: true }),
  cyclic({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 33, mode: "triangular2" }),
  constant({ value: 0.05 }),
  warmup(cosineDecay({ initialLearningRate: 0.3, decaySteps: 300 }), { warmupSteps: 40, shape: "exponential", initialLr: 0.001 }),
);

describe("join", () => {
  it("equals each piece on its interval, with the piece's own step count", () => {
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 4, maxLength: 4 }), (ps, gaps) => {
        const boundaries: number[] = [];
        for (let i = 0; i < ps.length - 1; i++) boundaries.push((boundaries[i - 1] ?? 0) + gaps[i]);
        const j = join(ps, boundaries);
        const n = (boundaries[boundaries.length - 1] ?? 0) + 500;
        const c = j.curve(n, { dtype: "float64" });
        const edges = [0, ...boundaries, n];
        for (let k = 0; k < ps.length; k++) {
          const local = ps[k].curve(edges[k + 1] - edges[k], { dtype: "float64" });
          expect(Array.from(c.subarray(edges[k], edges[k + 1]))).toEqual(Array.from(local));
          expect(j.at(edges[k])).toBe(ps[k].at(0));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("multiply, clamp, scale", () => {
  it("multiply is the product at every step", () => {
    fc.assert(
      fc.property(pieces, pieces, (a, b) => {
        const m = multiply(a, b);
        const c = m.curve(2000, { dtype: "float64" });
        const ca = a.curve(2000, { dtype: "float64" });
        const cb = b.curve(2000, { dtype: "float64" });
        for (let i = 0; i < 2000; i++) expect(c[i]).toBe(ca[i] * cb[i]);
        expect(m.at(123)).toBe(a.at(123) * b.at(123));
      }),
      { numRuns: 15 },
    );
  });

  it("clamp bounds every value and leaves values inside alone", () => {
    fc.assert(
      fc.property(pieces, fc.double({ min: 0, max: 0.05, noNaN: true }), fc.double({ min: 0.05, max: 0.2, noNaN: true }), (s, min, max) => {
        const c = clamp(s, { min, max }).curve(2000, { dtype: "float64" });
        const raw = s.curve(2000, { dtype: "float64" });
        for (let i = 0; i < 2000; i++) expect(c[i]).toBe(Math.min(Math.max(raw[i], min), max));
      }),
      { numRuns: 15 },
    );
  });

  it("scale multiplies by the factor", () => {
    const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 });
    const c = scale(s, 3).curve(150, { dtype: "float64" });
    const raw = s.curve(150, { dtype: "float64" });
    for (let i = 0; i < 150; i++) expect(c[i]).toBe(raw[i] * 3);
  });
});

describe("warmup", () => {
  const base = cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 });

  it("offset (default, Keras convention): the schedule starts after the ramp", () => {
    const w = warmup(base, { warmupSteps: 100 });
    expect(w.at(0)).toBe(0);
    expect(w.at(50)).toBeCloseTo(0.05, 15);
    expect(w.at(100)).toBe(base.at(0));
    expect(w.at(600)).toBe(base.at(500));
    // the same curve as Keras's CosineDecay with warmup_target
    const keras = cosineDecay({ initialLearningRate: 0, decaySteps: 1000, warmupTarget: 0.1, warmupSteps: 100 });
    expect(Array.from(w.curve(1200, { dtype: "float64" }))).toEqual(Array.from(keras.curve(1200, { dtype: "float64" })));
    for (let i = 0; i < 1200; i += 7) expect(w.at(i)).toBe(keras.at(i));
  });

  it("no offset: the ramp replaces the schedule's first steps", () => {
    const w = warmup(base, { warmupSteps: 100, offset: false });
    expect(w.at(100)).toBe(base.at(100));
    expect(w.curve(1, { start: 600, dtype: "float64" })[0]).toBeCloseTo(base.at(600), 15);
  });

  it("shapes: linear, cosine and exponential ramps meet the schedule", () => {
    for (const shape of ["linear", "cosine", "exponential"] as const) {
      const w = warmup(base, { warmupSteps: 10, shape, initialLr: 0.001 });
      const c = w.curve(11, { dtype: "float64" });
      expect(c[0]).toBeCloseTo(0.001, 15);
      expect(c[10]).toBe(0.1);
      for (let i = 1; i <= 10; i++) expect(c[i]).toBeGreaterThan(c[i - 1]);
    }
    expect(warmup(base, { warmupSteps: 10, shape: "exponential", initialLr: 0.001 }).at(5)).toBeCloseTo(0.001 * 100 ** 0.5, 15);
  });

  it("warmupCosine is the seed's recipe: 5 epochs of linear warm-up from 0, cosine to 0", () => {
    const stepsPerEpoch = 100;
    const s = warmupCosine({ learningRate: 0.1, warmupSteps: 5 * stepsPerEpoch, totalSteps: 90 * stepsPerEpoch });
    expect(s.at(0)).toBe(0);
    expect(s.at(250)).toBeCloseTo(0.05, 15);
    expect(s.at(500)).toBe(0.1);
    expect(s.at(500 + 4250)).toBeCloseTo(0.05, 15);
    expect(s.at(9000)).toBe(0);
  });
});

describe("recipes", () => {
  it("the linear scaling rule: 0.1 * batch / 256", () => {
    expect(linearScaling({ batch: 256 })).toBe(0.1);
    expect(linearScaling({ batch: 1024 })).toBeCloseTo(0.4, 15);
    expect(linearScaling({ baseLr: 0.2, baseBatch: 512, batch: 128 })).toBeCloseTo(0.05, 15);
    expect(() => linearScaling({ batch: 0 })).toThrow("batch must be a finite number > 0, got 0");
  });

  it("warmupStableDecay: ramp, plateau, short decay, floor", () => {
    const s = warmupStableDecay({ learningRate: 1, warmupSteps: 10, stableSteps: 80, decaySteps: 10, decayShape: "1-sqrt", minLr: 0.1 });
    const c = s.curve(120, { dtype: "float64" });
    expect(c[5]).toBeCloseTo(0.5, 15);
    expect(c[10]).toBe(1);
    expect(c[89]).toBe(1);
    expect(c[90]).toBe(1);
    expect(c[94]).toBeCloseTo(0.1 + 0.9 * (1 - Math.sqrt(0.4)), 14);
    expect(c[100]).toBe(0.1);
    expect(c[119]).toBe(0.1);
  });

  it("oneCycle starts at maxLr / divFactor, peaks at maxLr, ends at initial / finalDivFactor", () => {
    const s = oneCycle({ maxLr: 0.1, totalSteps: 1000 });
    expect(s.at(0)).toBeCloseTo(0.004, 15);
    expect(s.at(299)).toBeCloseTo(0.1, 15);
    expect(s.at(999)).toBeCloseTo(0.004 / 1e4, 15);
  });

  it("Hugging Face curves (transformers.get_scheduler formulas)", () => {
    const opts = { learningRate: 2, numWarmupSteps: 10, numTrainingSteps: 110 };
    // linear: warm-up s / W, then max(0, (T - s) / (T - W))
    const lin = transformers("linear", opts);
    expect(lin.at(5)).toBe(1);
    expect(lin.at(60)).toBeCloseTo((2 * 50) / 100, 15);
    expect(lin.at(200)).toBe(0);
    // cosine: 0.5 * (1 + cos(pi * 2 * 0.5 * progress))
    expect(transformers("cosine", opts).at(60)).toBeCloseTo(2 * 0.5 * (1 + Math.cos(Math.PI * 0.5)), 14);
    // cosine_with_restarts, 2 cycles: progress 0.75 -> (2 * 0.75) % 1 = 0.5
    expect(transformers("cosine_with_restarts", { ...opts, numCycles: 2 }).at(85)).toBeCloseTo(2 * 0.5 * (1 + Math.cos(Math.PI * 0.5)), 14);
    expect(transformers("cosine_with_restarts", opts).at(110)).toBe(0);
    // polynomial, power 2, lr_end 1e-7
    expect(transformers("polynomial", { ...opts, power: 2 }).at(60)).toBeCloseTo((2 - 1e-7) * 0.25 + 1e-7, 14);
    expect(transformers("polynomial", opts).at(500)).toBe(1e-7);
    // inverse_sqrt: timescale = W
    const noTotal = { learningRate: 2, numWarmupSteps: 10 };
    expect(transformers("inverse_sqrt", noTotal).at(40)).toBeCloseTo(2 / Math.sqrt(40 / 10), 14);
    // constant_with_warmup, cosine_with_min_lr
    expect(transformers("constant_with_warmup", noTotal).at(3)).toBeCloseTo(0.6, 15);
    expect(transformers("cosine_with_min_lr", { ...opts, minLrRate: 0.1 }).at(110)).toBeCloseTo(0.2, 14);
    // warmup_stable_decay (cosine decay by default)
    const wsd = transformers("warmup_stable_decay", { learningRate: 1, numWarmupSteps: 10, numDecaySteps: 20, numTrainingSteps: 100, minLrRatio: 0.1 });
    expect(wsd.at(0)).toBeCloseTo(0.1, 15);
    expect(wsd.at(50)).toBe(1);
    expect(wsd.at(90)).toBeCloseTo(0.1 + 0.9 * 0.5, 14);
    expect(wsd.at(100)).toBeCloseTo(0.1, 15);
    for (const s of [lin, wsd]) expect(maxRelErr(s.curve(100, { dtype: "float64" }), (i) => s.at(i), 2)).toBeLessThanOrEqual(1e-12);
  });
});
