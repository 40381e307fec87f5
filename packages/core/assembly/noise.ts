// Counter-based Gaussian noise: the sample for a step depends only on (seed, step), so any
// chunk of a curve, and a single `at(step)`, reproduce the same numbers.
//
// Bits: murmur3's 32-bit finaliser applied to (seed, stream, step low word, step high word).
// Normal: Box-Muller on a pair of 32-bit words per two steps. The radius comes from the first
// word, u1 = (b1 + 1/2) 2^-32 in (0, 1), as sqrt(-2 ln u1). The angle comes from the second word
// without any range reduction: its top two bits pick a quadrant q and the other thirty an offset
// r in (-pi/4, pi/4), theta = q pi/2 + r, so one short sine and cosine polynomial pair serves
// both samples. Only +, -, *, / and sqrt are used, so the host reproduces every sample exactly
// (packages/core/src/gaussian.ts).
import { at } from "./buffer";
import { vlog } from "./vmath";

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

/** The seed mixed with a stream id: the first round, constant over a curve. */
@inline function seedKey(seed: u32, stream: u32): u32 {
  return fmix32(seed ^ (stream * GOLDEN));
}

@inline function bits(key: u32, lo: u32, hi: u32): u32 {
  return fmix32(fmix32(key ^ lo) ^ hi ^ HIGH_SALT);
}

const TWO_POW_M32: f64 = 1.0 / 4294967296.0;
/** pi / 2^31: one unit of the 30-bit angle offset, as a quarter turn is 2^30 units. */
const ANGLE_UNIT: f64 = Math.PI / 2147483648.0;
/** The offset word is centred on its quadrant: r = (w - HALF_QUADRANT) * ANGLE_UNIT. */
const HALF_QUADRANT: f64 = 536870911.5;

@inline function splat(x: f64): v128 {
  return f64x2.splat(x);
}

/** sqrt(-2 ln u1) per lane, from the raw words as f64 lanes. */
@inline function radius(b1: v128): v128 {
  const u1 = f64x2.mul(f64x2.add(b1, splat(0.5)), splat(TWO_POW_M32));
  return f64x2.sqrt(f64x2.mul(splat(-2.0), vlog(u1)));
}

// Taylor coefficients, highest first, each twice (one per lane): loaded from memory, which is
// cheaper in the engine's code than rebuilding a 128-bit constant on every use.
const COS_COEF = memory.data<f64>([
  1.0 / 20922789888000.0, 1.0 / 20922789888000.0, -1.0 / 87178291200.0, -1.0 / 87178291200.0,
  1.0 / 479001600.0, 1.0 / 479001600.0, -1.0 / 3628800.0, -1.0 / 3628800.0,
  1.0 / 40320.0, 1.0 / 40320.0, -1.0 / 720.0, -1.0 / 720.0, 1.0 / 24.0, 1.0 / 24.0, -0.5, -0.5, 1.0, 1.0,
]);
const SIN_COEF = memory.data<f64>([
  1.0 / 355687428096000.0, 1.0 / 355687428096000.0, -1.0 / 1307674368000.0, -1.0 / 1307674368000.0,
  1.0 / 6227020800.0, 1.0 / 6227020800.0, -1.0 / 39916800.0, -1.0 / 39916800.0,
  1.0 / 362880.0, 1.0 / 362880.0, -1.0 / 5040.0, -1.0 / 5040.0, 1.0 / 120.0, 1.0 / 120.0,
  -1.0 / 6.0, -1.0 / 6.0, 1.0, 1.0,
]);

@inline function horner9(table: usize, z: v128): v128 {
  let p = v128.load(table);
  p = f64x2.add(f64x2.mul(p, z), v128.load(table, 16));
  p = f64x2.add(f64x2.mul(p, z), v128.load(table, 32));
  p = f64x2.add(f64x2.mul(p, z), v128.load(table, 48));
  p = f64x2.add(f64x2.mul(p, z), v128.load(table, 64));
  p = f64x2.add(f64x2.mul(p, z), v128.load(table, 80));
  p = f64x2.add(f64x2.mul(p, z), v128.load(table, 96));
  p = f64x2.add(f64x2.mul(p, z), v128.load(table, 112));
  return f64x2.add(f64x2.mul(p, z), v128.load(table, 128));
}

/** cos r per lane for |r| < pi/4 (Taylor to r^16: truncation below 3e-18). */
@inline function cosPoly(z: v128): v128 {
  return horner9(COS_COEF, z);
}

/** sin r per lane for |r| < pi/4 (Taylor to r^17). */
@inline function sinPoly(r: v128, z: v128): v128 {
  return f64x2.mul(horner9(SIN_COEF, z), r);
}

/**
 * Box-Muller for two pairs: `b1` holds the radius words as f64 lanes, `w2` the angle words as
 * u64 lanes. Stores z_cos(pair 0), z_sin(pair 0), z_cos(pair 1), z_sin(pair 1) at `out`.
 */
