// out[i] = a * exp(k * x), x = s - o: exponential decay as a geometric recurrence.
//
// Two lanes step by exp(2k) per iteration; the exact value is recomputed at every anchor
// (fixed multiples of ANCHOR in s - floor(o)), which bounds rounding to ~ANCHOR ulps and makes a value
// independent of where a chunk starts.
import { at } from "./buffer";
import { ANCHOR, blockSkip } from "./anchor";

export function geometric(out: usize, n: i32, s0: f64, o: f64, a: f64, k: f64): void {
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
    const p = out + (<usize>(i - skip) << 3);
    let j = 0;
    while (j < end) {
      if (j >= skip && j + 2 <= end) {
        v128.store(at(p, j), v);
      } else {
        if (j >= skip && j < end) store<f64>(at(p, j), f64x2.extract_lane(v, 0));
        if (j + 1 >= skip && j + 1 < end) store<f64>(at(p, j + 1), f64x2.extract_lane(v, 1));
      }
      v = f64x2.mul(v, r2);
      j += 2;
    }
    i += end - skip;
  }
}
