// NaN or Infinity never comes out of at(), curve() or chunks(): valid options that once gave them
// now give the formula's finite value, and a rate that truly overflows (f64, or the float32
// output) is an LrschedError that says what to do.
import { describe, expect, it } from "vitest";
import { caught } from "../../../tools/test/caught";
import { LrschedError, constant, cyclic, scale, transformers, warmup } from "../src";

const expectError = (f: () => unknown, pattern: RegExp) => {
  const thrown = caught(f);
  expect(thrown).toBeInstanceOf(LrschedError);
  expect((thrown as Error).message).toMatch(pattern);
};

describe("valid options give finite rates", () => {
  it("an exponential warm-up from 5e-324: at(0) is 5e-324, at(5) the geometric midpoint, as in the core", () => {
    const s = warmup(constant({ value: 0.1 }), { warmupSteps: 10, initialLr: 5e-324, shape: "exponential" });
    expect(s.at(0)).toBe(5e-324);
    // 5e-324^(1/2) * 0.1^(1/2), in logarithms (5e-324 is 2^-1074)
    const mid = Math.exp(0.5 * (-1074 * Math.LN2) + 0.5 * Math.log(0.1));
    expect(s.at(5) / mid).toBeCloseTo(1, 12);
    const c = s.curve(11, { dtype: "float64" });
    for (let i = 0; i < 11; i++) {
      expect(Number.isFinite(c[i])).toBe(true);
      if (i > 0) expect(c[i] / s.at(i)).toBeCloseTo(1, 9);
    }
    expect(c[10]).toBe(0.1);
  });

  it("transformers cosine_with_restarts with numCycles 1e-308 never restarts: at(10) is Hugging Face's lr", () => {
    const s = transformers("cosine_with_restarts", { learningRate: 0.1, numWarmupSteps: 0, numTrainingSteps: 100, numCycles: 1e-308 });
    // 0.5 * (1 + cos(pi * ((1e-308 * 0.1) % 1))) = 1
    expect(s.at(10)).toBe(0.1);
    expect(Array.from(s.curve(3, { start: 9, dtype: "float64" }))).toEqual([0.1, 0.1, 0.1]);
  });

  it("cyclic with maxLr 1e308: the float64 curve equals at(), with no Infinity or NaN on the way down", () => {
    const s = cyclic({ baseLr: 0, maxLr: 1e308, stepSizeUp: 10 });
    const c = s.curve(40, { dtype: "float64" });
    expect(s.at(10)).toBe(1e308);
    for (let i = 0; i < 40; i++) expect(c[i]).toBeCloseTo(s.at(i), -300);
    for (let i = 0; i < 40; i++) expect(Math.abs(c[i] - s.at(i))).toBeLessThanOrEqual(1e-6 * 1e308);
  });
});

describe("a rate that cannot be stored is an LrschedError", () => {
  it("constant 1e39 as float32: curve and chunks advise float64; float64 holds it", () => {
    const s = constant({ value: 1e39 });
    expectError(() => s.curve(1), /float32.*1e\+39.*dtype 'float64'/);
    expectError(() => [...s.chunks(3)], /float32.*dtype 'float64'/);
    expectError(() => s.curve(5000, { out: new Float32Array(5000) }), /out is float32.*Float64Array/);
    expect(s.curve(1, { dtype: "float64" })[0]).toBe(1e39);
  });

  it("a finite f64 rate beyond float32 in a smooth curve, not only a constant one", () => {
    const s = cyclic({ baseLr: 0, maxLr: 1e39, stepSizeUp: 100 });
    expectError(() => s.curve(200), /at step \d+/);
    expect(Number.isFinite(s.curve(200, { dtype: "float64" })[100])).toBe(true);
  });

  it("options whose product overflows float64 (scale 1e308 by 2): at, curve and chunks refuse, naming the type", () => {
    const s = scale(constant({ value: 1e308 }), 2);
    expectError(() => s.at(0), /^scale has no finite rate at step 0: its options overflow float64, got Infinity$/);
    expectError(() => s.curve(4, { dtype: "float64" }), /scale has no finite rate at step 0/);
    expectError(() => [...s.chunks(4, { dtype: "float64" })], /scale has no finite rate/);
  });

  it("a JS-evaluated curve (a scaleFn) is checked the same way", () => {
    const s = cyclic({ baseLr: 0, maxLr: 1e300, stepSizeUp: 10, scaleFn: () => 1e10 });
    expectError(() => s.at(5), /cyclic has no finite rate at step 5/);
    expectError(() => s.curve(8, { dtype: "float64" }), /cyclic has no finite rate at step 1/);
    const t = cyclic({ baseLr: 0, maxLr: 1e39, stepSizeUp: 10, scaleFn: () => 1 });
    expectError(() => t.curve(8), /float32, which cannot hold the rate 4e\+38 at step 4 .*dtype 'float64'/);
  });
});
