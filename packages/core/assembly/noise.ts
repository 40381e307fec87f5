// Counter-based Gaussian noise: the sample for a step depends only on (seed, step), so any
// chunk of a curve, and a single `at(step)`, reproduce the same numbers.
//
// Bits: SplitMix32 at a counter. The pair index p = floor(step / 2) gives two 32-bit words,
// fmix32(lo * MUL_j + key_j) for streams j = 1, 2 (lo: p's low 32 bits; key_j: the seed, the
// stream and p's high 32 bits through murmur3's finaliser, constant over 2^32 pairs). The two
// streams step with different odd multipliers, so neither is a shift of the other.
// Normal: Box-Muller in f32 lanes, one pair of samples per pair of words. The radius comes from
// the first word's top 23 bits, u1 = (2k + 1) 2^-24, as sqrt(-2 ln u1) with ln by its atanh
// series; the angle from the second word: its top two bits pick a quadrant and the next 23 an
// offset r in (-pi/4, pi/4), so a short sine and cosine polynomial pair serves both samples and
// no range reduction is needed. Every operation is a correctly rounded f32 +, -, *, / or sqrt,
// so the host reproduces each sample exactly (packages/core/src/gaussian.ts). The transform is
// within 1e-6 of the exact Box-Muller value of its words; the tails end at sqrt(48 ln 2) = 5.77.
import { at } from "./buffer";

@inline function fmix32(x: u32): u32 {
  let h = x;
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return h;
}

const GOLDEN: u32 = 0x9e3779b9;
const HIGH_SALT: u32 = 0x27d4eb2f;
/** The counter's multipliers for the radius and the angle stream (odd: each a bijection). */
const MUL1: u32 = 0x9e3779b9;
const MUL2: u32 = 0x6a09e667;

/** Stream `stream`'s key for the pairs whose high word is `hi`. */
@inline function runKey(seed: u32, stream: u32, hi: u32): u32 {
  return fmix32(fmix32(seed ^ (stream * GOLDEN)) ^ hi ^ HIGH_SALT);
}

const LN2: f32 = <f32>0.6931471805599453;
/** pi / 2^25: one unit of the angle offset, as a quarter turn is 2^24 units. */
const ANGLE_UNIT: f32 = <f32>(Math.PI / 33554432.0);

