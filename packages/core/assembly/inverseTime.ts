// Inverse-time decay: lr / (1 + rate * p), p = x / D (or floor(x / D) with staircase), x = s - o.
import { runLength } from "./buffer";
import { Shape, blocks } from "./blocks";
import { fillOut, put, put2, slot } from "./output";

export function inverseTime(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, d: f64, rate: f64, staircase: bool): void {
  if (staircase) {
    let i = 0;
    while (i < n) {
      const s = s0 + <f64>i;
      const q = Math.floor((s - o) / d);
      const len = runLength(s, o, d, q, n - i);
      fillOut(slot(out, i, f32), f32, len, lr / (1.0 + rate * q));
      i += len;
    }
    return;
  }
  // f32: power blocks (lr (1 + k x)^-1); f64: a SIMD divide per two steps, exact to rounding
  if (f32) {
    blocks(out, true, n, s0, o, Shape.Power, lr, d / rate, -1.0, 1.0, 0.0, 0.0);
    return;
  }
  const vlr = f64x2.splat(lr);
  const one = f64x2.splat(1.0);
  const vk = f64x2.splat(rate / d);
  const vo = f64x2.splat(o);
  const two = f64x2.splat(2.0);
  let s = f64x2(s0, s0 + 1.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    put2(out, i, f32, f64x2.div(vlr, f64x2.add(one, f64x2.mul(vk, f64x2.sub(s, vo)))));
    s = f64x2.add(s, two);
  }
  if (i < n) put(out, i, f32, lr / (1.0 + (rate / d) * ((s0 + <f64>i) - o)));
}
