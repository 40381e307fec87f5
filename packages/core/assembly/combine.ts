// The last pass of products, scales and clamps. Products (and scales of composites) combine
// values staged in f64 and store them in the output's type in one pass, which also sums what it
// stores (as finite.ts does) and so proves the chunk's values finite with no pass of its own; the
// arithmetic is the f64 formula's, rounded once. A kernel's f32 values are scaled in f32, and
// clamps work in the output's type, in place.
import { voidProof, vouch } from "./finite";

const SCALE = 0;
const PRODUCT = 1;

@inline function apply(op: i32, x: v128, q: usize, offset: usize, c: v128): v128 {
  if (op == SCALE) return f64x2.mul(x, c);
  return f64x2.mul(x, v128.load(q + offset));
}

@inline function apply1(op: i32, x: f64, y: f64, c: f64): f64 {
  if (op == SCALE) return x * c;
  return x * y;
}

/** Values i .. i + 3, stored as T; returns `sum` plus them. */
@inline function group<T>(op: i32, out: usize, a: usize, b: usize, i: i32, vc: v128, sum: v128): v128 {
  const at = <usize>i << 3;
  const lo = apply(op, v128.load(a + at), b, at, vc);
  const up = apply(op, v128.load(a + at, 16), b, at + 16, vc);
  if (sizeof<T>() == 4) {
    const v = i8x16.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(up), 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
    v128.store(out + (<usize>i << 2), v);
    return f32x4.add(sum, v);
  }
  v128.store(out + at, lo);
  v128.store(out + at, up, 16);
  return f64x2.add(sum, f64x2.add(lo, up));
}

/**
 * out[i] = op(a[i], b[i]) for i < n, as T; `c` the scale. `out` may be `a` (an f64 output
 * combined in place).
 */
