// Counter-based Gaussian noise: the sample for a step depends only on (seed, step), so any
// chunk of a curve, and a single `at(step)`, reproduce the same numbers.
//
// Bits: murmur3's 32-bit finaliser applied to (seed, stream, step low word, step high word).
// Normal: Box-Muller on a pair of uniforms per two steps (u1 in (0, 1) so the log is finite).
import { vcos, vlog, vsin } from "./vmath";

@inline function fmix32(x: u32): u32 {
  let h = x;
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return h;
}

@inline function bits(seed: u32, stream: u32, lo: u32, hi: u32): u32 {
  let h = fmix32(seed ^ (stream * 0x9e3779b9));
  h = fmix32(h ^ lo);
  return fmix32(h ^ hi ^ 0x27d4eb2f);
}

const TWO_POW_M32: f64 = 1.0 / 4294967296.0;

/** First uniform of a pair, in (0, 1) so its logarithm is finite. */
@inline export function uniform1(seed: u32, pair: f64): f64 {
  const s = <u64>pair;
  return (<f64>bits(seed, 1, <u32>s, <u32>(s >>> 32)) + 0.5) * TWO_POW_M32;
}

/** Second uniform of a pair, in [0, 1). */
@inline export function uniform2(seed: u32, pair: f64): f64 {
  const s = <u64>pair;
  return <f64>bits(seed, 2, <u32>s, <u32>(s >>> 32)) * TWO_POW_M32;
}

/**
 * Box-Muller: each pair of uniforms gives two independent normals, R cos(theta) for the even
 * step and R sin(theta) for the odd one (R = sqrt(-2 ln u1), theta = 2 pi u2).
 */
@inline function radius(u1: v128): v128 {
  return f64x2.sqrt(f64x2.mul(f64x2.splat(-2.0), vlog(u1)));
}

@inline function angle(u2: v128): v128 {
  return f64x2.mul(f64x2.splat(2.0 * Math.PI), u2);
}

/** A standard normal sample for `step` (a non-negative integer below 2^53). */
export function gaussian(seed: u32, step: f64): f64 {
  const pair = Math.floor(step * 0.5);
  const r = radius(f64x2.splat(uniform1(seed, pair)));
  const t = angle(f64x2.splat(uniform2(seed, pair)));
  const z = f64x2.mul(r, step - 2.0 * pair == 0.0 ? vcos(t) : vsin(t));
  return f64x2.extract_lane(z, 0);
}

@inline function fmix4(x: v128): v128 {
  let h = v128.xor(x, i32x4.shr_u(x, 16));
  h = i32x4.mul(h, i32x4.splat(0x85ebca6b));
  h = v128.xor(h, i32x4.shr_u(h, 13));
  h = i32x4.mul(h, i32x4.splat(0xc2b2ae35));
  return v128.xor(h, i32x4.shr_u(h, 16));
}

/** bits() for two consecutive pairs p, p + 1 in lanes [u1(p), u1(p+1), u2(p), u2(p+1)]. */
@inline function bits4(seed: u32, lo: u32, hi: u32): v128 {
  const streams = i32x4(1, 1, 2, 2);
  let h = fmix4(v128.xor(i32x4.splat(seed), i32x4.mul(streams, i32x4.splat(0x9e3779b9))));
  h = fmix4(v128.xor(h, i32x4.add(i32x4.splat(lo), i32x4(0, 1, 0, 1))));
  return fmix4(v128.xor(h, i32x4.splat(hi ^ 0x27d4eb2f)));
}

/** Four normals for the even step 2p: pairs p and p + 1, each giving its cosine and sine. */
@inline function four(out: usize, seed: u32, p: u64): void {
  const b = bits4(seed, <u32>p, <u32>(p >>> 32));
  const scale = f64x2.splat(TWO_POW_M32);
  const u1 = f64x2.mul(f64x2.add(f64x2.convert_low_i32x4_u(b), f64x2.splat(0.5)), scale);
  const u2 = f64x2.mul(f64x2.convert_low_i32x4_u(i32x4.shuffle(b, b, 2, 3, 2, 3)), scale);
  const r = radius(u1);
  const t = angle(u2);
  const c = f64x2.mul(r, vcos(t));
  const s = f64x2.mul(r, vsin(t));
  // steps 2p, 2p+1, 2p+2, 2p+3 = cos(p), sin(p), cos(p+1), sin(p+1)
  v128.store(out, i64x2.shuffle(c, s, 0, 2));
  v128.store(out, i64x2.shuffle(c, s, 1, 3), 16);
}

/**
 * Standard normal samples for the integer steps first .. first + n - 1, identical, bit for bit,
 * to gaussian() per step.
 */
export function gaussians(out: usize, n: i32, first: f64, seed: u32): void {
  let i = 0;
  while (i < n) {
    const step = first + <f64>i;
    const s = <u64>step;
    // the vector path needs an even step and two pairs that share a high word
    if (i + 4 <= n && (s & 1) == 0 && <u32>(s >>> 1) != 0xffffffff) {
      four(out + (<usize>i << 3), seed, s >>> 1);
      i += 4;
    } else {
      store<f64>(out + (<usize>i << 3), gaussian(seed, step));
      i += 1;
    }
  }
}
