// Polynomial decay (Keras): (lr - end) * (1 - p)^power + end with p = min(s, D) / D, or with
// `cycle`, p = s / (D * ceil(s / D)) (the multiplier is 1 at step 0).
import { at, affine, ceilRunLength, fill } from "./buffer";
import { vpow } from "./vmath";

function decayRun(out: usize, n: i32, s0: f64, lr: f64, d: f64, end: f64, power: f64): void {
  if (power == 1.0) {
    affine(out, n, s0, lr, -(lr - end) / d);
    return;
  }
  // lane-wise x^p = exp(p ln x); an odd last step uses lane 0 of the same pair arithmetic
  const span = f64x2.splat(lr - end);
  const vend = f64x2.splat(end);
  const one = f64x2.splat(1.0);
  const vd = f64x2.splat(d);
  for (let i = 0; i < n; i += 2) {
    const s = f64x2(s0 + <f64>i, s0 + <f64>(i + 1));
    const v = f64x2.add(f64x2.mul(span, vpow(f64x2.sub(one, f64x2.div(s, vd)), power)), vend);
    if (i + 2 <= n) v128.store(at(out, i), v);
    else store<f64>(at(out, i), f64x2.extract_lane(v, 0));
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
