// k-decay cosine (timm's `k_decay`): the cosine's phase runs as (s / D)^k instead of s / D,
//   minLr + (lr - minLr) * (1 + cos(pi * (min(s, D) / D)^k)) / 2
// k > 1 keeps the rate high for longer; k = 1 is plain cosine decay.
import { at, fill } from "./buffer";
import { vcos, vpow } from "./vmath";

export function kDecay(out: usize, n: i32, s0: f64, lr: f64, d: f64, k: f64, minLr: f64): void {
  const half = f64x2.splat(0.5 * (lr - minLr));
  const vmin = f64x2.splat(minLr);
  const one = f64x2.splat(1.0);
  const vd = f64x2.splat(d);
  const m = <i32>Math.min(<f64>n, Math.max(0.0, Math.ceil(d - s0))); // steps before D
  for (let i = 0; i < m; i += 2) {
    const s = f64x2(s0 + <f64>i, s0 + <f64>(i + 1));
    const phase = f64x2.mul(f64x2.splat(Math.PI), vpow(f64x2.div(s, vd), k));
    const v = f64x2.add(vmin, f64x2.mul(half, f64x2.add(one, vcos(phase))));
    if (i + 2 <= m) v128.store(at(out, i), v);
    else store<f64>(at(out, i), f64x2.extract_lane(v, 0));
  }
  if (m < n) fill(at(out, m), n - m, minLr);
}
