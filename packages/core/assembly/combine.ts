// The last pass of products, scales and clamps: values staged in f64 (a child's, or two
// children's) combined and stored in the output's type in one pass, which also sums what it
// stores (as finite.ts does) and so proves the chunk's values finite with no pass of its own.
// The arithmetic is the f64 formula's, rounded once as it is stored.
import { vouch } from "./finite";

const SCALE = 0;
const PRODUCT = 1;
const CLAMP = 2;
/** A clamp whose bounds are not zero: pmax/pmin (one instruction each) give Math.max/min's values. */
const CLAMP_NONZERO = 3;

@inline function apply(op: i32, x: v128, q: usize, offset: usize, c: v128, hi: v128): v128 {
  if (op == SCALE) return f64x2.mul(x, c);
  if (op == PRODUCT) return f64x2.mul(x, v128.load(q + offset));
  // pmax(x, c) = x < c ? c : x keeps a NaN x, and differs from max only for x == c of another
  // sign of zero
  if (op == CLAMP_NONZERO) return f64x2.pmin(f64x2.pmax(x, c), hi);
  return f64x2.min(f64x2.max(x, c), hi);
}

@inline function apply1(op: i32, x: f64, y: f64, c: f64, hi: f64): f64 {
  if (op == SCALE) return x * c;
  if (op == PRODUCT) return x * y;
  return Math.min(Math.max(x, c), hi);
}

/**
 * out[i] = op(a[i], b[i]) for i < n, as T; `c` the scale or the lower bound, `hi` the upper
 * bound. `out` may be `a` (an f64 output combined in place).
 */
@inline function pass<T>(op: i32, out: usize, a: usize, b: usize, n: i32, c: f64, hi: f64): void {
  const vc = f64x2.splat(c), vh = f64x2.splat(hi);
  let sum = v128.splat<i32>(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const at = <usize>i << 3;
    const lo = apply(op, v128.load(a + at), b, at, vc, vh);
    const up = apply(op, v128.load(a + at, 16), b, at + 16, vc, vh);
    if (sizeof<T>() == 4) {
      const v = i8x16.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(up), 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
      v128.store(out + (<usize>i << 2), v);
      sum = f32x4.add(sum, v);
    } else {
      v128.store(out + at, lo);
      v128.store(out + at, up, 16);
      sum = f64x2.add(sum, f64x2.add(lo, up));
    }
  }
  let rest: f64 = 0.0;
  for (; i < n; i++) {
    const at = <usize>i << 3;
    const v = <T>apply1(op, load<f64>(a + at), op == PRODUCT ? load<f64>(b + at) : 0.0, c, hi);
    store<T>(out + (<usize>i << alignof<T>()), v);
    rest += <f64>v;
  }
  // a sum that is finite proves every value it adds finite (one that overflowed proves nothing:
  // the chunk is then tested value by value)
  const zero = sizeof<T>() == 4 ? f32x4.eq(f32x4.sub(sum, sum), v128.splat<i32>(0)) : f64x2.eq(f64x2.sub(sum, sum), v128.splat<i32>(0));
  if (i8x16.all_true(zero) && rest - rest == 0.0) vouch(out, <usize>n << alignof<T>());
}

/** out = src * c (f64 values staged at `src`), stored as f32 or f64. */
export function scaleOut(out: usize, f32: bool, src: usize, n: i32, c: f64): void {
  if (f32) pass<f32>(SCALE, out, src, 0, n, c, 0.0);
  else pass<f64>(SCALE, out, src, 0, n, c, 0.0);
}

/** out = a * b (f64 values staged at `a` and `b`), stored as f32 or f64. */
export function productOut(out: usize, f32: bool, a: usize, b: usize, n: i32): void {
  if (f32) pass<f32>(PRODUCT, out, a, b, n, 0.0, 0.0);
  else pass<f64>(PRODUCT, out, a, b, n, 0.0, 0.0);
}

/** out = min(max(src, lo), hi) (f64 values staged at `src`), stored as f32 or f64. */
export function clampOut(out: usize, f32: bool, src: usize, n: i32, lo: f64, hi: f64): void {
  if (lo != 0.0 && hi != 0.0) {
    if (f32) pass<f32>(CLAMP_NONZERO, out, src, 0, n, lo, hi);
    else pass<f64>(CLAMP_NONZERO, out, src, 0, n, lo, hi);
  } else if (f32) pass<f32>(CLAMP, out, src, 0, n, lo, hi);
  else pass<f64>(CLAMP, out, src, 0, n, lo, hi);
}
