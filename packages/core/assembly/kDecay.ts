// k-decay cosine (timm's `k_decay`): the cosine's phase runs as (x / D)^k instead of x / D,
//   minLr + (lr - minLr) * (1 + cos(pi * (min(x, D) / D)^k)) / 2,  x = s - o
// k > 1 keeps the rate high for longer; k = 1 is plain cosine decay. Blocks (blocks.ts) of the
// checked interpolants of smooth.ts.
import { firstAtOrAbove } from "./buffer";
import { Shape, blocks } from "./blocks";
import { fillOut, slot } from "./output";
import { raise } from "./floor";

export function kDecay(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, d: f64, k: f64, minLr: f64): void {
  const m = firstAtOrAbove(s0, o, d, n); // steps before D
  if (m > 0) {
    blocks(out, f32, m, s0, o, Shape.KDecay, 0.5 * (lr - minLr), d, k, minLr, lr, 1e-6 * lr);
    raise(out, f32, m, Math.min(lr, minLr));
  }
  if (m < n) fillOut(slot(out, m, f32), f32, n - m, minLr);
}
