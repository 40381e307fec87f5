// A ramp from `from` to `to` over `steps` steps (warm-up, one-cycle phases):
//   linear:      from + (to - from) * p
//   cosine:      to + (from - to) * (1 + cos(pi * p)) / 2
//   exponential: from * (to / from)^p
// with p = s / steps. Ramps are used inside joins, which only ask for s in [0, steps].
import { RampShape } from "./opcodes";
import { affine } from "./buffer";
import { cosWave } from "./wave";
import { geometric } from "./geometric";

export function ramp(out: usize, n: i32, s0: f64, from: f64, to: f64, steps: f64, shape: i32): void {
  if (shape == RampShape.Cosine) {
    const b = 0.5 * (from - to);
    cosWave(out, n, s0, to + b, b, Math.PI / steps, 0.0);
  } else if (shape == RampShape.Exponential) {
    geometric(out, n, s0, from, Math.log(to / from) / steps);
  } else {
    affine(out, n, s0, from, (to - from) / steps);
  }
}
