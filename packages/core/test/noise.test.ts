import { describe, expect, it } from "vitest";
import { gaussianNoise } from "../src";
import { core } from "../src/instance";

const SEEDS = [0, 1, 7, 0x9e3779b9, 0xffffffff];
const TWO_POW_32 = 2 ** 32;

/** The core's samples (f32) for steps first .. first + n - 1, through its vector path. */
function coreSamples(seed: number, first: number, n: number): Float64Array {
  const c = core();
  const at = c.heapBase();
  expect(c.ensureBytes(at + 4 * n)).toBeTruthy();
  c.gaussians(at, n, first, seed);
  return Float64Array.from(new Float32Array(c.memory.buffer, at, n));
}

/** murmur3's 32-bit finaliser, written out here again so the words below do not come from the code under test. */
function fmix(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x = (x ^ (x >>> 13)) >>> 0;
  x = Math.imul(x, 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/** The exact Box-Muller value (f64 Math.log, cos, sin) of the words the generator draws for `step`. */
function exactSample(seed: number, step: number): number {
  const pair = Math.floor(step / 2);
  const lo = pair % 2 ** 32, hi = Math.floor(pair / 2 ** 32);
  const key = (stream: number) => fmix((fmix((seed ^ Math.imul(stream, 0x9e3779b9)) >>> 0) ^ hi ^ 0x27d4eb2f) >>> 0);
  const w1 = fmix((Math.imul(lo, 0x9e3779b9) + key(1)) >>> 0);
  const w2 = fmix((Math.imul(lo, 0x6a09e667) + key(2)) >>> 0);
  const u1 = (2 * (w1 >>> 9) + 1) / 2 ** 24;
  const theta = (w2 >>> 30) * (Math.PI / 2) + (2 * ((w2 >>> 7) & 0x7fffff) + 1 - 2 ** 23) * (Math.PI / 2 ** 25);
  const radius = Math.sqrt(-2 * Math.log(u1));
  return radius * (step % 2 === 0 ? Math.cos(theta) : Math.sin(theta));
}

/** Standard normal CDF via erfc (W. J. Cody's rational approximations are overkill here: 1e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

describe("counter-based gaussian noise", () => {
  it("the host's twin equals the core bit for bit, scalar and vector paths", () => {
    const differ: string[] = [];
    const starts = [0, 1, 2, 12_345, TWO_POW_32 * 2 - 6, TWO_POW_32 * 2 - 5, 2 ** 40 + 3, 2 ** 53 - 64];
    for (const seed of SEEDS) {
      for (const first of starts) {
        const n = first === 0 ? 20_000 : 61;
        const bulk = coreSamples(seed, first, n);
        for (let i = 0; i < n; i++) {
          const step = first + i;
          const host = gaussianNoise(seed, step);
          if (!Object.is(host, core().gaussian(seed, step))) differ.push(`seed ${seed} step ${step}: scalar`);
          if (!Object.is(host, bulk[i])) differ.push(`seed ${seed} step ${step}: vector`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it("each sample is within 1e-6 of the exact Box-Muller value of its two words (f32 lanes, short series)", () => {
    let worst = 0;
    for (const seed of SEEDS) {
      for (const first of [0, 2 ** 33 + 10, 2 ** 52]) {
        const bulk = coreSamples(seed, first, 4096);
        for (let i = 0; i < bulk.length; i++) {
          worst = Math.max(worst, Math.abs(bulk[i]! - exactSample(seed, first + i)) / Math.max(1, Math.abs(bulk[i]!)));
        }
      }
    }
    expect(worst).toBeGreaterThan(0); // f32 values: not the f64 ones
    expect(worst).toBeLessThan(1e-6);
  });

  it("the twin and the core agree where the radius word's mantissa is exactly sqrt(2) as f32 (the range reduction's edge)", () => {
    // x = (w1 >>> 8) | 1 = 0xb504f3 is the one odd 24-bit integer whose mantissa is fround(sqrt(2))
    expect(Math.fround(Math.SQRT2) * 2 ** 23).toBe(0xb504f3);
    const seed = 7;
    const key1 = fmix((fmix((seed ^ 0x9e3779b9) >>> 0) ^ 0x27d4eb2f) >>> 0);
    let pair = 0;
    while (((fmix((Math.imul(pair, 0x9e3779b9) + key1) >>> 0) >>> 8) | 1) !== 0xb504f3) pair++;
    for (const step of [2 * pair, 2 * pair + 1]) {
      expect(gaussianNoise(seed, step)).toBe(core().gaussian(seed, step));
      expect(gaussianNoise(seed, step)).toBe(coreSamples(seed, step, 8)[0]);
      expect(Math.abs(gaussianNoise(seed, step) - exactSample(seed, step))).toBeLessThan(1e-6);
    }
  });

  it("is a pure function of (seed, step)", () => {
    expect(gaussianNoise(3, 1001)).toBe(gaussianNoise(3, 1001));
    expect(gaussianNoise(3, 1001)).not.toBe(gaussianNoise(4, 1001));
    expect(gaussianNoise(3, 1000)).not.toBe(gaussianNoise(3, 1001));
  });

  it("is standard normal: moments, Kolmogorov-Smirnov, no correlation within or across pairs", () => {
    const n = 400_000;
    const z = coreSamples(20261124, 0, n);
    let m1 = 0, m2 = 0, m4 = 0, pairCov = 0, lagCov = 0;
    for (let i = 0; i < n; i++) {
      m1 += z[i]!;
      m2 += z[i]! ** 2;
      m4 += z[i]! ** 4;
      if (i % 2 === 0) pairCov += z[i]! * z[i + 1]!; // the two samples of one pair
      if (i + 2 < n) lagCov += z[i]! * z[i + 2]!; // neighbouring pairs
    }
    m1 /= n; m2 /= n; m4 /= n; pairCov /= n / 2; lagCov /= n - 2;
    // bounds are ~4 standard errors of each statistic for n samples of a true N(0, 1)
    expect(Math.abs(m1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
    expect(Math.abs(pairCov)).toBeLessThan(4 / Math.sqrt(n / 2));
    expect(Math.abs(lagCov)).toBeLessThan(4 / Math.sqrt(n));
    // KS distance against the normal CDF; 1.95 / sqrt(n) is the 0.1% critical value
    const sorted = Float64Array.from(z).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(sorted[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
    // the tails reach past 4 sigma; the radius word's 23 bits cap them at sqrt(48 ln 2) = 5.77
    const extreme = sorted.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    expect(extreme).toBeGreaterThan(4);
    expect(extreme).toBeLessThan(Math.sqrt(48 * Math.LN2) + 1e-6);
  });
});
