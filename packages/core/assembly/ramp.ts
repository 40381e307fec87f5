// A ramp from `from` to `to` over `steps` steps (warm-up, one-cycle phases), x = s - o:
//   linear:      from + (to - from) * p
//   cosine:      to + (from - to) * (1 + cos(pi * p)) / 2
//   exponential: from * (to / from)^p
//   sqrt:        from + (to - from) * sqrt(p)
// with p = x / steps. Ramps are used inside joins, which only ask for x in [0, steps].
import { RampShape } from "./opcodes";
import { affine, firstAbove } from "./buffer";
import { Shape, blocks } from "./blocks";
import { cosWave } from "./wave";
import { geometric } from "./geometric";
import { put } from "./output";
import { raise, raiseHead, raiseTail, raiseWave } from "./floor";

export function ramp(out: usize, f32: bool, n: i32, s0: f64, o: f64, from: f64, to: f64, steps: f64, shape: i32): void {
  if (shape == RampShape.Cosine) {
    const b = 0.5 * (from - to);
    cosWave(out, f32, n, s0, o, to + b, b, Math.PI / steps, 0.0, 2.0 * steps);
    raiseWave(out, f32, n, s0, o, to + b, b, Math.PI / steps, 0.0, Math.min(from, to));
  } else if (shape == RampShape.Exponential) {
    // ln(to / from), also when the quotient overflows; a ratio beyond e^700 (from 5e-324 to 0.1)
    // would overflow from * exp(p ln r) before it comes back into range, and the recurrence's
    // anchors would underflow: such a ramp (a short one) is written exactly from its far end
    const r = to / from;
    const ln = r > 0.0 && r < Infinity ? Math.log(r) : Math.log(to) - Math.log(from);
    if (ln > 700.0) {
      const k = ln / steps;
      for (let i = 0; i < n; i++) put(out, i, f32, to * Math.exp(k * (((s0 + <f64>i) - o) - steps)));
    } else {
      geometric(out, f32, n, s0, o, from, ln / steps);
    }
  } else if (shape == RampShape.Sqrt && f32) {
    blocks(out, true, n, s0, o, Shape.Power, to - from, steps, 0.5, 0.0, from, 1e-6 * Math.max(Math.abs(from), Math.abs(to)));
    raise(out, true, n, Math.min(from, to));
  } else if (shape == RampShape.Sqrt) {
    const vf = f64x2.splat(from);
    const vd = f64x2.splat(to - from);
    const vk = f64x2.splat(1.0 / steps);
    const vo = f64x2.splat(o);
    const two = f64x2.splat(2.0);
    let s = f64x2(s0, s0 + 1.0);
    let i = 0;
    for (; i + 2 <= n; i += 2) {
      v128.store(out + (<usize>i << 3), f64x2.add(vf, f64x2.mul(vd, f64x2.sqrt(f64x2.mul(f64x2.sub(s, vo), vk)))));
      s = f64x2.add(s, two);
    }
    if (i < n) store<f64>(out + (<usize>i << 3), from + (to - from) * Math.sqrt(((s0 + <f64>i) - o) * (1.0 / steps)));
  } else {
    // near the end of a long ramp, from + slope * x cancels: a few ulps of `from` below `to`.
    // Steps past the ramp's end (one-cycle's final step) extrapolate, as PyTorch does, and keep
    // what the line gives there.
    affine(out, f32, n, s0, o, from, (to - from) / steps);
    if (to < from) raiseTail(out, f32, firstAbove(s0, o, steps, n), s0, o, from, to, steps, 1.0);
    else raiseHead(out, f32, firstAbove(s0, o, steps, n), s0, o, from, to, steps);
  }
}
