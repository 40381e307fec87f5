// Whether a chunk's values are all finite (and within float32's range in an f32 output). The host
// refuses a chunk that is not, so every value must be accounted for: either proven as it is
// written, or tested afterwards. A cubic block proves its values by its own bounds (|y0| + D and
// the coefficients are finite, below float32's range for an f32 output), so a chunk written by
// such blocks alone needs no test; any other chunk is tested value by value after evaluation.
//
// The proof counts output bytes written by proven stores. Every byte of the output is written
// once by the kernels (joins and repeats give their pieces disjoint ranges), except by the floor
// passes, which only raise values to a floor (finite in the output's type, or they void the
// proof); nodes that rewrite their children's values in place (products, clamps, noise) restore
// the count they started with (plan.ts).

/** The output range of the chunk being evaluated, and how many of its bytes are proven finite. */
let lo: usize = 0, hi: usize = 0, proven: usize = 0;
let voided = false;

/** Starts the proof for a chunk of `bytes` bytes at `out`. */
export function beginProof(out: usize, bytes: usize): void {
  lo = out;
  hi = out + bytes;
  proven = 0;
  voided = false;
}

/** Bytes [p, p + bytes) were stored with values proven finite (counted when they are output). */
@inline export function vouch(p: usize, bytes: usize): void {
  if (p >= lo && p + bytes <= hi) proven += bytes;
}

/** Magnitudes below these stay finite through a few roundings, in f32 and in f64. */
export const F32_SAFE: f64 = 1e38;
export const F64_SAFE: f64 = 1e307;

/**
 * Vouches for bytes [p, p + bytes) of a monotone run whose end values are `first` and `last`
 * (every value lies between them, up to rounding): when both are safely within the type's range.
 */
export function vouchBetween(p: usize, bytes: usize, f32: bool, first: f64, last: f64): void {
  if (Math.max(Math.abs(first), Math.abs(last)) < (f32 ? F32_SAFE : F64_SAFE)) vouch(p, bytes);
}

/** A value that may not be finite was stored over proven ones. */
export function voidProof(): void {
  voided = true;
}

/** The proof's count, to restore after rewriting values in place. */
export function provenBytes(): usize {
  return proven;
}

export function restoreProof(bytes: usize): void {
  proven = bytes;
}

/** Whether the whole chunk is proven finite. */
export function allProven(): bool {
  return !voided && proven == hi - lo;
}

/**
 * Whether out[0..n) (f32 or f64) are all finite. An f64 rate beyond f32's range is stored as
 * Infinity in an f32 output, so one test covers both. The quick test sums the values (an
 * Infinity or NaN makes the sum non-finite: one add per vector); only a sum that overflowed
 * from finite values, rates near the type's limit, is checked value by value.
 */
export function finite(out: usize, n: i32, f32: bool): bool {
  const bytes = <usize>n << (f32 ? 2 : 3);
  let a = f64x2.splat(0.0), b = f64x2.splat(0.0), c = f64x2.splat(0.0), d = f64x2.splat(0.0);
  let i: usize = 0;
  if (f32) {
    for (; i + 64 <= bytes; i += 64) {
      const p = out + i;
      a = f32x4.add(a, v128.load(p));
      b = f32x4.add(b, v128.load(p, 16));
      c = f32x4.add(c, v128.load(p, 32));
      d = f32x4.add(d, v128.load(p, 48));
    }
    const t = f32x4.add(f32x4.add(a, b), f32x4.add(c, d));
    let sum: f32 = f32x4.extract_lane(t, 0) + f32x4.extract_lane(t, 1) + f32x4.extract_lane(t, 2) + f32x4.extract_lane(t, 3);
    for (; i < bytes; i += 4) sum += load<f32>(out + i);
    return sum - sum == 0.0 || eachFinite(out, n, true);
  }
  for (; i + 64 <= bytes; i += 64) {
    const p = out + i;
    a = f64x2.add(a, v128.load(p));
    b = f64x2.add(b, v128.load(p, 16));
    c = f64x2.add(c, v128.load(p, 32));
    d = f64x2.add(d, v128.load(p, 48));
  }
  const t = f64x2.add(f64x2.add(a, b), f64x2.add(c, d));
  let sum = f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
  for (; i < bytes; i += 8) sum += load<f64>(out + i);
  return sum - sum == 0.0 || eachFinite(out, n, false);
}

/** Whether every value of out[0..n) is finite, value by value. */
function eachFinite(out: usize, n: i32, f32: bool): bool {
  for (let i = 0; i < n; i++) {
    const v: f64 = f32 ? <f64>load<f32>(out + (<usize>i << 2)) : load<f64>(out + (<usize>i << 3));
    if (!(v - v == 0.0)) return false;
  }
  return true;
}
