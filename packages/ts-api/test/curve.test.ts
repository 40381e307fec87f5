// curve() mechanics: agreement with at(), chunk independence, dtypes, caller buffers, big steps.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  constant, cosineDecay, cosineDecayRestarts, cyclic, exponentialDecay, inverseTimeDecay, join, kDecay,
  linearCosineDecay, naturalExpDecay, noisyLinearCosineDecay, oneCycle, piecewiseConstantDecay, polynomialDecay,
  sgdr, warmup, warmupCosine, warmupStableDecay, inverseSqrt, transformers, allocateCurve, LrschedError, type Schedule,
} from "../src";
import { maxRelErr } from "./support/compare";

const zoo: [string, Schedule][] = [
  ["constant", constant({ value: 0.15 })],
  ["exponential", exponentialDecay({ initialLearningRate: 0.1, decaySteps: 700, decayRate: 0.5 })],
  ["exponential staircase", exponentialDecay({ initialLearningRate: 0.1, decaySteps: 70, decayRate: 0.9, staircase: true })],
  ["inverse time", inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 })],
  ["natural exp", naturalExpDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 })],
  ["piecewise", piecewiseConstantDecay({ boundaries: [100, 2000, 9000], values: [1, 0.5, 0.1, 0.01] })],
  ["polynomial cycle", polynomialDecay({ initialLearningRate: 0.1, decaySteps: 333, power: 2, cycle: true })],
  ["cosine warm-up", cosineDecay({ initialLearningRate: 0, decaySteps: 5000, warmupTarget: 0.1, warmupSteps: 500 })],
  ["restarts", cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 100, mMul: 0.8 })],
  ["linear cosine", linearCosineDecay({ initialLearningRate: 0.1, decaySteps: 9000, numPeriods: 7 })],
  ["noisy linear cosine", noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 9000, initialVariance: 0.01 })],
  ["cyclic exp_range", cyclic({ baseLr: 0.001, maxLr: 0.1, stepSizeUp: 300, mode: "exp_range", gamma: 0.9999 })],
  ["oneCycle", oneCycle({ maxLr: 0.1, totalSteps: 12_000 })],
  ["sgdr", sgdr({ initialLearningRate: 0.1, firstDecaySteps: 1000, tMul: 2, cycleDecay: 0.7, warmupSteps: 100 })],
  ["warmupCosine", warmupCosine({ learningRate: 0.1, warmupSteps: 500, totalSteps: 9000 })],
  ["wsd 1-sqrt", warmupStableDecay({ learningRate: 0.1, warmupSteps: 300, stableSteps: 6000, decaySteps: 2000, decayShape: "1-sqrt" })],
  ["inverseSqrt", inverseSqrt({ learningRate: 0.1, warmupSteps: 400 })],
  ["kDecay", kDecay({ initialLearningRate: 0.1, decaySteps: 8000, k: 2 })],
  ["hf cosine_with_restarts", transformers("cosine_with_restarts", { learningRate: 0.1, numWarmupSteps: 100, numTrainingSteps: 9000, numCycles: 3 })],
  ["join", join([warmup(constant({ value: 0.1 }), { warmupSteps: 50 }), cyclic({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 200 })], [3000])],
];

const N = 12_000;

describe.each(zoo)("%s", (_, s) => {
  const full = s.curve(N, { dtype: "float64" });
  const peak = Array.from(full).reduce((m, v) => Math.max(m, Math.abs(v)), 0);

  it("at(step) equals curve()[step] within the contract", () => {
    expect(maxRelErr(full, (i) => s.at(i), peak)).toBeLessThanOrEqual(1e-6);
  });

  it("any chunking equals the whole curve, bit for bit", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        let start = 0;
        for (const n of sizes) {
          const count = Math.min(n, N - start);
          if (count <= 0) break;
          const part = s.curve(count, { start, dtype: "float64" });
          expect(Array.from(part)).toEqual(Array.from(full.subarray(start, start + count)));
          start += count;
        }
      }),
      { numRuns: 20 },
    );
    const chunks = [...s.chunks(N, { chunkSize: 4099, dtype: "float64" })];
    expect(chunks.length).toBe(Math.ceil(N / 4099));
    expect(Array.from(chunks.flatMap((c) => Array.from(c)))).toEqual(Array.from(full));
  });

  it("float32 output keeps the contract, and any chunking of it equals the whole, bit for bit", () => {
    // f32 curves are computed in f32 lanes where that keeps the contract: within it of at(), not
    // necessarily the f64 curve rounded
    const f32 = s.curve(N);
    expect(f32).toBeInstanceOf(Float32Array);
    expect(maxRelErr(f32, (i) => s.at(i), peak)).toBeLessThanOrEqual(1e-6);
    for (const size of [1, 7, 2048, 4099]) {
      const parts = [...s.chunks(N, { chunkSize: size })].flatMap((c) => Array.from(c));
      expect(parts).toEqual(Array.from(f32));
    }
  });

  it("evaluates in place into an allocateCurve array, bit for bit what an ordinary array receives", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const out = allocateCurve(N, dtype);
      expect(s.curve(N, { out })).toBe(out);
      expect(Array.from(out)).toEqual(Array.from(s.curve(N, { dtype })));
    }
  });

  it("fills a caller's buffer and leaves the rest alone", () => {
    const out = new Float64Array(N + 3).fill(-1);
    expect(s.curve(N, { out })).toBe(out);
    expect(Array.from(out.subarray(0, N))).toEqual(Array.from(full));
    expect(Array.from(out.subarray(N))).toEqual([-1, -1, -1]);
  });

  it("values are finite", () => {
    expect(full.every(Number.isFinite)).toBe(true);
  });
});

