// out[i] = a * exp(k * x), x = s - o: exponential decay as a geometric recurrence.
//
// Eight lanes (four chains of two) step by exp(8k) per iteration; the exact value is recomputed
// at every anchor (fixed multiples of ANCHOR in s - floor(o)), which bounds rounding to ~ANCHOR / 8
// ulps and makes a value independent of where a chunk starts.
import { ANCHOR, blockSkip } from "./anchor";
import { Shape, blocks } from "./blocks";
import { store2, store2Within } from "./output";
import { vouchBetween } from "./finite";

/**
 * f32 output as cubic blocks (blocks.ts: four f32 lanes), the recurrence below where they do not
 * fit; f64 output by the recurrence, one multiply per two steps.
 */
export function geometric(out: usize, f32: bool, n: i32, s0: f64, o: f64, a: f64, k: f64): void {
  if (f32) blocks(out, true, n, s0, o, Shape.Geometric, a, k, 0.0, 0.0, 0.0, 0.0);
  else recurrence(out, false, n, s0, o, a, k);
}

/** The recurrence, into an f32 or f64 output. */
export function recurrence(out: usize, f32: bool, n: i32, s0: f64, o: f64, a: f64, k: f64): void {
  if (f32) recur<f32>(out, n, s0, o, a, k);
  else recur<f64>(out, n, s0, o, a, k);
}

function recur<T>(out: usize, n: i32, s0: f64, o: f64, a: f64, k: f64): void {
  // monotone: every value lies between the exact ends, up to the recurrence's rounding
  if (n > 0) vouchBetween(out, <usize>n << alignof<T>(), sizeof<T>() == 4, a * Math.exp(k * (s0 - o)), a * Math.exp(k * ((s0 + <f64>(n - 1)) - o)));
  // four independent chains of two lanes, each stepping by e^(8k): the multiplies overlap
  const q1 = Math.exp(k), q2 = Math.exp(2.0 * k), q4 = Math.exp(4.0 * k);
  const q3 = q2 * q1, q5 = q4 * q1, q6 = q4 * q2, q7 = q4 * q3;
  const r8 = f64x2.splat(Math.exp(8.0 * k));
  const base = Math.floor(o);
  const frac = o - base;
  let i = 0;
  while (i < n) {
    const g = (s0 + <f64>i) - base; // grid position: an exact integer
    const skip = blockSkip(g);
    const end = min(ANCHOR, skip + (n - i));
    const v = a * Math.exp(k * ((g - <f64>skip) - frac));
    let v0 = f64x2(v, v * q1), v1 = f64x2(v * q2, v * q3), v2 = f64x2(v * q4, v * q5), v3 = f64x2(v * q6, v * q7);
    const p = out + (<usize>(i - skip) << alignof<T>());
    for (let j = 0; j < end; j += 8) {
      if (j >= skip && j + 8 <= end) {
        store2<T>(p, j, v0);
        store2<T>(p, j + 2, v1);
        store2<T>(p, j + 4, v2);
        store2<T>(p, j + 6, v3);
      } else if (j + 8 > skip) {
        store2Within<T>(p, j, v0, skip, end);
        store2Within<T>(p, j + 2, v1, skip, end);
        store2Within<T>(p, j + 4, v2, skip, end);
        store2Within<T>(p, j + 6, v3, skip, end);
      }
      v0 = f64x2.mul(v0, r8);
      v1 = f64x2.mul(v1, r8);
      v2 = f64x2.mul(v2, r8);
      v3 = f64x2.mul(v3, r8);
    }
    i += end - skip;
  }
}
