// Smooth shapes with no cheap recurrence — powers (1 - s/D)^p and k-decay's cos(pi (s/D)^k) —
// evaluated as exact anchors plus a cubic interpolant per block of BLOCK steps.
//
// The cubic goes through four exact values at offsets 0, h, 2h, 3h (h = (BLOCK - 1) / 3) and is
// accepted only if it matches the exact value to 1e-10 relative at three points between the
// nodes; otherwise (near a singularity such as x^0.5 at 0, or where the formula leaves its
// domain) the block is evaluated exactly, two lanes at a time. Blocks sit at fixed multiples of
// BLOCK in s - floor(o), so values never depend on where a chunk starts.
import { at } from "./buffer";
import { blockSkip } from "./anchor";
import { vcos, vpow } from "./vmath";

export const enum Smooth {
  /** c0 * max(0, 1 - s / c1)^c2 + c3 */
  Power = 0,
  /** c3 + c0 * (1 + cos(pi * (s / c1)^c2)) */
  KDecay = 1,
}

const BLOCK = 512;
const H: f64 = <f64>(BLOCK - 1) / 3.0;
const TOL: f64 = 1e-10;

@inline function pair(kind: i32, s: v128, c0: f64, c1: f64, c2: f64, c3: f64): v128 {
  const x = f64x2.div(s, f64x2.splat(c1));
  if (kind == Smooth.Power) {
    // the base is clamped at 0: rounding of a cycle's end must not make it negative
    const base = f64x2.max(f64x2.sub(f64x2.splat(1.0), x), f64x2.splat(0.0));
    return f64x2.add(f64x2.mul(f64x2.splat(c0), vpow(base, c2)), f64x2.splat(c3));
  }
  const c = vcos(f64x2.mul(f64x2.splat(Math.PI), vpow(x, c2)));
  return f64x2.add(f64x2.splat(c3), f64x2.mul(f64x2.splat(c0), f64x2.add(f64x2.splat(1.0), c)));
}

@inline function one(kind: i32, s: f64, c0: f64, c1: f64, c2: f64, c3: f64): f64 {
  return f64x2.extract_lane(pair(kind, f64x2.splat(s), c0, c1, c2, c3), 0);
}

/** Exact values at local steps (s0 + i) - o, two lanes at a time (four per iteration). */
function exact(out: usize, n: i32, s0: f64, o: f64, kind: i32, c0: f64, c1: f64, c2: f64, c3: f64): void {
  const vo = f64x2.splat(o);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = pair(kind, f64x2.sub(f64x2(s0 + <f64>i, s0 + <f64>(i + 1)), vo), c0, c1, c2, c3);
    const b = pair(kind, f64x2.sub(f64x2(s0 + <f64>(i + 2), s0 + <f64>(i + 3)), vo), c0, c1, c2, c3);
    v128.store(at(out, i), a);
    v128.store(at(out, i), b, 16);
  }
  for (; i < n; i++) store<f64>(at(out, i), one(kind, (s0 + <f64>i) - o, c0, c1, c2, c3));
}

/**
 * Fills block offsets [from, to) of the block starting at local step b (`p` addresses offset 0)
 * from the cubic interpolant; returns false, writing nothing, when the interpolant is not
 * accurate enough.
 */
function interpolate(
  p: usize, from: i32, to: i32, b: f64, kind: i32, c0: f64, c1: f64, c2: f64, c3: f64, scale: f64,
): bool {
  const y0 = one(kind, b, c0, c1, c2, c3);
  const y1 = one(kind, b + H, c0, c1, c2, c3);
  const y2 = one(kind, b + 2.0 * H, c0, c1, c2, c3);
  const y3 = one(kind, b + 3.0 * H, c0, c1, c2, c3);
  // Newton forward differences -> power basis in u = t / H
  const d1 = y1 - y0;
  const d2 = y2 - 2.0 * y1 + y0;
  const d3 = y3 - 3.0 * y2 + 3.0 * y1 - y0;
  const a0 = y0;
  const a1 = d1 - d2 / 2.0 + d3 / 3.0;
  const a2 = d2 / 2.0 - d3 / 2.0;
  const a3 = d3 / 6.0;
  const floor = 1e-6 * scale;
  for (let k = 0; k < 3; k++) {
    const u = <f64>k + 0.5;
    const want = one(kind, b + u * H, c0, c1, c2, c3);
    const got = a0 + u * (a1 + u * (a2 + u * a3));
    // written so that NaN (a node outside the formula's domain) rejects the block
    if (!(Math.abs(got - want) <= TOL * Math.max(Math.abs(want), floor))) return false;
  }
  const inv = f64x2.splat(1.0 / H);
  const va0 = f64x2.splat(a0), va1 = f64x2.splat(a1), va2 = f64x2.splat(a2), va3 = f64x2.splat(a3);
  const two = f64x2.splat(2.0);
  let t = f64x2(<f64>from, <f64>(from + 1));
  let k = from;
  for (; k + 2 <= to; k += 2) {
    const u = f64x2.mul(t, inv);
    v128.store(at(p, k), f64x2.add(va0, f64x2.mul(u, f64x2.add(va1, f64x2.mul(u, f64x2.add(va2, f64x2.mul(u, va3)))))));
    t = f64x2.add(t, two);
  }
  if (k < to) {
    const u = <f64>k * (1.0 / H);
    store<f64>(at(p, k), a0 + u * (a1 + u * (a2 + u * a3)));
  }
  return true;
}

/** Values of a smooth shape at local steps (s0 + i) - o; `scale` is the shape's peak. */
export function smooth(out: usize, n: i32, s0: f64, o: f64, kind: i32, c0: f64, c1: f64, c2: f64, c3: f64, scale: f64): void {
  const base = Math.floor(o);
  const frac = o - base;
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const g = s - base; // grid position: an exact integer
    const skip = blockSkip(g, BLOCK);
    const end = min(BLOCK, skip + (n - i));
    const b = (g - <f64>skip) - frac; // local step of block offset 0
    const p = out + (<usize>(i - skip) << 3);
    if (!interpolate(p, skip, end, b, kind, c0, c1, c2, c3, scale)) {
      exact(at(p, skip), end - skip, s, o, kind, c0, c1, c2, c3);
    }
    i += end - skip;
  }
}
