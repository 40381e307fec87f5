import * as tf from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import { beforeAll, describe, expect, it } from "vitest";
import { rangeTest, rangeTestRamp, seededShuffle, smoothLosses, suggestLearningRates, valleyIndex } from "../src/index";
import { iris, mlp } from "./data";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("smoothLosses", () => {
  it("keeps a constant loss unchanged (the bias correction at work)", () => {
    expect(smoothLosses([2, 2, 2, 2], 0.98)).toEqual([2, 2, 2, 2].map(() => expect.closeTo(2, 12)));
  });

  it("matches the recurrence by hand", () => {
    // avg0 = 0.5, corrected 0.5 / 0.5 = 1; avg1 = 0.25 + 1.5 = 1.75, corrected 1.75 / 0.75
    const s = smoothLosses([1, 3], 0.5);
    expect(s[0]).toBeCloseTo(1, 15);
    expect(s[1]).toBeCloseTo(1.75 / 0.75, 15);
    // without the correction the first value would be 0.02 for beta 0.98, far below the loss
    expect(smoothLosses([1], 0.98)[0]).toBeCloseTo(1, 15);
  });

  it("beta 0 is the raw series; a NaN poisons the rest", () => {
    expect(smoothLosses([3, 1, 4], 0)).toEqual([3, 1, 4]);
    const s = smoothLosses([1, NaN, 1], 0.9);
    expect(s[0]).toBe(1);
    expect(Number.isNaN(s[1]) && Number.isNaN(s[2])).toBe(true);
  });

  it("rejects beta outside [0, 1)", () => {
    expect(() => smoothLosses([1], 1)).toThrow(LrschedError);
    expect(() => smoothLosses([1], -0.1)).toThrow("beta must be a finite number >= 0");
  });
});

/** 200 rates from 1e-6 to 10, log-spaced, and a loss with a known shape in x = log10(lr). */
function synthetic(f: (x: number) => number, n = 200): { lrs: number[]; losses: number[] } {
  const lrs = Array.from({ length: n }, (_, i) => 1e-6 * 1e7 ** (i / (n - 1)));
  return { lrs, losses: lrs.map((lr) => f(Math.log10(lr))) };
}

// falls fastest at lr = 1e-2 (x = -2), flattens, then blows up past lr = 1
const SHAPE = (x: number) => 1.5 - Math.tanh(2 * (x + 2)) + (x > 0 ? 3 * x * x : 0);
const GRID = 7 / 199; // log10 spacing of the synthetic rates

describe("suggestLearningRates on synthetic curves", () => {
  it("steepest descent sits where the curve falls fastest", () => {
    const { lrs, losses } = synthetic(SHAPE);
    const s = suggestLearningRates(lrs, losses);
    expect(Math.abs(Math.log10(s.steepest!.lr) - -2)).toBeLessThanOrEqual(GRID);
  });

  it("minimum/10 is a tenth of the rate at the lowest loss", () => {
    const { lrs, losses } = synthetic(SHAPE);
    const s = suggestLearningRates(lrs, losses);
    // the minimum of SHAPE is at x ~ 0 (lr 1), so the suggestion is ~0.1
    expect(Math.abs(Math.log10(s.minimum!.lr) - -1)).toBeLessThanOrEqual(GRID);
    expect(s.minimum!.lr).toBe(lrs[s.minimum!.index] / 10);
    expect(s.minimum!.loss).toBe(Math.min(...losses.slice(20, 195)));
  });

  it("valley is half-way along the longest decreasing stretch", () => {
    const { lrs, losses } = synthetic(SHAPE);
    const s = suggestLearningRates(lrs, losses, { skipStart: 20, skipEnd: 5 });
    // strictly decreasing from the first kept point (20) to the minimum: a valley of m - 20 + 1 points
    const m = s.minimum!.index;
    const length = m - 20 + 1;
    expect(s.valley!.index).toBe(m - Math.floor(length / 2));
  });

  it("valleyIndex on small hand-made curves", () => {
    // 5 4 3 2 1 0.5 is the longest decreasing run (6 points ending at index 6); half-way back: 6 - 3
    expect(valleyIndex([5, 4, 3, 3.5, 2, 1, 0.5, 2, 3])).toBe(3);
    // a short dip, then a longer one: the longer one wins
    expect(valleyIndex([3, 2, 3.5, 3.4, 3.3, 3.2, 3.1, 3.0, 2.9, 4])).toBe(5);
    expect(valleyIndex([1])).toBe(0);
    // a rising curve has no valley longer than one point: the first point
    expect(valleyIndex([1, 2, 3])).toBe(0);
  });

  it("smoothing a noisy curve keeps the suggestions near the clean ones", () => {
    const noise = seededShuffle(200, 3).map((k) => ((k % 17) - 8) * 0.02);
    const { lrs, losses } = synthetic(SHAPE);
    const noisy = losses.map((l, i) => l + noise[i]);
    const s = suggestLearningRates(lrs, smoothLosses(noisy, 0.9));
    // the moving average lags: the steepest point moves right by a few grid steps, not decades
    expect(Math.abs(Math.log10(s.steepest!.lr) - -2)).toBeLessThan(0.5);
  });

  it("skips non-finite points and handles tiny series", () => {
    expect(suggestLearningRates([], [])).toEqual({});
    const one = suggestLearningRates([0.1], [1]);
    expect(one.minimum!.lr).toBeCloseTo(0.01, 15);
    expect(one.steepest).toBeUndefined();
    const s = suggestLearningRates([1e-3, 1e-2, 1e-1, 1], [2, 1, NaN, 5], { skipStart: 0, skipEnd: 0 });
    expect(s.minimum!.index).toBe(1);
    expect(s.steepest!.index).toBe(0);
    expect(() => suggestLearningRates([1, 2], [1])).toThrow("smoothed must have one loss per rate (2), got 1");
  });
});

