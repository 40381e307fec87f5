// The host's twin of the core's counter-based normal generator (assembly/noise.ts): the same
// SplitMix32 words and the same sequence of f32 +, -, *, / and sqrt (each rounded with
// Math.fround, which is exact for these operations on f32 operands), so every sample equals the
// core's bit for bit (tested) and a noisy schedule's at(step) needs no WebAssembly.

const GOLDEN = 0x9e3779b9;
const HIGH_SALT = 0x27d4eb2f;
const MUL1 = 0x9e3779b9;
const MUL2 = 0x6a09e667;
const TWO_POW_32 = 4294967296;

const f = Math.fround;
/** 2^-k for k = 0 .. 23 (exact powers of two: scaling by them is exact). */
const INV_POW2 = /* @__PURE__ */ Float64Array.from({ length: 24 }, (_, k) => 2 ** -k);
const SQRT2 = /* @__PURE__ */ f(Math.SQRT2);
const LN2 = /* @__PURE__ */ f(Math.LN2);
const ANGLE_UNIT = /* @__PURE__ */ f(Math.PI / 33554432);

// The core's f32 coefficients: the atanh series of ln (1/9 .. 1/3), and Taylor's cos r and
// sin r / r without their constant term 1, in rr = r^2 (highest power first).
const LN9 = /* @__PURE__ */ f(1 / 9), LN7 = /* @__PURE__ */ f(1 / 7), LN5 = /* @__PURE__ */ f(0.2), LN3 = /* @__PURE__ */ f(1 / 3);
const COS8 = /* @__PURE__ */ f(1 / 40320), COS6 = /* @__PURE__ */ f(-1 / 720), COS4 = /* @__PURE__ */ f(1 / 24);
const SIN8 = /* @__PURE__ */ f(1 / 362880), SIN6 = /* @__PURE__ */ f(-1 / 5040), SIN4 = /* @__PURE__ */ f(1 / 120), SIN2 = /* @__PURE__ */ f(-1 / 6);

/** a x + b in f32 as the core computes it: a rounded multiply, then a rounded add (no fusing). */
const madd = (a: number, x: number, b: number) => f(f(a * x) + b);

/** murmur3's finaliser on int32 lanes (the bits of the core's u32; `>>> 0` reads them unsigned). */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Stream `stream`'s key for the pairs whose high word is `hi`. */
function runKey(seed: number, stream: number, hi: number): number {
  return fmix32(fmix32(seed ^ Math.imul(stream, GOLDEN)) ^ hi ^ HIGH_SALT);
}

/** sqrt(-2 ln u1), u1 = x 2^-24 for the odd x = (w1 >>> 8) | 1, as the core's radius(). */
function radius(w1: number): number {
  const x = (w1 >>> 8) | 1; // below 2^24: exact in f32
  let e = 31 - Math.clz32(x);
  let m = x * INV_POW2[e]!; // exact: m in [1, 2)
  if (m >= SQRT2) { // where the core's integer add carries into the exponent
    m = m * 0.5;
    e = e + 1;
  }
  const fm = m - 1; // exact (Sterbenz)
  const s = f(fm / f(fm + 2));
  const z = f(s * s);
  const p = madd(madd(madd(LN9, z, LN7), z, LN5), z, LN3);
  const twoS = f(s + s);
  const lnM = f(twoS + f(f(twoS * z) * p));
  const v = f(f((24 - e) * LN2) - lnM);
  return f(Math.sqrt(f(v + v)));
}

/**
 * The noise of one uint32 `seed` as a function of the step: the standard normal sample added at
 * integer `step` (0 .. 2^53 - 1). Box-Muller in f32 on two SplitMix32 words at the pair index
 * floor(step / 2): R cos(theta) for even steps, R sin(theta) for odd ones, with
 * R = sqrt(-2 ln u1), u1 = (2k + 1) 2^-24 for the radius word's top 23 bits k, and
 * theta = q pi/2 + r, q the angle word's top two bits and r its next 23 centred on (-pi/4, pi/4).
 * Each sample is an f32 value, within 1e-6 of the exact Box-Muller value of its two words.
 *
 * @example
 * ```ts
 * import { gaussianNoise, gaussianSource } from "@lrsched/core";
 * const noise = gaussianSource(7);
 * noise(12) === gaussianNoise(7, 12); // → true
 * ```
 */
export function gaussianSource(seed: number): (step: number) => number {
  // the keys of the high word 0 (steps below 2^33); others are made per call
  const low1 = runKey(seed | 0, 1, 0);
  const low2 = runKey(seed | 0, 2, 0);
  return (step) => {
    const pair = Math.floor(step / 2);
    const lo = pair | 0; // the low word's bits (pair mod 2^32 as int32)
    const hi = pair < TWO_POW_32 ? 0 : ((pair - (pair >>> 0)) / TWO_POW_32) | 0;
    const key1 = hi === 0 ? low1 : runKey(seed | 0, 1, hi);
    const key2 = hi === 0 ? low2 : runKey(seed | 0, 2, hi);
    const rad = radius(fmix32((Math.imul(lo, MUL1) + key1) | 0) >>> 0);
    const w2 = fmix32((Math.imul(lo, MUL2) + key2) | 0) >>> 0;
    const q = w2 >>> 30;
    const r = f(((((w2 >>> 6) & 0xfffffe) | 1) - 0x800000) * ANGLE_UNIT); // the integer is exact in f32
    const rr = f(r * r);
    const c = madd(madd(madd(madd(COS8, rr, COS6), rr, COS4), rr, -0.5), rr, 1);
    const sn = f(madd(madd(madd(madd(SIN8, rr, SIN6), rr, SIN4), rr, SIN2), rr, 1) * r);
    // theta = q quarter turns + r: odd q swaps cos r and sin r, and the signs follow the quadrant
    if (step === 2 * pair) {
      const cosT = q & 1 ? sn : c;
      return f(rad * ((q + 1) & 2 ? -cosT : cosT));
    }
    const sinT = q & 1 ? c : sn;
    return f(rad * (q & 2 ? -sinT : sinT));
  };
}

/**
 * One sample of {@link gaussianSource}: the standard normal added at `step` for `seed`.
 *
 * @example
 * ```ts
 * import { gaussianNoise } from "@lrsched/core";
 * Math.abs(gaussianNoise(7, 12)) < 10; // → true
 * gaussianNoise(7, 12) === gaussianNoise(7, 12); // → true
 * ```
 */
export function gaussianNoise(seed: number, step: number): number {
  return gaussianSource(seed)(step);
}