// Lane constants, each in four lanes, loaded from memory: cheaper in the engine's code than
// rebuilding a 128-bit constant on every use. Integer masks first, then f32 values: the atanh
// series of ln (1/9 .. 1/3), then Taylor's cos r and sin r / r in rr = r^2 (r^8 .. r^2 terms),
// highest first.
const INTS = memory.data<u32>([
  0x85ebca6b, 0x85ebca6b, 0x85ebca6b, 0x85ebca6b, // FMIX_M1
  0xc2b2ae35, 0xc2b2ae35, 0xc2b2ae35, 0xc2b2ae35, // FMIX_M2
  1, 1, 1, 1, // ONE_BIT
  0x7fffff, 0x7fffff, 0x7fffff, 0x7fffff, // MANTISSA
  0x004afb0d, 0x004afb0d, 0x004afb0d, 0x004afb0d, // NORMALISE
  0x3f3504f3, 0x3f3504f3, 0x3f3504f3, 0x3f3504f3, // HALF_SQRT2_BITS
  151, 151, 151, 151, // BIAS_24
  0xfffffe, 0xfffffe, 0xfffffe, 0xfffffe, // OFFSET_BITS
  0x800000, 0x800000, 0x800000, 0x800000, // OFFSET_MID
  0x80000000, 0x80000000, 0x80000000, 0x80000000, // SIGN
], 16);
const FLOATS = memory.data<f32>([
  <f32>(1.0 / 9.0), <f32>(1.0 / 9.0), <f32>(1.0 / 9.0), <f32>(1.0 / 9.0), // C_LN9
  <f32>(1.0 / 7.0), <f32>(1.0 / 7.0), <f32>(1.0 / 7.0), <f32>(1.0 / 7.0), // C_LN7
  <f32>0.2, <f32>0.2, <f32>0.2, <f32>0.2, // C_LN5
  <f32>(1.0 / 3.0), <f32>(1.0 / 3.0), <f32>(1.0 / 3.0), <f32>(1.0 / 3.0), // C_LN3
  <f32>(1.0 / 40320.0), <f32>(1.0 / 40320.0), <f32>(1.0 / 40320.0), <f32>(1.0 / 40320.0), // C_COS8
  <f32>(-1.0 / 720.0), <f32>(-1.0 / 720.0), <f32>(-1.0 / 720.0), <f32>(-1.0 / 720.0), // C_COS6
  <f32>(1.0 / 24.0), <f32>(1.0 / 24.0), <f32>(1.0 / 24.0), <f32>(1.0 / 24.0), // C_COS4
  <f32>-0.5, <f32>-0.5, <f32>-0.5, <f32>-0.5, // C_COS2
  <f32>(1.0 / 362880.0), <f32>(1.0 / 362880.0), <f32>(1.0 / 362880.0), <f32>(1.0 / 362880.0), // C_SIN8
  <f32>(-1.0 / 5040.0), <f32>(-1.0 / 5040.0), <f32>(-1.0 / 5040.0), <f32>(-1.0 / 5040.0), // C_SIN6
  <f32>(1.0 / 120.0), <f32>(1.0 / 120.0), <f32>(1.0 / 120.0), <f32>(1.0 / 120.0), // C_SIN4
  <f32>(-1.0 / 6.0), <f32>(-1.0 / 6.0), <f32>(-1.0 / 6.0), <f32>(-1.0 / 6.0), // C_SIN2
  <f32>1.0, <f32>1.0, <f32>1.0, <f32>1.0, // F_ONE
  <f32>2.0, <f32>2.0, <f32>2.0, <f32>2.0, // F_TWO
  LN2, LN2, LN2, LN2, // F_LN2
  ANGLE_UNIT, ANGLE_UNIT, ANGLE_UNIT, ANGLE_UNIT, // F_ANGLE
], 16);
const FMIX_M1: i32 = 0;
const FMIX_M2: i32 = 1;
const ONE_BIT: i32 = 2;
const MANTISSA: i32 = 3;
const NORMALISE: i32 = 4;
const HALF_SQRT2_BITS: i32 = 5;
const BIAS_24: i32 = 6;
const OFFSET_BITS: i32 = 7;
const OFFSET_MID: i32 = 8;
const SIGN: i32 = 9;
const C_LN9: i32 = 0;
const C_LN7: i32 = 1;
const C_LN5: i32 = 2;
const C_LN3: i32 = 3;
const C_COS8: i32 = 4;
const C_COS6: i32 = 5;
const C_COS4: i32 = 6;
const C_COS2: i32 = 7;
const C_SIN8: i32 = 8;
const C_SIN6: i32 = 9;
const C_SIN4: i32 = 10;
const C_SIN2: i32 = 11;
const F_ONE: i32 = 12;
const F_TWO: i32 = 13;
const F_LN2: i32 = 14;
const F_ANGLE: i32 = 15;

@inline function int4(i: i32): v128 {
  return v128.load(INTS + (<usize>i << 4));
}

@inline function f32x4c(i: i32): v128 {
  return v128.load(FLOATS + (<usize>i << 4));
}

/** Horner's rule over the FLOATS rows first .. last (highest power first), in x. */
@inline function horner(x: v128, first: i32, last: i32): v128 {
  let p = f32x4c(first);
  for (let i = first + 1; i <= last; i++) p = f32x4.add(f32x4.mul(p, x), f32x4c(i));
  return p;
}

@inline function fmix4(x: v128): v128 {
  let h = v128.xor(x, i32x4.shr_u(x, 16));
  h = i32x4.mul(h, int4(FMIX_M1));
  h = v128.xor(h, i32x4.shr_u(h, 13));
  h = i32x4.mul(h, int4(FMIX_M2));
  return v128.xor(h, i32x4.shr_u(h, 16));
}

