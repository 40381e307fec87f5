// Counter-based Gaussian noise: the sample for a step depends only on (seed, step), so any
// chunk of a curve, and a single `at(step)`, reproduce the same numbers.
//
// Bits: murmur3's 32-bit finaliser applied to (seed, stream, step low word, step high word).
// Normal: Box-Muller on two uniforms, u1 in (0, 1) so the logarithm is finite.

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

/** A standard normal sample for `step` (a non-negative integer below 2^53). */
export function gaussian(seed: u32, step: f64): f64 {
  const s = <u64>step;
  const lo = <u32>s;
  const hi = <u32>(s >>> 32);
  const u1 = (<f64>bits(seed, 1, lo, hi) + 0.5) * TWO_POW_M32;
  const u2 = <f64>bits(seed, 2, lo, hi) * TWO_POW_M32;
  return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
}
