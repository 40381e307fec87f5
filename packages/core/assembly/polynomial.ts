// Polynomial decay (Keras): (lr - end) * (1 - p)^power + end with p = min(x, D) / D, or with
// `cycle`, p = x / (D * ceil(x / D)) (the multiplier is 1 at x = 0); x = s - o.
import { at, affine, ceilRunLength, fill, firstAtOrAbove } from "./buffer";
import { Smooth, smooth } from "./smooth";

function decayRun(out: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, end: f64, power: f64): void {
  if (power == 1.0) {
    affine(out, n, s0, o, lr, -(lr - end) / d);
    return;
  }
  smooth(out, n, s0, o, Smooth.Power, lr - end, d, power, end, Math.max(Math.abs(lr), Math.abs(end)));
}

export function polynomial(out: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, end: f64, power: f64, cycle: bool): void {
  if (!cycle) {
    const m = firstAtOrAbove(s0, o, d, n); // steps before D
    if (m > 0) decayRun(out, m, s0, o, lr, d, end, power);
    if (m < n) fill(at(out, m), n - m, end);
    return;
  }
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const x = s - o;
    if (x == 0.0) {
      store<f64>(at(out, i), lr); // ceil(0 / D) is replaced by 1: step 0 starts the first cycle
      i++;
      continue;
    }
    // cycle q covers ((q - 1) D, q D]
    const q = Math.ceil(x / d);
    const len = ceilRunLength(s, o, d, q, n - i);
    decayRun(at(out, i), len, s, o, lr, d * q, end, power);
    // a cycle's last step (x = qD) is `end` exactly; the ramp's rounding could land below it
    if ((s + <f64>(len - 1)) - o == d * q) store<f64>(at(out, i + len - 1), end);
    i += len;
  }
}
