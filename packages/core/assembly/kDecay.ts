// k-decay cosine (timm's `k_decay`): the cosine's phase runs as (x / D)^k instead of x / D,
//   minLr + (lr - minLr) * (1 + cos(pi * (min(x, D) / D)^k)) / 2,  x = s - o
// k > 1 keeps the rate high for longer; k = 1 is plain cosine decay.
import { at, fill, firstAtOrAbove } from "./buffer";
import { Smooth, smooth } from "./smooth";

export function kDecay(out: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, k: f64, minLr: f64): void {
  const m = firstAtOrAbove(s0, o, d, n); // steps before D
  if (m > 0) smooth(out, m, s0, o, Smooth.KDecay, 0.5 * (lr - minLr), d, k, minLr, lr);
  if (m < n) fill(at(out, m), n - m, minLr);
}
