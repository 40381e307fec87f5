// Inverse square-root decay (the Transformer schedule after warm-up), x = s - o:
//   lr / sqrt((x + shift) / timescale) = lr sqrt(timescale) (shift + x)^-1/2
// as power blocks (blocks.ts): cheaper than a square root and a divide per two steps.
import { Shape, blocks } from "./blocks";

export function inverseSqrt(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, timescale: f64, shift: f64): void {
  blocks(out, f32, n, s0, o, Shape.Power, lr * Math.sqrt(timescale), 1.0, -0.5, shift, 0.0, 0.0);
}
