// Polynomial decay (Keras): (lr - end) * (1 - p)^power + end with p = min(x, D) / D, or with
// `cycle`, p = x / (D * ceil(x / D)) (the multiplier is 1 at x = 0); x = s - o.
import { affine, ceilRunLength, firstAtOrAbove } from "./buffer";
import { fillOut, put, slot } from "./output";
import { Shape, blocks } from "./blocks";
import { raise, raiseTail } from "./floor";

/** The decay's floor pass: over its end when it falls to `end`, all of it when it rises (end > lr). */
function floorOf(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, d: f64, end: f64, power: f64): void {
  if (end <= lr) raiseTail(out, f32, n, s0, o, lr, end, d, power);
  else raise(out, f32, n, lr);
}

function decayRun(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, d: f64, end: f64, power: f64): void {
  if (power == 1.0) {
    affine(out, f32, n, s0, o, lr, -(lr - end) / d);
    floorOf(out, f32, n, s0, o, lr, d, end, power);
    return;
  }
  // power blocks: one pow per block, exact values near x = D where the cubic does not fit
  blocks(out, f32, n, s0, o, Shape.Power, lr - end, -d, power, 1.0, end, 1e-6 * Math.max(Math.abs(lr), Math.abs(end)));
  floorOf(out, f32, n, s0, o, lr, d, end, power);
}

export function polynomial(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, d: f64, end: f64, power: f64, cycle: bool): void {
  if (!cycle) {
    const m = firstAtOrAbove(s0, o, d, n); // steps before D
    if (m > 0) decayRun(out, f32, m, s0, o, lr, d, end, power);
    if (m < n) fillOut(slot(out, m, f32), f32, n - m, end);
    return;
  }
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const x = s - o;
    if (x == 0.0) {
      put(out, i, f32, lr); // ceil(0 / D) is replaced by 1: step 0 starts the first cycle
      i++;
      continue;
    }
    // cycle q covers ((q - 1) D, q D]
    const q = Math.ceil(x / d);
    const len = ceilRunLength(s, o, d, q, n - i);
    decayRun(slot(out, i, f32), f32, len, s, o, lr, d * q, end, power);
    i += len;
  }
}