describe("parallel", () => {
  // long enough to be split over two threads or more (2^18 steps per thread at least)
  const M = 1_200_003;
  const cases: [string, Schedule][] = [
    ["cosine", cosineDecay({ initialLearningRate: 0.1, decaySteps: 1e6, alpha: 0.01 })],
    ["sgdr", sgdr({ initialLearningRate: 0.1, firstDecaySteps: 1000, tMul: 2, cycleDecay: 0.7, warmupSteps: 100 })],
    ["noisy", noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 9e5, initialVariance: 0.01 })],
    ["join", join([warmup(constant({ value: 0.1 }), { warmupSteps: 50 }), cyclic({ baseLr: 0.01, maxLr: 0.1, stepSizeUp: 200 })], [3000])],
  ];
  it.each(cases)("%s: curve and chunks over every core equal the serial curve, bit for bit", (_, s) => {
    for (const dtype of ["float32", "float64"] as const) {
      const want = s.curve(M, { start: 12_345, dtype });
      const got = s.curve(M, { start: 12_345, dtype, parallel: true });
      expect(Buffer.from(got.buffer, got.byteOffset, got.byteLength).equals(Buffer.from(want.buffer))).toBe(true);
      const chunks = [...s.chunks(M, { start: 12_345, dtype, chunkSize: 600_002, parallel: true })];
      expect(chunks.map((c) => c.length)).toEqual([600_002, 600_001]);
      const joined = new (dtype === "float32" ? Float32Array : Float64Array)(M);
      joined.set(chunks[0]);
      joined.set(chunks[1], 600_002);
      expect(Buffer.from(joined.buffer).equals(Buffer.from(want.buffer))).toBe(true);
    }
  });

  it("refuses a parallel option that is not a boolean", () => {
    const s = cases[0][1];
    expect(() => s.curve(10, { parallel: "yes" as unknown as boolean })).toThrow(LrschedError);
    expect(() => [...s.chunks(10, { parallel: 1 as unknown as boolean })]).toThrow(/^parallel must be true or false/);
  });
});

describe("allocateCurve", () => {
  it("refuses a bad count or dtype with one LrschedError naming the field", () => {
    for (const [count, dtype, path] of [[-1, "float32", "count"], [1.5, "float32", "count"], [Number.NaN, "float32", "count"],
      [2 ** 30, "float32", "count"], [10, "int8", "dtype"]] as const) {
      const call = () => allocateCurve(count, dtype as "float32");
      expect(call).toThrow(LrschedError);
      expect(call).toThrow(new RegExp(`^${path}`));
    }
  });
});