/** sqrt(-2 ln u1) per lane, u1 = x 2^-24 for the odd x = (w1 >>> 8) | 1. */
@inline function radius(w1: v128): v128 {
  const x = f32x4.convert_i32x4_s(v128.or(i32x4.shr_u(w1, 8), int4(ONE_BIT))); // exact: x < 2^24
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)), from the f32 bits: adding 0x3f800000 - 0x3f3504f3
  // carries into the exponent exactly when the mantissa m' of x in [1, 2) is at least sqrt(2)
  // (as f32), so the biased exponent comes out one higher there and m = m' / 2 is rebuilt below
  const shifted = i32x4.add(x, int4(NORMALISE));
  const biased = i32x4.shr_u(shifted, 23);
  const m = i32x4.add(v128.and(shifted, int4(MANTISSA)), int4(HALF_SQRT2_BITS));
  // ln m = 2 atanh(s), s = (m - 1) / (m + 1) = f / (f + 2), |s| < 0.172
  const f = f32x4.sub(m, f32x4c(F_ONE));
  const s = f32x4.div(f, f32x4.add(f, f32x4c(F_TWO)));
  const z = f32x4.mul(s, s);
  const p = horner(z, C_LN9, C_LN3);
  const twoS = f32x4.add(s, s);
  const lnM = f32x4.add(twoS, f32x4.mul(f32x4.mul(twoS, z), p));
  // -ln u1 = (24 - e) ln 2 - ln m, with 24 - e = 151 - biased
  const n = f32x4.convert_i32x4_s(i32x4.sub(int4(BIAS_24), biased));
  const v = f32x4.sub(f32x4.mul(n, f32x4c(F_LN2)), lnM);
  return f32x4.sqrt(f32x4.add(v, v));
}

/**
 * Box-Muller for four pairs of words (lane k: pair k's radius word in `w1`, angle word in `w2`):
 * stores the eight samples at `out` in step order, cos 0, sin 0, cos 1, sin 1, ... (the cosine
 * sample of a pair goes to its even step).
 */
@inline function boxMuller(out: usize, w1: v128, w2: v128): void {
  // odd t in (-2^23, 2^23) from the 23 bits after the top two: r = t pi / 2^25 in (-pi/4, pi/4)
  const t = i32x4.sub(v128.or(v128.and(i32x4.shr_u(w2, 6), int4(OFFSET_BITS)), int4(ONE_BIT)), int4(OFFSET_MID));
  const r = f32x4.mul(f32x4.convert_i32x4_s(t), f32x4c(F_ANGLE));
  const rr = f32x4.mul(r, r);
  const c = f32x4.add(f32x4.mul(horner(rr, C_COS8, C_COS2), rr), f32x4c(F_ONE));
  const s = f32x4.mul(f32x4.add(f32x4.mul(horner(rr, C_SIN8, C_SIN2), rr), f32x4c(F_ONE)), r);
  // rotate (cos r, sin r) by the quadrant q (the top two bits): odd q (bit 30) swaps them; cos
  // flips sign for q = 1, 2 (bit 31 xor bit 30) and sin for q = 2, 3 (bit 31)
  const odd = i32x4.shr_s(i32x4.shl(w2, 1), 31);
  const cosSign = v128.and(v128.xor(w2, i32x4.shl(w2, 1)), int4(SIGN));
  const sinSign = v128.and(w2, int4(SIGN));
  const rad = radius(w1);
  const cosines = f32x4.mul(rad, v128.xor(v128.bitselect(s, c, odd), cosSign));
  const sines = f32x4.mul(rad, v128.xor(v128.bitselect(c, s, odd), sinSign));
  v128.store(out, i32x4.shuffle(cosines, sines, 0, 4, 1, 5));
  v128.store(out, i32x4.shuffle(cosines, sines, 2, 6, 3, 7), 16);
}

