// Inverse square-root decay (the Transformer schedule after warm-up), x = s - o:
//   lr / sqrt((x + shift) / timescale)
import { Shape, blocks } from "./blocks";
import { put, put2 } from "./output";

export function inverseSqrt(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, timescale: f64, shift: f64): void {
  if (f32) {
    // lr sqrt(timescale) (shift + x)^-1/2 as power blocks
    blocks(out, true, n, s0, o, Shape.Power, lr * Math.sqrt(timescale), 1.0, -0.5, shift, 0.0, 0.0);
    return;
  }
  const vlr = f64x2.splat(lr);
  const vk = f64x2.splat(1.0 / timescale);
  const vshift = f64x2.splat(shift);
  const vo = f64x2.splat(o);
  const two = f64x2.splat(2.0);
  let s = f64x2(s0, s0 + 1.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    put2(out, i, f32, f64x2.div(vlr, f64x2.sqrt(f64x2.mul(f64x2.add(f64x2.sub(s, vo), vshift), vk))));
    s = f64x2.add(s, two);
  }
  if (i < n) put(out, i, f32, lr / Math.sqrt((((s0 + <f64>i) - o) + shift) * (1.0 / timescale)));
}
