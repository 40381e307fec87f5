// Helpers for writing runs of values into linear memory.
//
// Coordinates: a kernel fills out[i] for the positions s = s0 + i (integers, exact in f64) and
// evaluates its formula at the local step x = s - o, where the origin o carries any fractional
// offset (period starts, one-cycle phases). Computing x from the exact s and a fixed o makes
// every value a function of s alone, whatever chunk it is computed in.
import { Shape, blocks } from "./blocks";
import { store1, store2 } from "./output";

/** Address of element `i` of an f64 buffer. */
@inline export function at(buf: usize, i: i32): usize {
  return buf + (<usize>i << 3);
}

/**
 * out[i] = a + b * (s0 + i - o), an affine ramp in the local step, into an f32 or f64 output;
 * `floor` is 1e-6 x the peak of the curve it belongs to, when the caller knows it.
 */
export function affine(out: usize, f32: bool, n: i32, s0: f64, o: f64, a: f64, b: f64, floor: f64 = 0.0): void {
  if (f32) blocks(out, true, n, s0, o, Shape.Affine, a, b, 0.0, 0.0, 0.0, floor);
  else line(out, false, n, s0, o, a, b);
}

/** The same ramp in f64 arithmetic, exact to rounding. */
export function line(out: usize, f32: bool, n: i32, s0: f64, o: f64, a: f64, b: f64): void {
  if (f32) lineOf<f32>(out, n, s0, o, a, b);
  else lineOf<f64>(out, n, s0, o, a, b);
}

function lineOf<T>(out: usize, n: i32, s0: f64, o: f64, a: f64, b: f64): void {
  let s = f64x2(s0, s0 + 1.0);
  const two = f64x2.splat(2.0);
  const vo = f64x2.splat(o);
  const va = f64x2.splat(a);
  const vb = f64x2.splat(b);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    store2<T>(out, i, f64x2.add(va, f64x2.mul(vb, f64x2.sub(s, vo))));
    s = f64x2.add(s, two);
  }
  if (i < n) store1<T>(out, i, a + b * ((s0 + <f64>i) - o));
}

/**
 * The first i in [0, limit] whose local step (s0 + i) - o is >= bound (limit if none): an
 * estimate corrected by exact comparisons. Counts are f64 so runs can span more than a chunk.
 */
export function stepsBelow(s0: f64, o: f64, bound: f64, limit: f64): f64 {
  let i = Math.min(limit, Math.max(0.0, Math.ceil(bound + o - s0)));
  while (i > 0.0 && (s0 + (i - 1.0)) - o >= bound) i -= 1.0;
  while (i < limit && (s0 + i) - o < bound) i += 1.0;
  return i;
}

/** The first i in [0, limit] whose local step is > bound. */
export function stepsAtOrBelow(s0: f64, o: f64, bound: f64, limit: f64): f64 {
  let i = Math.min(limit, Math.max(0.0, Math.floor(bound + o - s0) + 1.0));
  while (i > 0.0 && (s0 + (i - 1.0)) - o > bound) i -= 1.0;
  while (i < limit && (s0 + i) - o <= bound) i += 1.0;
  return i;
}

/** stepsBelow within a chunk. */
@inline export function firstAtOrAbove(s0: f64, o: f64, bound: f64, limit: i32): i32 {
  return <i32>stepsBelow(s0, o, bound, <f64>limit);
}

/** stepsAtOrBelow within a chunk. */
@inline export function firstAbove(s0: f64, o: f64, bound: f64, limit: i32): i32 {
  return <i32>stepsAtOrBelow(s0, o, bound, <f64>limit);
}

/** Steps from s (where floor((s - o) / d) == q) while the quotient stays q, at most `limit`. */
export function floorRun(s: f64, o: f64, d: f64, q: f64, limit: f64): f64 {
  let len = Math.min(limit, Math.max(1.0, Math.ceil((q + 1.0) * d - (s - o))));
  while (len > 1.0 && Math.floor(((s + (len - 1.0)) - o) / d) > q) len -= 1.0;
  while (len < limit && Math.floor(((s + len) - o) / d) <= q) len += 1.0;
  return len;
}

/** floorRun within a chunk. */
@inline export function runLength(s: f64, o: f64, d: f64, q: f64, limit: i32): i32 {
  return <i32>floorRun(s, o, d, q, <f64>limit);
}

/** Like runLength, for runs of constant ceil((s - o) / d) == q. */
export function ceilRunLength(s: f64, o: f64, d: f64, q: f64, limit: i32): i32 {
  let len = <i32>Math.min(<f64>limit, Math.max(1.0, Math.floor(q * d - (s - o)) + 1.0));
  while (len > 1 && Math.ceil(((s + <f64>(len - 1)) - o) / d) > q) len--;
  while (len < limit && Math.ceil(((s + <f64>len) - o) / d) <= q) len++;
  return len;
}
