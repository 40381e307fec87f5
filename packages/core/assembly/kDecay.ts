// k-decay cosine (timm's `k_decay`): the cosine's phase runs as (s / D)^k instead of s / D,
//   minLr + (lr - minLr) * (1 + cos(pi * (min(s, D) / D)^k)) / 2
// k > 1 keeps the rate high for longer; k = 1 is plain cosine decay.
import { at, fill } from "./buffer";

export function kDecay(out: usize, n: i32, s0: f64, lr: f64, d: f64, k: f64, minLr: f64): void {
  const half = 0.5 * (lr - minLr);
  let i = 0;
  for (; i < n && s0 + <f64>i < d; i++) {
    const p = Math.pow((s0 + <f64>i) / d, k);
    store<f64>(at(out, i), minLr + half * (1.0 + Math.cos(Math.PI * p)));
  }
  if (i < n) fill(at(out, i), n - i, minLr);
}
