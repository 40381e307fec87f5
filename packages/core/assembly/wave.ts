// out[i] = a + b * cos(w * x + phi) with x = s - o, the workhorse of every cosine-shaped schedule.
//
// Calling Math.cos per step costs ~20 ns; instead the angle is advanced by rotation
// (angle-addition) in two independent SIMD chains of two lanes, re-anchored from the exact
// cos/sin every ANCHOR steps so rounding cannot accumulate (< 1e-13 of the amplitude).
// Anchors sit at fixed grid positions (multiples of ANCHOR in s - floor(o)), so a value does not
// depend on where a chunk starts: any chunking reproduces the whole curve bit for bit, and a
// piece of a join (integer origin) has exactly the values it has on its own.
import { ANCHOR, blockSkip } from "./anchor";
import { Shape, blocks } from "./blocks";
import { store1, store4 } from "./output";

/**
 * The wave into an f32 (`f32`) or f64 output, as cubic blocks (blocks.ts: four f32 lanes or two
 * f64 lanes), falling back to the rotation below where a block's cubic is not accurate enough
 * for the output's type. `period` (local steps per cycle of cos(w x), 0 if none) lets anchors
 * reduce x exactly before multiplying by w, so the phase stays exact far beyond the first cycles.
 */
export function cosWave(out: usize, f32: bool, n: i32, s0: f64, o: f64, a: f64, b: f64, w: f64, phi: f64, period: f64): void {
  blocks(out, f32, n, s0, o, Shape.Wave, a, b, w, phi, period, 1e-6 * (Math.abs(a) + Math.abs(b)));
}

/** The wave by rotation, exact to < 1e-13 of the amplitude, into an f32 or f64 output. */
export function rotation(out: usize, f32: bool, n: i32, s0: f64, o: f64, a: f64, b: f64, w: f64, phi: f64, period: f64): void {
  if (f32) rotate<f32>(out, n, s0, o, a, b, w, phi, period);
  else rotate<f64>(out, n, s0, o, a, b, w, phi, period);
}

function rotate<T>(out: usize, n: i32, s0: f64, o: f64, a: f64, b: f64, w: f64, phi: f64, period: f64): void {
  const c1 = Math.cos(w), s1 = Math.sin(w);
  const c2 = Math.cos(2.0 * w), s2 = Math.sin(2.0 * w);
  const c3 = Math.cos(3.0 * w), s3 = Math.sin(3.0 * w);
  const vc4 = f64x2.splat(Math.cos(4.0 * w));
  const vs4 = f64x2.splat(Math.sin(4.0 * w));
  const va = f64x2.splat(a);
  const vb = f64x2.splat(b);
  const base = Math.floor(o);
  const frac = o - base;
  let i = 0;
  while (i < n) {
    const g = (s0 + <f64>i) - base; // grid position: an exact integer
    const skip = blockSkip(g);
    const end = min(ANCHOR, skip + (n - i)); // block offsets [skip, end) are wanted
    let x = (g - <f64>skip) - frac;
    if (period > 0.0 && period < Infinity) x -= Math.floor(x / period) * period;
    const theta = w * x + phi;
    const c0 = Math.cos(theta), z0 = Math.sin(theta);
    // lanes hold block offsets {k, k+1} (A) and {k+2, k+3} (B)
    let cA = f64x2(c0, c0 * c1 - z0 * s1);
    let sA = f64x2(z0, z0 * c1 + c0 * s1);
    let cB = f64x2(c0 * c2 - z0 * s2, c0 * c3 - z0 * s3);
    let sB = f64x2(z0 * c2 + c0 * s2, z0 * c3 + c0 * s3);
    const p = out + (<usize>(i - skip) << alignof<T>()); // address of block offset 0
    let k = 0;
    while (k < end) {
      if (k >= skip && k + 4 <= end) {
        store4<T>(p, k, f64x2.add(va, f64x2.mul(vb, cA)), f64x2.add(va, f64x2.mul(vb, cB)));
      } else if (k + 4 > skip) {
        // a block edge inside this group of four: store only the wanted lanes
        const v0 = a + b * f64x2.extract_lane(cA, 0);
        const v1 = a + b * f64x2.extract_lane(cA, 1);
        const v2 = a + b * f64x2.extract_lane(cB, 0);
        const v3 = a + b * f64x2.extract_lane(cB, 1);
        if (k >= skip && k < end) store1<T>(p, k, v0);
        if (k + 1 >= skip && k + 1 < end) store1<T>(p, k + 1, v1);
        if (k + 2 >= skip && k + 2 < end) store1<T>(p, k + 2, v2);
        if (k + 3 >= skip && k + 3 < end) store1<T>(p, k + 3, v3);
      }
      const nA = f64x2.sub(f64x2.mul(cA, vc4), f64x2.mul(sA, vs4));
      sA = f64x2.add(f64x2.mul(sA, vc4), f64x2.mul(cA, vs4));
      cA = nA;
      const nB = f64x2.sub(f64x2.mul(cB, vc4), f64x2.mul(sB, vs4));
      sB = f64x2.add(f64x2.mul(sB, vc4), f64x2.mul(cB, vs4));
      cB = nB;
      k += 4;
    }
    i += end - skip;
  }
}