@inline function pass<T>(op: i32, out: usize, a: usize, b: usize, n: i32, c: f64): void {
  const vc = f64x2.splat(c);
  // two running sums, so that the additions do not wait on each other
  let sumA = v128.splat<i32>(0), sumB = v128.splat<i32>(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    sumA = group<T>(op, out, a, b, i, vc, sumA);
    sumB = group<T>(op, out, a, b, i + 4, vc, sumB);
  }
  for (; i + 4 <= n; i += 4) sumA = group<T>(op, out, a, b, i, vc, sumA);
  const sum = sizeof<T>() == 4 ? f32x4.add(sumA, sumB) : f64x2.add(sumA, sumB);
  let rest: f64 = 0.0;
  for (; i < n; i++) {
    const at = <usize>i << 3;
    const v = <T>apply1(op, load<f64>(a + at), op == PRODUCT ? load<f64>(b + at) : 0.0, c);
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
  if (f32) pass<f32>(SCALE, out, src, 0, n, c);
  else pass<f64>(SCALE, out, src, 0, n, c);
}

/** out = a * b (f64 values staged at `a` and `b`), stored as f32 or f64. */
export function productOut(out: usize, f32: bool, a: usize, b: usize, n: i32): void {
  if (f32) pass<f32>(PRODUCT, out, a, b, n, 0.0);
  else pass<f64>(PRODUCT, out, a, b, n, 0.0);
}

/**
 * out[0..n) = a[0..n) (f64) times out[0..n) (a kernel's f32 values), rounded once to f32, in
 * place: the f32 factor's error (within 7e-7 by the blocks' checks) and one rounding stay within
 * the contract.
 */
export function product32(out: usize, a: usize, n: i32): void {
  let sumA = f32x4.splat(0.0), sumB = f32x4.splat(0.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    sumA = product4(out, a, i, sumA);
    sumB = product4(out, a, i + 4, sumB);
  }
  for (; i + 4 <= n; i += 4) sumA = product4(out, a, i, sumA);
  let rest: f32 = 0.0;
  for (; i < n; i++) {
    const p = out + (<usize>i << 2);
    const v = <f32>(load<f64>(a + (<usize>i << 3)) * <f64>load<f32>(p));
    store<f32>(p, v);
    rest += v;
  }
  const sum = f32x4.add(sumA, sumB);
  if (i8x16.all_true(f32x4.eq(f32x4.sub(sum, sum), f32x4.splat(0.0))) && rest - rest == 0.0) vouch(out, <usize>n << 2);
}

@inline function product4(out: usize, a: usize, i: i32, sum: v128): v128 {
  const p = out + (<usize>i << 2);
  const q = a + (<usize>i << 3);
  const b = v128.load(p);
  const lo = f64x2.mul(v128.load(q), f64x2.promote_low_f32x4(b));
  const hi = f64x2.mul(v128.load(q, 16), f64x2.promote_low_f32x4(i8x16.shuffle(b, b, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15)));
  const v = i8x16.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
  v128.store(p, v);
  return f32x4.add(sum, v);
}

/**
 * out[0..n) (f32 values) times c, in f32, in place: a leaf's f32 values (within 7e-7 of their
 * formula by its own checks) take two more roundings (c and the product), within the contract.
 */
export function scale32(out: usize, n: i32, c: f64): void {
  const vc = f32x4.splat(<f32>c);
  let sumA = f32x4.splat(0.0), sumB = f32x4.splat(0.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const p = out + (<usize>i << 2);
    const a = f32x4.mul(v128.load(p), vc);
    const b = f32x4.mul(v128.load(p, 16), vc);
    v128.store(p, a);
    v128.store(p, b, 16);
    sumA = f32x4.add(sumA, a);
    sumB = f32x4.add(sumB, b);
  }
  let rest: f32 = 0.0;
  for (; i < n; i++) {
    const p = out + (<usize>i << 2);
    const v = load<f32>(p) * <f32>c;
    store<f32>(p, v);
    rest += v;
  }
  const sum = f32x4.add(sumA, sumB);
  if (i8x16.all_true(f32x4.eq(f32x4.sub(sum, sum), f32x4.splat(0.0))) && rest - rest == 0.0) vouch(out, <usize>n << 2);
}

/**
 * out[0..n) (f32 or f64) clamped to [lo, hi] in place, in the output's type: the clamp of the
 * rounded value is the rounded clamp, so it adds no error. Finite values stay finite unless a
 * bound is beyond the type's range, which voids the proof.
 */
export function clampInPlace(out: usize, f32: bool, n: i32, lo: f64, hi: f64): void {
  if (f32 ? !(<f64><f32>lo < Infinity && <f64><f32>hi > -Infinity) : !(lo < Infinity && hi > -Infinity)) voidProof();
  const nonzero = lo != 0.0 && hi != 0.0;
  if (f32) {
    const vl = f32x4.splat(<f32>lo), vh = f32x4.splat(<f32>hi);
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const p = out + (<usize>i << 2);
      const v = v128.load(p);
      // pmax(v, lo) = v < lo ? lo : v keeps a NaN, and differs from max only for v == lo of the
      // other sign of zero: where no bound is a zero, pmax/pmin (one instruction) are max/min
      v128.store(p, nonzero ? f32x4.pmin(f32x4.pmax(v, vl), vh) : f32x4.min(f32x4.max(v, vl), vh));
    }
    for (; i < n; i++) {
      const p = out + (<usize>i << 2);
      store<f32>(p, Mathf.min(Mathf.max(load<f32>(p), <f32>lo), <f32>hi));
    }
    return;
  }
  const vl = f64x2.splat(lo), vh = f64x2.splat(hi);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const p = out + (<usize>i << 3);
    const v = v128.load(p);
    v128.store(p, nonzero ? f64x2.pmin(f64x2.pmax(v, vl), vh) : f64x2.min(f64x2.max(v, vl), vh));
  }
  if (i < n) {
    const p = out + (<usize>i << 3);
    store<f64>(p, Math.min(Math.max(load<f64>(p), lo), hi));
  }
}
