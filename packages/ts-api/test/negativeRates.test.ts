// Rounding never takes a curve below its schedule's floor (0, etaMin, minLr, alpha * lr) where the
// formula stays at or above it: the core raises its cosine waves to the floor, so a curve value
// never differs in sign from at(). Negative rates come only from formulas that give them.
import { describe, expect, it } from "vitest";
import { cosineAnnealing, cosineDecay, cosineDecayRestarts, oneCycle, sgdr, transformers, warmupCosine } from "../src";

const negatives = (c: ArrayLike<number>) => Array.from(c).filter((v) => v < 0).length;
const below = (c: ArrayLike<number>, floor: number) => Array.from(c).filter((v) => v < floor).length;

describe("curves never dip below the floor by rounding", () => {
  it("cosineAnnealing(0.1, tMax 100) at step 100 is 0 in the curve as in at()", () => {
    const s = cosineAnnealing({ initialLearningRate: 0.1, tMax: 100 });
    expect(s.at(100)).toBe(0);
    expect(s.curve(1, { start: 100, dtype: "float64" })[0]).toBe(0);
  });

  it("cosineAnnealing(0.1, tMax 100): no negative value in a curve of 1e6 steps (once 4,922)", () => {
    const s = cosineAnnealing({ initialLearningRate: 0.1, tMax: 100 });
    expect(negatives(s.curve(1e6, { dtype: "float64" }))).toBe(0);
    expect(negatives(s.curve(1e6))).toBe(0);
  });

  it("rate 1e20 with etaMin 1e-3: the curve stays at or above 0.001 (once -57,344)", () => {
    const s = cosineAnnealing({ initialLearningRate: 1e20, tMax: 100, etaMin: 1e-3 });
    expect(s.at(100)).toBe(0.001);
    const c = s.curve(1e6, { dtype: "float64" });
    expect(below(c, 0.001)).toBe(0);
    expect(c[100]).toBe(0.001);
  });

  it("transformers cosine and cosine_with_min_lr at and after their last step", () => {
    for (const lr of [1, 0.1, 3e-4, 1e20]) {
      for (const [w, total] of [[0, 100], [10, 1000], [7, 333], [0, 1]]) {
        const s = transformers("cosine", { learningRate: lr, numWarmupSteps: w, numTrainingSteps: total });
        const c = s.curve(total + 50, { dtype: "float64" });
        expect(negatives(c), `lr ${lr} w ${w} total ${total}`).toBe(0);
        expect(s.at(total)).toBeGreaterThanOrEqual(0);
        const m = transformers("cosine_with_min_lr", { learningRate: lr, numWarmupSteps: w, numTrainingSteps: total, minLrRate: 0.01 });
        expect(below(m.curve(total + 50, { dtype: "float64" }).subarray(w), lr * 0.01), `min_lr lr ${lr} w ${w} total ${total}`).toBe(0);
      }
    }
  });

  it("Keras cosine decays, restarts and sgdr stay at or above alpha * lr", () => {
    for (const lr of [0.1, 1e20]) {
      const cases = [
        { s: cosineDecay({ initialLearningRate: lr, decaySteps: 100, alpha: 1e-23 }), floor: lr * 1e-23 },
        { s: cosineDecayRestarts({ initialLearningRate: lr, firstDecaySteps: 100, alpha: 1e-23 }), floor: lr * 1e-23 },
        { s: sgdr({ initialLearningRate: lr, firstDecaySteps: 100, alpha: 1e-23, warmupSteps: 5 }), floor: lr * 1e-23 },
        { s: warmupCosine({ learningRate: lr, warmupSteps: 10, totalSteps: 110, minLr: lr * 1e-23 }), floor: 0 },
        { s: oneCycle({ maxLr: lr, totalSteps: 1000 }), floor: lr / 25 / 1e4 },
      ];
      for (const { s, floor } of cases) {
        const n = Math.min(100_000, s.maxStep);
        const c = s.curve(n, { dtype: "float64" });
        expect(below(c, floor), `${s.type} lr ${lr}`).toBe(0);
        for (let t = 0; t < n; t += 97) expect(s.at(t), `${s.type} lr ${lr} at(${t})`).toBeGreaterThanOrEqual(floor);
      }
    }
  });
});
