// out[i] = a * exp(k * (s0 + i)): exponential decay as a geometric recurrence.
//
// Two lanes step by exp(2k) each iteration; the exact value is recomputed every ANCHOR steps, which
// bounds the accumulated rounding to ~ANCHOR ulps instead of one exp() per step.
import { at } from "./buffer";

const ANCHOR = 256;

export function geometric(out: usize, n: i32, s0: f64, a: f64, k: f64): void {
  const r2 = f64x2.splat(Math.exp(2.0 * k));
  for (let base = 0; base < n; base += ANCHOR) {
    const m = min(ANCHOR, n - base);
    const s = s0 + <f64>base;
    let v = f64x2(a * Math.exp(k * s), a * Math.exp(k * (s + 1.0)));
    const p = out + (<usize>base << 3);
    let i = 0;
    for (; i + 2 <= m; i += 2) {
      v128.store(at(p, i), v);
      v = f64x2.mul(v, r2);
    }
    if (i < m) store<f64>(at(p, i), f64x2.extract_lane(v, 0));
  }
}
