// Inverse-time decay: lr / (1 + rate * p), p = x / D (or floor(x / D) with staircase), x = s - o.
import { runLength } from "./buffer";
import { Shape, blocks } from "./blocks";
import { fillOut, slot } from "./output";

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
  // power blocks, lr (1 + x / (D / rate))^-1: cheaper than a divide per two steps
  blocks(out, f32, n, s0, o, Shape.Power, lr, d / rate, -1.0, 1.0, 0.0, 0.0);
}
