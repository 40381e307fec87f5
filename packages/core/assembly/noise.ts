// Counter-based Gaussian noise: the sample for a step depends only on (seed, step), so any
// chunk of a curve, and a single `at(step)`, reproduce the same numbers.
//
// Bits: murmur3's 32-bit finaliser applied to (seed, stream, step low word, step high word).
// Normal: Box-Muller on two uniforms, u1 in (0, 1) so the logarithm is finite.
import { vcos, vlog } from "./vmath";

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

/** First uniform of a step's pair, in (0, 1) so its logarithm is finite. */
@inline export function uniform1(seed: u32, step: f64): f64 {
  const s = <u64>step;
  return (<f64>bits(seed, 1, <u32>s, <u32>(s >>> 32)) + 0.5) * TWO_POW_M32;
}

/** Second uniform of a step's pair, in [0, 1). */
@inline export function uniform2(seed: u32, step: f64): f64 {
  const s = <u64>step;
  return <f64>bits(seed, 2, <u32>s, <u32>(s >>> 32)) * TWO_POW_M32;
}

/** Box-Muller, two lanes: sqrt(-2 ln u1) cos(2 pi u2). */
@inline export function vgaussian(u1: v128, u2: v128): v128 {
  return f64x2.mul(
    f64x2.sqrt(f64x2.mul(f64x2.splat(-2.0), vlog(u1))),
    vcos(f64x2.mul(f64x2.splat(2.0 * Math.PI), u2)),
  );
}

/** A standard normal sample for `step` (a non-negative integer below 2^53). */
export function gaussian(seed: u32, step: f64): f64 {
  const g = vgaussian(f64x2.splat(uniform1(seed, step)), f64x2.splat(uniform2(seed, step)));
  return f64x2.extract_lane(g, 0);
}
