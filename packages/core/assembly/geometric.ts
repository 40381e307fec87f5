// out[i] = a * exp(k * x), x = s - o: exponential decay as a geometric recurrence.
//
// Two lanes step by exp(2k) per iteration; the exact value is recomputed at every anchor
// (fixed multiples of ANCHOR in s - floor(o)), which bounds rounding to ~ANCHOR ulps and makes a value
// independent of where a chunk starts.
import { ANCHOR, blockSkip } from "./anchor";
import { Shape, blocks } from "./blocks";
import { store1, store2 } from "./output";
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
  const r1 = Math.exp(k);
  const r2 = f64x2.splat(Math.exp(2.0 * k));
  const base = Math.floor(o);
  const frac = o - base;
  let i = 0;
  while (i < n) {
    const g = (s0 + <f64>i) - base; // grid position: an exact integer
    const skip = blockSkip(g);
    const end = min(ANCHOR, skip + (n - i));
    const v0 = a * Math.exp(k * ((g - <f64>skip) - frac));
    let v = f64x2(v0, v0 * r1);
    const p = out + (<usize>(i - skip) << alignof<T>());
    let j = 0;
    while (j < end) {
      if (j >= skip && j + 2 <= end) {
        store2<T>(p, j, v);
      } else {
        if (j >= skip && j < end) store1<T>(p, j, f64x2.extract_lane(v, 0));
        if (j + 1 >= skip && j + 1 < end) store1<T>(p, j + 1, f64x2.extract_lane(v, 1));
      }
      v = f64x2.mul(v, r2);
      j += 2;
    }
    i += end - skip;
  }
}
