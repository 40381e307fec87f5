// k-decay's c3 + c0 (1 + cos(pi (x / c1)^c2)), a shape with no cheap closed-form expansion: its
// blocks (blocks.ts) take a cubic interpolant instead of a Taylor polynomial. The cubic goes
// through four exact values at offsets 0, h, 2h, 3h of the block (h = (size - 1) / 3) and is
// accepted only if it matches the exact value to 1e-10 relative at the three midpoints between
// the nodes; blocks whose quarters fail too (where the formula leaves its domain) are written
// from exact values, kDecayExact.
import { put, put4 } from "./output";
import { vcos, vpow } from "./vmath";

const TOL: f64 = 1e-10;

/** c3 + c0 (1 + cos(pi (s / c1)^c2)) per lane. */
@inline function pair(s: v128, c0: f64, c1: f64, c2: f64, c3: f64): v128 {
  const x = f64x2.div(s, f64x2.splat(c1));
  const c = vcos(f64x2.mul(f64x2.splat(Math.PI), vpow(x, c2)));
  return f64x2.add(f64x2.splat(c3), f64x2.mul(f64x2.splat(c0), f64x2.add(f64x2.splat(1.0), c)));
}

/** pair() as a call: the interpolant's few node evaluations need no inlined copy of it. */
function nodePair(s: v128, c0: f64, c1: f64, c2: f64, c3: f64): v128 {
  return pair(s, c0, c1, c2, c3);
}

@inline function one(s: f64, c0: f64, c1: f64, c2: f64, c3: f64): f64 {
  return f64x2.extract_lane(pair(f64x2.splat(s), c0, c1, c2, c3), 0);
}

/**
 * Exact values at local steps (s0 + i) - o, two lanes at a time; four independent pairs per
 * iteration let the engine overlap their exp/log chains.
 */
export function kDecayExact(out: usize, f32: bool, n: i32, s0: f64, o: f64, c0: f64, c1: f64, c2: f64, c3: f64): void {
  let x = f64x2.sub(f64x2(s0, s0 + 1.0), f64x2.splat(o));
  const two = f64x2.splat(2.0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const x1 = f64x2.add(x, two);
    const x2 = f64x2.add(x1, two);
    const x3 = f64x2.add(x2, two);
    put4(out, i, f32, pair(x, c0, c1, c2, c3), pair(x1, c0, c1, c2, c3));
    put4(out, i + 4, f32, pair(x2, c0, c1, c2, c3), pair(x3, c0, c1, c2, c3));
    x = f64x2.add(x3, two);
  }
  for (; i < n; i++) put(out, i, f32, one((s0 + <f64>i) - o, c0, c1, c2, c3));
}

/** The accepted interpolant, about the block's centre in steps: cubic0 + t (cubic1 + t (cubic2 + t cubic3)). */
export let cubic0: f64 = 0, cubic1: f64 = 0, cubic2: f64 = 0, cubic3: f64 = 0;

/** Whether the cubic at u matches the exact value `want` (NaN, outside the domain, never does). */
@inline function close(a0: f64, a1: f64, a2: f64, a3: f64, u: f64, want: f64, floor: f64): bool {
  const got = a0 + u * (a1 + u * (a2 + u * a3));
  return Math.abs(got - want) <= TOL * Math.max(Math.abs(want), floor);
}

/**
 * Fits the interpolant on the `size`-step block starting at local step b; true (with cubic0..3
 * set) when it passes the check, `scale` being the shape's peak.
 */
export function kDecayCubic(b: f64, size: i32, c0: f64, c1: f64, c2: f64, c3: f64, scale: f64): bool {
  const h = <f64>(size - 1) / 3.0;
  // nodes and midpoints, two per call: (0, h), (2h, 3h), (h/2, 3h/2), (5h/2, -)
  const n01 = nodePair(f64x2(b, b + h), c0, c1, c2, c3);
  const n23 = nodePair(f64x2(b + 2.0 * h, b + 3.0 * h), c0, c1, c2, c3);
  const m01 = nodePair(f64x2(b + 0.5 * h, b + 1.5 * h), c0, c1, c2, c3);
  const m2 = f64x2.extract_lane(nodePair(f64x2.splat(b + 2.5 * h), c0, c1, c2, c3), 0);
  const y0 = f64x2.extract_lane(n01, 0);
  const y1 = f64x2.extract_lane(n01, 1);
  const y2 = f64x2.extract_lane(n23, 0);
  const y3 = f64x2.extract_lane(n23, 1);
  // Newton forward differences -> power basis in u = t / h
  const d1 = y1 - y0;
  const d2 = y2 - 2.0 * y1 + y0;
  const d3 = y3 - 3.0 * y2 + 3.0 * y1 - y0;
  const a0 = y0;
  const a1 = d1 - d2 / 2.0 + d3 / 3.0;
  const a2 = d2 / 2.0 - d3 / 2.0;
  const a3 = d3 / 6.0;
  const floor = 1e-6 * scale;
  if (!(close(a0, a1, a2, a3, 0.5, f64x2.extract_lane(m01, 0), floor) &&
    close(a0, a1, a2, a3, 1.5, f64x2.extract_lane(m01, 1), floor) &&
    close(a0, a1, a2, a3, 2.5, m2, floor))) return false;
  // the same cubic about the block's centre, in steps
  const u = <f64>(size >> 1) / h;
  cubic0 = a0 + u * (a1 + u * (a2 + u * a3));
  cubic1 = (a1 + u * (2.0 * a2 + u * 3.0 * a3)) / h;
  cubic2 = (a2 + u * 3.0 * a3) / (h * h);
  cubic3 = a3 / (h * h * h);
  return true;
}
