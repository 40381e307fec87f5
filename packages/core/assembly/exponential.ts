// Exponential decay: lr * exp(k * p), p = x / D (or floor(x / D) with staircase), x = s - o.
// Keras's ExponentialDecay uses k = ln(decayRate); natural-exp decay uses k = -decayRate.
import { runLength } from "./buffer";
import { fillOut, slot } from "./output";
import { geometric } from "./geometric";

export function exponential(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, d: f64, k: f64, staircase: bool): void {
  if (!staircase) {
    geometric(out, f32, n, s0, o, lr, k / d);
    return;
  }
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const q = Math.floor((s - o) / d);
    const len = runLength(s, o, d, q, n - i);
    fillOut(slot(out, i, f32), f32, len, lr * Math.exp(k * q));
    i += len;
  }
}
