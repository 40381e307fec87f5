// Cyclical learning rate (Smith 2015), PyTorch CyclicLR's closed form in the iteration s:
//   cycle = floor(1 + s / (up + down)),  x = 1 + s / (up + down) - cycle
//   scale = x <= r ? x / r : (x - 1) / (r - 1),   r = up / (up + down)
//   lr    = base + (max - base) * scale * f
// f = 1 (triangular), 1 / 2^(cycle - 1) (triangular2), gamma^s (exp_range).
// Within a half cycle the rate is affine in s, so each half cycle is one exact affine run;
// exp_range multiplies the triangle by the geometric factor gamma^s.
import { affine, firstAtOrAbove } from "./buffer";
import { slot } from "./output";
import { CyclicMode } from "./opcodes";
import { Shape, blocks } from "./blocks";

/**
 * One half cycle: `a + b x` over local steps x = s - origin. exp_range multiplies it by
 * gamma^(s - o) and adds the base rate, written as blocks of the product's cubic expansion
 * (blocks.ts) with x from the cycle's start (`origin` must be it), where gamma^x <= 1; the half
 * cycle covers xStart <= x < xEnd.
 */
function halfCycle(
  out: usize, f32: bool, tmp: usize, n: i32, s: f64, o: f64, origin: f64, a: f64, b: f64, exp: bool, baseLr: f64, k: f64,
  floor: f64, xStart: f64, xEnd: f64,
): void {
  if (!exp) {
    affine(out, f32, n, s, origin, a, b, floor);
    return;
  }
  const g = Math.exp(k * (origin - o)); // gamma^(s - o) = g e^(k x)
  blocks(out, f32, n, s, origin, Shape.AffineExp, baseLr, a * g, b * g, k, 0.0, floor, tmp, baseLr, xEnd, xStart);
}

export function cyclic(
  out: usize, f32: bool, tmp: usize, n: i32, s0: f64, o: f64, baseLr: f64, maxLr: f64, up: f64, down: f64, mode: i32, gamma: f64,
): void {
  const total = up + down;
  const height = maxLr - baseLr;
  const exp = mode == CyclicMode.ExpRange;
  const k = exp ? Math.log(gamma) : 0.0;
  // the rate stays in [baseLr, maxLr] (baseLr >= 0 from the options), and the first cycle reaches
  // maxLr: a lower bound of max(|rate|, 1e-6 x peak) for the blocks
  const floor = Math.max(baseLr >= 0.0 && maxLr >= baseLr ? baseLr : 0.0, 1e-6 * Math.max(Math.abs(baseLr), Math.abs(maxLr)));
  // exp_range: the triangle (height * scale) from 0, scaled and shifted by halfCycle
  const base = exp ? 0.0 : baseLr;
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const c = Math.floor((s - o) / total); // cycle - 1
    const origin = o + c * total; // where this cycle starts
    const f = mode == CyclicMode.Triangular2 ? 1.0 / Math.pow(2.0, c) : 1.0;
    const peak = i + max(0, firstAtOrAbove(s, origin, up, n - i)); // first step of the way down
    const next = i + max(1, firstAtOrAbove(s, origin, total, n - i)); // first step of the next cycle
    if (peak > i) halfCycle(slot(out, i, f32), f32, tmp, min(peak, next) - i, s, o, origin, base, height * f / up, exp, baseLr, k, floor, 0.0, up);
    // the way down, written from the cycle's end (base there): base + height * f * (total - x) / down
    // without forming height * f * total, which overflows for a height near Number.MAX_VALUE
    if (next > peak) {
      // exp_range from the cycle's start instead: its factor gamma^x must not be taken from the
      // cycle's end, where it can overflow (the triangle's start value stays near the height)
      if (exp) {
        halfCycle(slot(out, peak, f32), f32, tmp, next - peak, s0 + <f64>peak, o, origin, height * f * (total / down), -height * f / down, exp, baseLr, k, floor, up, total);
      } else {
        halfCycle(slot(out, peak, f32), f32, tmp, next - peak, s0 + <f64>peak, o, origin + total, base, -height * f / down, exp, baseLr, k, floor, -down, 0.0);
      }
    }
    i = next;
  }
}
