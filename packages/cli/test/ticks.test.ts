import { describe, expect, it } from "vitest";
import { labelExpr } from "../src/plot/chart";
import { formatDecade, formatRateTick, formatStepTick, linearAxis, logAxis, logFloor, niceStep, rateAxis, stepAxis, ticksWithin } from "../src/plot/ticks";

describe("ticks", () => {
  it("steps are 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(1000, 5)).toBe(200);
    expect(niceStep(5000, 10)).toBe(500);
    expect(niceStep(0.1, 10)).toBeCloseTo(0.01, 15);
    expect(niceStep(7, 2)).toBe(5);
  });

  it("multiples carry no float noise and include both ends when they are multiples", () => {
    expect(ticksWithin(0, 0.3, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(ticksWithin(0, 1001, 200)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(ticksWithin(150, 1000, 200)).toEqual([200, 400, 600, 800, 1000]);
  });

  it("a linear axis widens to whole steps and keeps zero", () => {
    expect(linearAxis(0, 0.1, 10)).toEqual({ lo: 0, hi: 0.1, step: 0.01, ticks: [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1] });
    expect(linearAxis(0, 0.093, 5).hi).toBeCloseTo(0.1, 15);
    expect(linearAxis(0, 0).hi).toBe(1);
  });

  it("a log axis spans whole decades; a long span labels every second or third decade", () => {
    expect(logAxis(2e-4, 0.1)).toEqual({ lo: 1e-4, hi: 0.1, ticks: [1e-4, 1e-3, 1e-2, 1e-1] });
    expect(logAxis(0.05, 0.1)).toEqual({ lo: 0.01, hi: 0.1, ticks: [0.01, 0.1] });
    const wide = logAxis(1e-12, 1);
    expect(wide.ticks.length).toBeLessThanOrEqual(7);
    expect(wide.lo).toBeLessThanOrEqual(1e-12);
  });

  it("the log floor leaves out the last 1% of columns, where a tail vanishes", () => {
    const mins = Array.from({ length: 1000 }, (_, i) => (i < 995 ? 0.1 * (1 - i / 1000) : 1e-12 * (1000 - i)));
    expect(logFloor(mins)).toBeGreaterThan(1e-3);
    expect(logFloor([0, -1, NaN])).toBeNaN();
  });

  it("labels: decades as 1e-n, rates at the step's precision, steps with SI suffixes and never 0k", () => {
    expect([1e-7, 1e-3, 0.1, 1, 10, 1e4].map(formatDecade)).toEqual(["1e-7", "1e-3", "1e-1", "1", "10", "1e4"]);
    expect([0, 0.05, 0.1].map((v) => formatRateTick(v, 0.01))).toEqual(["0", "0.05", "0.10"]);
    expect([0.025, 0.05].map((v) => formatRateTick(v, 0.025))).toEqual(["0.025", "0.050"]);
    expect([0, 2.5e-5, 5e-5].map((v) => formatRateTick(v, 2.5e-5))).toEqual(["0", "2.5e-5", "5e-5"]);
    expect(formatRateTick(-5.55e-17, 0.01)).toBe("0");
    expect([0, 500, 1000, 1500, 2e6, 2.5e9].map((v) => formatStepTick(v, 500))).toEqual(["0", "500", "1k", "1.5k", "2M", "2.5G"]);
    expect([0, 0.25, 0.5].map((v) => formatStepTick(v, 0.25))).toEqual(["0", "0.25", "0.5"]);
  });
});

describe("chart axes", () => {
  it("the step axis ends where the curve ends", () => {
    expect(stepAxis(0, 5000, 720).ticks.at(-1)).toBe(5000);
    expect(stepAxis(0, 1001, 720).ticks.at(-1)).toBe(1000);
  });

  it("the rate axis ignores float noise below zero and honours --ymin/--ymax", () => {
    expect(rateAxis([0.1, 0.05, -5.55e-17], {}).domain).toEqual([0, 0.1]);
    expect(rateAxis([0.1, -0.02], {}).domain[0]).toBeCloseTo(-0.02, 15);
    expect(rateAxis([0.1], { yMin: 0.02, yMax: 0.08 }).domain).toEqual([0.02, 0.08]);
    // a curve from 0.1 down to 1e-3 whose last half percent of columns vanishes towards zero
    const columns = Array.from({ length: 1000 }, (_, i) => (i < 995 ? 0.1 * 0.01 ** (i / 995) : 1e-12));
    expect(rateAxis(columns, { log: true }).ticks.map(formatDecade)).toEqual(["1e-3", "1e-2", "1e-1"]);
  });

  it("labels go to vega as one lookup expression", () => {
    expect(labelExpr([0, 1000], (v) => formatStepTick(v, 1000))).toBe(`datum.value === 0 ? "0" : datum.value === 1000 ? "1k" : ''`);
  });
});
