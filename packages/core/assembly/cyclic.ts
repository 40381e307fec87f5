// Cyclical learning rate (Smith 2015), exactly PyTorch CyclicLR's closed form in the iteration s:
//   cycle = floor(1 + s / (up + down)),  x = 1 + s / (up + down) - cycle
//   scale = x <= r ? x / r : (x - 1) / (r - 1),   r = up / (up + down)
//   lr    = base + (max - base) * scale * f
// f = 1 (triangular), 1 / 2^(cycle - 1) (triangular2), gamma^s (exp_range).
import { at } from "./buffer";
import { CyclicMode } from "./opcodes";

export function cyclic(
  out: usize, n: i32, s0: f64, baseLr: f64, maxLr: f64, up: f64, down: f64, mode: i32, gamma: f64,
): void {
  const total = up + down;
  const ratio = up / total;
  const height = maxLr - baseLr;
  for (let i = 0; i < n; i++) {
    const s = s0 + <f64>i;
    const cycle = Math.floor(1.0 + s / total);
    const x = 1.0 + s / total - cycle;
    const scale = x <= ratio ? x / ratio : (x - 1.0) / (ratio - 1.0);
    let f = 1.0;
    if (mode == CyclicMode.Triangular2) f = 1.0 / Math.pow(2.0, cycle - 1.0);
    else if (mode == CyclicMode.ExpRange) f = Math.pow(gamma, s);
    store<f64>(at(out, i), baseLr + height * scale * f);
  }
}
