// The host's twin of the core's counter-based normal generator (assembly/noise.ts): the same
// hash and the same sequence of +, -, *, / and sqrt, so every sample equals the core's bit for
// bit (tested) and a noisy schedule's at(step) needs no WebAssembly.

const GOLDEN = 0x9e3779b9;
const HIGH_SALT = 0x27d4eb2f;
const TWO_POW_32 = 4294967296;
const ANGLE_UNIT = Math.PI / 2147483648;
const HALF_QUADRANT = 536870911.5;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const SQRT2 = 1.4142135623730951;

/** 2^-k for k = 0 .. 31 (exact powers of two: scaling by them is exact). */
const INV_POW2 = /* @__PURE__ */ Float64Array.from({ length: 32 }, (_, k) => 2 ** -k);

// Series coefficients, highest power first, as the core evaluates them: 1/3 .. 1/21 of the
// atanh series of ln, and Taylor's for cos r (to r^16) and sin r / r (to r^16), in z = r^2.
const ATANH_COEF = [1 / 21, 1 / 19, 1 / 17, 1 / 15, 1 / 13, 1 / 11, 1 / 9, 1 / 7, 1 / 5, 1 / 3];
const COS_COEF = [
  1 / 20922789888000, -1 / 87178291200, 1 / 479001600, -1 / 3628800, 1 / 40320, -1 / 720, 1 / 24, -0.5, 1,
];
const SIN_COEF = [
  1 / 355687428096000, -1 / 1307674368000, 1 / 6227020800, -1 / 39916800, 1 / 362880, -1 / 5040, 1 / 120, -1 / 6, 1,
];

/** c[0] z^(n-1) + ... + c[n-1] by Horner's rule: one multiply and one add per step, no fusing. */
function horner(c: readonly number[], z: number): number {
  let p = c[0]!;
  for (let i = 1; i < c.length; i++) p = p * z + c[i]!;
  return p;
}

/** murmur3's finaliser on int32 lanes (the bits of the core's u32; `>>> 0` reads them unsigned). */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function seedKey(seed: number, stream: number): number {
  return fmix32(seed ^ Math.imul(stream, GOLDEN));
}

function bits(key: number, lo: number, hi: number): number {
  return fmix32(fmix32(key ^ lo) ^ hi ^ HIGH_SALT);
}

/**
 * ln((b + 1/2) 2^-32) for a 32-bit word b, as the core's vlog computes it: split into m 2^e with
 * m in [sqrt(1/2), sqrt(2)), then ln m = 2 atanh((m - 1) / (m + 1)) by its series.
 */
function logUniform(b: number): number {
  const x = b + 0.5;
  const top = b === 0 ? -1 : 31 - Math.clz32(b); // x in [2^top, 2^(top + 1))
  let m = top < 0 ? x * 2 : x * INV_POW2[top]!;
  let e = top - 32;
  if (m > SQRT2) {
    m = m * 0.5;
    e = e + 1;
  }
  const f = m - 1;
  const s = f / (f + 2);
  const z = s * s;
  const p = horner(ATANH_COEF, z);
  const twoS = s + s;
  const tail = twoS * z * p;
  return e * LN2_HI + (twoS + (tail + e * LN2_LO));
}

/** cos r for |r| < pi/4, z = r^2 (the core's cosPoly). */
const cosPoly = (z: number) => horner(COS_COEF, z);

/** sin r for |r| < pi/4, z = r^2 (the core's sinPoly). */
const sinPoly = (r: number, z: number) => horner(SIN_COEF, z) * r;

/**
 * The noise of one uint32 `seed` as a function of the step: the standard normal sample added at
 * integer `step` (0 .. 2^53 - 1). Box-Muller on the pair of 32-bit words hashed from
 * (seed, floor(step / 2)): R cos(theta) for even steps, R sin(theta) for odd ones, with
 * R = sqrt(-2 ln u1), u1 = (word1 + 1/2) 2^-32, theta = q pi/2 + r, q the top two bits of word2
 * and r its low 30 bits centred on (-pi/4, pi/4).
 *
 * @example
 * ```ts
 * import { gaussianNoise, gaussianSource } from "@lrsched/core";
 * const noise = gaussianSource(7);
 * noise(12) === gaussianNoise(7, 12); // → true
 * ```
 */
export function gaussianSource(seed: number): (step: number) => number {
  const key1 = seedKey(seed | 0, 1);
  const key2 = seedKey(seed | 0, 2);
  return (step) => {
    const pair = Math.floor(step / 2);
    const lo = pair | 0; // the low word's bits (pair mod 2^32 as int32)
    const hi = ((pair - (pair >>> 0)) / TWO_POW_32) | 0;
    const radius = Math.sqrt(-2 * logUniform(bits(key1, lo, hi) >>> 0));
    const w2 = bits(key2, lo, hi);
    const q = w2 >>> 30;
    const r = ((w2 & 0x3fffffff) - HALF_QUADRANT) * ANGLE_UNIT;
    const z = r * r;
    // theta = q quarter turns + r: odd q swaps cos r and sin r, and the signs follow the quadrant
    if (step === 2 * pair) {
      const cosT = q & 1 ? sinPoly(r, z) : cosPoly(z);
      return radius * ((q + 1) & 2 ? -cosT : cosT);
    }
    const sinT = q & 1 ? cosPoly(z) : sinPoly(r, z);
    return radius * (q & 2 ? -sinT : sinT);
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
