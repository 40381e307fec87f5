// out[i] = a + b * cos(w * (s0 + i) + phi), the workhorse of every cosine-shaped schedule.
//
// Calling Math.cos per step costs ~20 ns; instead the angle is advanced by rotation
// (angle-addition), two independent SIMD chains of two lanes each, and re-anchored from the
// exact cos/sin every ANCHOR steps so rounding error cannot accumulate (< 1e-13 relative).
import { at } from "./buffer";

const ANCHOR = 512;

export function cosWave(out: usize, n: i32, s0: f64, a: f64, b: f64, w: f64, phi: f64): void {
  const c1 = Math.cos(w), s1 = Math.sin(w);
  const c2 = Math.cos(2.0 * w), s2 = Math.sin(2.0 * w);
  const c3 = Math.cos(3.0 * w), s3 = Math.sin(3.0 * w);
  const vc4 = f64x2.splat(Math.cos(4.0 * w));
  const vs4 = f64x2.splat(Math.sin(4.0 * w));
  const va = f64x2.splat(a);
  const vb = f64x2.splat(b);
  for (let base = 0; base < n; base += ANCHOR) {
    const m = min(ANCHOR, n - base);
    const theta = w * (s0 + <f64>base) + phi;
    const c0 = Math.cos(theta), z0 = Math.sin(theta);
    // lanes hold the angles theta + {0,1} w and theta + {2,3} w
    let cA = f64x2(c0, c0 * c1 - z0 * s1);
    let sA = f64x2(z0, z0 * c1 + c0 * s1);
    let cB = f64x2(c0 * c2 - z0 * s2, c0 * c3 - z0 * s3);
    let sB = f64x2(z0 * c2 + c0 * s2, z0 * c3 + c0 * s3);
    const p = out + (<usize>base << 3);
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      v128.store(at(p, i), f64x2.add(va, f64x2.mul(vb, cA)));
      v128.store(at(p, i), f64x2.add(va, f64x2.mul(vb, cB)), 16);
      const nA = f64x2.sub(f64x2.mul(cA, vc4), f64x2.mul(sA, vs4));
      sA = f64x2.add(f64x2.mul(sA, vc4), f64x2.mul(cA, vs4));
      cA = nA;
      const nB = f64x2.sub(f64x2.mul(cB, vc4), f64x2.mul(sB, vs4));
      sB = f64x2.add(f64x2.mul(sB, vc4), f64x2.mul(cB, vs4));
      cB = nB;
    }
    for (; i < m; i++) {
      store<f64>(at(p, i), a + b * Math.cos(w * (s0 + <f64>(base + i)) + phi));
    }
  }
}

/** out[i] *= cos(w * (s0 + i) + phi) * b + a; used to modulate an existing curve. */
export function mulCosWave(out: usize, tmp: usize, n: i32, s0: f64, a: f64, b: f64, w: f64, phi: f64): void {
  cosWave(tmp, n, s0, a, b, w, phi);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    v128.store(at(out, i), f64x2.mul(v128.load(at(out, i)), v128.load(at(tmp, i))));
  }
  if (i < n) store<f64>(at(out, i), load<f64>(at(out, i)) * load<f64>(at(tmp, i)));
}