/** Above every sample's magnitude: the largest radius, sqrt(48 ln 2) = 5.7686, and its rounding. */
export const MAX_SAMPLE: f64 = 5.77;

// the samples of one vector for the scalar path
const SCRATCH = memory.data(32, 16);

/** A standard normal sample for `step` (a non-negative integer below 2^53). */
export function gaussian(seed: u32, step: f64): f64 {
  const pair = <u64>Math.floor(step * 0.5);
  const lo = <u32>pair;
  const hi = <u32>(pair >>> 32);
  const w1 = fmix32(lo * MUL1 + runKey(seed, 1, hi));
  const w2 = fmix32(lo * MUL2 + runKey(seed, 2, hi));
  boxMuller(SCRATCH, i32x4.splat(w1), i32x4.splat(w2));
  const odd = step - 2.0 * <f64>pair != 0.0;
  return <f64>load<f32>(SCRATCH + (odd ? 4 : 0));
}

/**
 * Standard normal samples for the integer steps first .. first + n - 1 as f32 (each sample is an
 * f32 value), identical, bit for bit, to gaussian() per step. The scalar path takes a leading odd
 * step and any pairs that do not fill a vector; the vector loop takes four pairs (eight steps) at
 * a time while they share the high word of the pair index.
 */
export function gaussians(out: usize, n: i32, first: f64, seed: u32): void {
  let i = 0;
  while (i < n) {
    const step = first + <f64>i;
    const s = <u64>step;
    let quads = 0; // vector iterations from here
    if ((s & 1) == 0) {
      const p = s >>> 1;
      const pairsInWord = <u64>0x100000000 - (p & 0xffffffff); // pairs until the high word changes
      quads = <i32>(min<u64>(<u64>((n - i) >>> 1), pairsInWord) >>> 2);
    }
    if (quads > 0) {
      vectorRun(out + (<usize>i << 2), quads, s >>> 1, seed);
      i += quads << 3;
    } else {
      store<f32>(out + (<usize>i << 2), <f32>gaussian(seed, step));
      i += 1;
    }
  }
}

/**
 * `quads` times eight samples from pair p0 on (all sharing p0's high word). Two vectors per round,
 * their words hashed before either transform, give the engine's scheduler independent work to
 * overlap: about 15% faster than one at a time.
 */
function vectorRun(out: usize, quads: i32, p0: u64, seed: u32): void {
  const hi = <u32>(p0 >>> 32);
  const key1 = i32x4.splat(runKey(seed, 1, hi)), key2 = i32x4.splat(runKey(seed, 2, hi));
  const lanes = i32x4.add(i32x4.splat(<u32>p0), i32x4(0, 1, 2, 3));
  let c1 = i32x4.mul(lanes, i32x4.splat(MUL1)), c2 = i32x4.mul(lanes, i32x4.splat(MUL2));
  const step1 = i32x4.splat(4 * MUL1), step2 = i32x4.splat(4 * MUL2);
  let k = 0;
  for (; k + 2 <= quads; k += 2) {
    const a1 = fmix4(i32x4.add(c1, key1)), a2 = fmix4(i32x4.add(c2, key2));
    const b1 = fmix4(i32x4.add(i32x4.add(c1, step1), key1)), b2 = fmix4(i32x4.add(i32x4.add(c2, step2), key2));
    boxMuller(out + (<usize>k << 5), a1, a2);
    boxMuller(out + (<usize>k << 5) + 32, b1, b2);
    c1 = i32x4.add(c1, i32x4.add(step1, step1));
    c2 = i32x4.add(c2, i32x4.add(step2, step2));
  }
  for (; k < quads; k++) {
    boxMuller(out + (<usize>k << 5), fmix4(i32x4.add(c1, key1)), fmix4(i32x4.add(c2, key2)));
    c1 = i32x4.add(c1, step1);
    c2 = i32x4.add(c2, step2);
  }
}