describe("rangeTestRamp", () => {
  it("rises exponentially from minLr to maxLr", () => {
    const ramp = rangeTestRamp(1e-7, 10, 100);
    for (const i of [0, 1, 37, 98, 99]) {
      const want = 1e-7 * (10 / 1e-7) ** (i / 99);
      expect(Math.abs(ramp.at(i) - want) / want).toBeLessThan(1e-12);
    }
    expect(ramp.at(99)).toBe(10);
  });

  it("rejects a range that does not rise and too few batches", () => {
    expect(() => rangeTestRamp(1, 0.1, 10)).toThrow("maxLr must be greater than minLr (1)");
    expect(() => rangeTestRamp(0, 1, 10)).toThrow(LrschedError);
    expect(() => rangeTestRamp(1e-3, 1, 1)).toThrow("batches must be an integer >= 2");
  });
});

describe("rangeTest on iris", () => {
  function model(): tf.Sequential {
    const m = mlp(4, 16, 3, 5);
    m.compile({ optimizer: tf.train.sgd(0.123), loss: "categoricalCrossentropy" });
    return m;
  }

  it("follows the ramp, stops on divergence, restores the weights and rate, suggests rates", async () => {
    const { xs, ys } = iris();
    const m = model();
    const before = m.getWeights().map((w) => Array.from(w.dataSync()));
    const seen: number[] = [];
    const r = await rangeTest(m, xs, ys, { minLr: 1e-4, maxLr: 1e4, batches: 80, batchSize: 16, seed: 3, onBatch: (b) => void seen.push(b.index) });
    expect(r.stopped).toBe("diverged");
    expect(r.lrs.length).toBeLessThan(80);
    expect(seen).toEqual(r.lrs.map((_, i) => i));
    const ramp = rangeTestRamp(1e-4, 1e4, 80);
    r.lrs.forEach((lr, i) => expect(lr).toBe(ramp.at(i)));
    expect(r.smoothed).toEqual(smoothLosses(r.losses, 0.98));
    for (const key of ["steepest", "minimum", "valley"] as const) {
      const s = r.suggestions[key]!;
      expect(s.lr).toBeGreaterThan(1e-5);
      expect(s.lr).toBeLessThan(1e4);
    }
    expect(m.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    expect((m.optimizer as unknown as { learningRate: number }).learningRate).toBe(0.123);
    tf.dispose([xs, ys]);
  });

  it("is deterministic given the seed, and the order depends on it", async () => {
    const { xs, ys } = iris();
    const run = (seed: number) => rangeTest(model(), xs, ys, { minLr: 1e-3, maxLr: 1, batches: 30, batchSize: 16, seed });
    const a = await run(1);
    const b = await run(1);
    const c = await run(2);
    expect(b.losses).toEqual(a.losses);
    expect(b.suggestions).toEqual(a.suggestions);
    expect(c.losses).not.toEqual(a.losses);
    expect(a.stopped).toBe("completed");
    expect(a.lrs).toHaveLength(30);
    tf.dispose([xs, ys]);
  });

  it("rejects bad options", async () => {
    const { xs, ys } = iris();
    await expect(rangeTest(model(), xs, ys, { batches: 1 })).rejects.toThrow("batches must be an integer >= 2");
    await expect(rangeTest(model(), xs, ys, { divergence: 1 })).rejects.toThrow("divergence must be a number > 1");
    await expect(rangeTest(model(), xs, ys, { minLR: 1 } as never)).rejects.toThrow("options.minLR is not an option");
    tf.dispose([xs, ys]);
  });
});