@inline function boxMuller(out: usize, b1: v128, w2: v128): void {
  const q = i64x2.shr_u(w2, 30);
  const offset = f64x2.convert_low_i32x4_u(i32x4.shuffle(v128.and(w2, i64x2.splat(0x3fffffff)), w2, 0, 2, 0, 2));
  const r = f64x2.mul(f64x2.sub(offset, splat(HALF_QUADRANT)), splat(ANGLE_UNIT));
  const z = f64x2.mul(r, r);
  const c = cosPoly(z);
  const s = sinPoly(r, z);
  // rotate (cos r, sin r) by q quarter turns: odd q swaps them; cos flips sign for q = 1, 2 and
  // sin for q = 2, 3 (bit 1 of q + 1 and of q, moved to the sign bit)
  const odd = i64x2.ne(v128.and(q, i64x2.splat(1)), i64x2.splat(0));
  const cosSign = i64x2.shl(v128.and(i64x2.add(q, i64x2.splat(1)), i64x2.splat(2)), 62);
  const sinSign = i64x2.shl(v128.and(q, i64x2.splat(2)), 62);
  const cosT = v128.xor(v128.bitselect(s, c, odd), cosSign);
  const sinT = v128.xor(v128.bitselect(c, s, odd), sinSign);
  const rad = radius(b1);
  const zc = f64x2.mul(rad, cosT);
  const zs = f64x2.mul(rad, sinT);
  v128.store(out, i64x2.shuffle(zc, zs, 0, 2));
  v128.store(out, i64x2.shuffle(zc, zs, 1, 3), 16);
}

// two pairs' worth of samples for the scalar path
const SCRATCH = memory.data(32, 16);

/** A standard normal sample for `step` (a non-negative integer below 2^53). */
export function gaussian(seed: u32, step: f64): f64 {
  const pair = <u64>Math.floor(step * 0.5);
  const lo = <u32>pair;
  const hi = <u32>(pair >>> 32);
  const b1 = <f64>bits(seedKey(seed, 1), lo, hi);
  const w2 = <u64>bits(seedKey(seed, 2), lo, hi);
  boxMuller(SCRATCH, splat(b1), i64x2.splat(w2));
  const odd = step - 2.0 * <f64>pair != 0.0;
  return load<f64>(SCRATCH + (odd ? 8 : 0));
}

@inline function fmix4(x: v128): v128 {
  let h = v128.xor(x, i32x4.shr_u(x, 16));
  h = i32x4.mul(h, i32x4.splat(0x85ebca6b));
  h = v128.xor(h, i32x4.shr_u(h, 13));
  h = i32x4.mul(h, i32x4.splat(0xc2b2ae35));
  return v128.xor(h, i32x4.shr_u(h, 16));
}

/**
 * Standard normal samples for the integer steps first .. first + n - 1, identical, bit for bit,
 * to gaussian() per step. A scalar head aligns to an even step; the body takes two pairs (four
 * steps) at a time while they share the high word of the pair index; a scalar tail ends it.
 */
export function gaussians(out: usize, n: i32, first: f64, seed: u32): void {
  let i = 0;
  while (i < n) {
    const step = first + <f64>i;
    const s = <u64>step;
    let run = 0; // steps the vector loop can take from here
    if ((s & 1) == 0) {
      const p = s >>> 1;
      const pairsInWord = <u64>0x100000000 - (p & 0xffffffff); // pairs until the high word changes
      const pairs = min<u64>(<u64>((n - i) >>> 1), pairsInWord);
      run = <i32>(pairs & ~(<u64>1)) << 1;
    }
    if (run > 0) {
      vectorRun(at(out, i), run >>> 2, s >>> 1, seed);
      i += run;
    } else {
      store<f64>(at(out, i), gaussian(seed, step));
      i += 1;
    }
  }
}

/** Four samples (two pairs) from the pairs whose low words are in lanes 0, 1 of `lo`. */
@inline function quad(out: usize, keys: v128, lo: v128, high: v128): void {
  // lanes [b1(p), b1(p + 1), w2(p), w2(p + 1)]
  const h = fmix4(v128.xor(fmix4(v128.xor(keys, lo)), high));
  boxMuller(out, f64x2.convert_low_i32x4_u(h), i64x2.extend_high_i32x4_u(h));
}

/**
 * `quads` times four samples from pair p0 on (p0 .. p0 + 2 quads - 1 share one high word). Four
 * independent quads per iteration give the engine's scheduler work to overlap (~30% faster than
 * one at a time).
 */
function vectorRun(out: usize, quads: i32, p0: u64, seed: u32): void {
  const keys = i32x4(seedKey(seed, 1), seedKey(seed, 1), seedKey(seed, 2), seedKey(seed, 2));
  const high = i32x4.splat(<u32>(p0 >>> 32) ^ HIGH_SALT);
  let lo = i32x4.add(i32x4.splat(<u32>p0), i32x4(0, 1, 0, 1));
  let k = 0;
  for (; k + 4 <= quads; k += 4) {
    const o = out + (<usize>k << 5);
    quad(o, keys, lo, high);
    quad(o + 32, keys, i32x4.add(lo, i32x4.splat(2)), high);
    quad(o + 64, keys, i32x4.add(lo, i32x4.splat(4)), high);
    quad(o + 96, keys, i32x4.add(lo, i32x4.splat(6)), high);
    lo = i32x4.add(lo, i32x4.splat(8));
  }
  for (; k < quads; k++) {
    quad(out + (<usize>k << 5), keys, lo, high);
    lo = i32x4.add(lo, i32x4.splat(2));
  }
}
