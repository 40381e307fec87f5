// Inverse-time decay: lr / (1 + rate * p), p = x / D (or floor(x / D) with staircase), x = s - o.
import { at, fill, runLength } from "./buffer";

export function inverseTime(out: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, rate: f64, staircase: bool): void {
  if (staircase) {
    let i = 0;
    while (i < n) {
      const s = s0 + <f64>i;
      const q = Math.floor((s - o) / d);
      const len = runLength(s, o, d, q, n - i);
      fill(at(out, i), len, lr / (1.0 + rate * q));
      i += len;
    }
    return;
  }
  // A SIMD divide per two steps is cheaper than any interpolant with an error check.
  const vlr = f64x2.splat(lr);
  const one = f64x2.splat(1.0);
  const vk = f64x2.splat(rate / d);
  const vo = f64x2.splat(o);
  const two = f64x2.splat(2.0);
  let s = f64x2(s0, s0 + 1.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    v128.store(at(out, i), f64x2.div(vlr, f64x2.add(one, f64x2.mul(vk, f64x2.sub(s, vo)))));
    s = f64x2.add(s, two);
  }
  if (i < n) store<f64>(at(out, i), lr / (1.0 + (rate / d) * ((s0 + <f64>i) - o)));
}