describe("edges", () => {
  it("zero-length curves", () => {
    expect(cosineDecay({ initialLearningRate: 1, decaySteps: 10 }).curve(0).length).toBe(0);
    expect([...cosineDecay({ initialLearningRate: 1, decaySteps: 10 }).chunks(0)]).toEqual([]);
  });

  it("steps up to 2^53 - 1", () => {
    const s = cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1000, tMul: 1 });
    const start = 2 ** 53 - 1000;
    const c = s.curve(1000, { start, dtype: "float64" });
    for (let i = 0; i < 1000; i += 111) expect(maxRelErr([c[i]], () => s.at(start + i), 1)).toBeLessThanOrEqual(1e-6);
    expect(exponentialDecay({ initialLearningRate: 1, decaySteps: 1e9, decayRate: 0.5 }).curve(3, { start: 1e9 - 1, dtype: "float64" })[1]).toBe(0.5);
  });

  it("decaySteps of 1", () => {
    const c = cosineDecay({ initialLearningRate: 1, decaySteps: 1 }).curve(3, { dtype: "float64" });
    expect(Array.from(c)).toEqual([1, 0, 0]);
    expect(Array.from(polynomialDecay({ initialLearningRate: 1, decaySteps: 1, endLearningRate: 0, cycle: true }).curve(3, { dtype: "float64" }))).toEqual([1, 0, 0]);
  });

  it("tiny and huge rates keep relative accuracy; f32 underflows below ~1.4e-45", () => {
    for (const lr of [1e-12, 1e3]) {
      const s = cosineDecay({ initialLearningRate: lr, decaySteps: 1000, alpha: 0.01 });
      expect(maxRelErr(s.curve(1000, { dtype: "float64" }), (i) => s.at(i), lr)).toBeLessThanOrEqual(1e-12);
      expect(maxRelErr(s.curve(1000), (i) => s.at(i), lr)).toBeLessThanOrEqual(1e-7);
    }
    const tiny = exponentialDecay({ initialLearningRate: 1e-30, decaySteps: 1, decayRate: 1e-10 });
    expect(tiny.curve(3)[2]).toBe(0); // 1e-50 is below the smallest f32
    expect(tiny.curve(3, { dtype: "float64" })[2]).toBeCloseTo(1e-50, 60);
  });

  it("noise is a pure function of (seed, step)", () => {
    const a = noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, seed: 1 });
    const b = noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, seed: 1 });
    const c = noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, seed: 2 });
    expect(Array.from(a.curve(500, { start: 100 }))).toEqual(Array.from(b.curve(500, { start: 100 })));
    expect(Array.from(a.curve(500))).not.toEqual(Array.from(c.curve(500)));
    // at() evaluates the closed form with the same sample: equal up to the curve's rounding
    const curve = a.curve(2000, { dtype: "float64" });
    for (const step of [0, 1, 123, 999, 1000, 1999]) {
      expect(Math.abs(a.at(step) - curve[step]!), `step ${step}`).toBeLessThanOrEqual(1e-12 * 0.1);
    }
  });

  it("noise has the documented variance: initialVariance / (1 + s)^varianceDecay", () => {
    // eps = (value / (lr * cosine) - alpha - linear) at steps where the cosine factor is ~1
    const d = 1e7;
    const s = noisyLinearCosineDecay({ initialLearningRate: 1, decaySteps: d, initialVariance: 4, varianceDecay: 0, numPeriods: 0, beta: 0 });
    const c = s.curve(200_000, { dtype: "float64" });
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < c.length; i++) {
      const eps = c[i] - (d - i) / d;
      sum += eps;
      sq += eps * eps;
    }
    const mean = sum / c.length;
    const variance = sq / c.length - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeGreaterThan(3.9);
    expect(variance).toBeLessThan(4.1);
  });
});

describe("restart periods", () => {
  // at() keeps the periods it has located; the answer must not depend on what was asked before
  const cases = [
    { name: "tMul 2", make: () => cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 3, tMul: 2, mMul: 0.9 }), steps: 3 * 2 ** 20 },
    { name: "tMul 1, one step per period", make: () => cosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 1, tMul: 1, mMul: 0.999 }), steps: 10_000 },
    { name: "tMul 1.001 (more periods than are kept)", make: () => sgdr({ initialLearningRate: 1, firstDecaySteps: 2, tMul: 1.001, cycleDecay: 0.99, warmupSteps: 1 }), steps: 1e8 },
  ];
  for (const { name, make, steps } of cases) {
    it(`${name}: at() is the same in any order of calls`, () => {
      const probe = Array.from({ length: 3000 }, (_, i) => Math.floor(((i * 7919) % 3000) / 3000 * steps));
      probe.push(0, 1, 2, 3, steps - 1);
      const fresh = probe.map((s) => make().at(s)); // a new schedule per step: nothing kept
      const shared = make();
      const forward = [...probe].sort((a, b) => a - b);
      const byStep = new Map(forward.map((s) => [s, shared.at(s)]));
      const backward = [...forward].reverse().map((s) => shared.at(s));
      expect(probe.map((s) => shared.at(s))).toEqual(fresh);
      expect(probe.map((s) => byStep.get(s))).toEqual(fresh);
      expect(backward).toEqual([...forward].reverse().map((s) => byStep.get(s)));
      // and within the accuracy contract of the core's curve there
      const c = shared.curve(1, { start: probe[7]!, dtype: "float64" })[0]!;
      expect(Math.abs(c - fresh[7]!)).toBeLessThanOrEqual(1e-6);
    });
  }
});
