// Polynomial decay (Keras): (lr - end) * (1 - p)^power + end with p = min(s, D) / D, or with
// `cycle`, p = s / (D * ceil(s / D)) (the multiplier is 1 at step 0).
import { at, affine, ceilRunLength, fill } from "./buffer";

function decayRun(out: usize, n: i32, s0: f64, lr: f64, d: f64, end: f64, power: f64): void {
  if (power == 1.0) {
    affine(out, n, s0, lr, -(lr - end) / d);
    return;
  }
  const span = lr - end;
  for (let i = 0; i < n; i++) {
    store<f64>(at(out, i), span * Math.pow(1.0 - (s0 + <f64>i) / d, power) + end);
  }
}

export function polynomial(out: usize, n: i32, s0: f64, lr: f64, d: f64, end: f64, power: f64, cycle: bool): void {
  let i = 0;
  if (!cycle) {
    if (s0 < d) {
      const len = <i32>Math.min(<f64>n, Math.ceil(d - s0));
      decayRun(out, len, s0, lr, d, end, power);
      i = len;
    }
    if (i < n) fill(at(out, i), n - i, end);
    return;
  }
  if (s0 == 0.0 && n > 0) {
    store<f64>(out, lr); // ceil(0 / D) is replaced by 1, so step 0 is the start of the first cycle
    i = 1;
  }
  while (i < n) {
    const s = s0 + <f64>i;
    // cycle q covers ((q - 1) D, q D]
    const q = Math.ceil(s / d);
    const len = ceilRunLength(s, d, q, n - i);
    decayRun(at(out, i), len, s, lr, d * q, end, power);
    i += len;
  }
}
