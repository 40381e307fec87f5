// k-decay's cos(pi (s/D)^k), a shape with no cheap local expansion, evaluated as exact anchors
// plus a cubic interpolant per block (powers, whose expansion is cheap, are blocks.ts's).
//
// The cubic goes through four exact values at offsets 0, h, 2h, 3h (h = (size - 1) / 3) and is
// accepted only if it matches the exact value to 1e-10 relative at the three midpoints between
// the nodes. Blocks are tried at BLOCK steps first, where the shape is gentle, then as SUB-step
// quarters, and only where a quarter fails too (near a singularity such as x^0.5 at 0, or where
// the formula leaves its domain) evaluated exactly. Blocks sit at fixed multiples of BLOCK in
// s - floor(o), so values never depend on where a chunk starts.
import { at } from "./buffer";
import { blockSkip } from "./anchor";
import { cubicBlock } from "./cubicBlock";
import { put, put4, slot } from "./output";
import { vcos, vpow } from "./vmath";

const BLOCK = 2048;
const SUB = 512;
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
function exact(out: usize, f32: bool, n: i32, s0: f64, o: f64, c0: f64, c1: f64, c2: f64, c3: f64): void {
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

/**
 * Fills block offsets [from, to) of the `size`-step block starting at local step b (`p`
 * addresses offset 0) from the cubic interpolant; returns false, writing nothing, when the
 * interpolant is not accurate enough.
 */
function interpolate(
  p: usize, f32: bool, from: i32, to: i32, b: f64, size: i32, c0: f64, c1: f64, c2: f64, c3: f64, scale: f64,
): bool {
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
  if (f32) {
    // the same cubic about the block's centre, in steps: f32 lanes where they keep the contract
    const half = size >> 1;
    const u = <f64>half / h;
    const y0 = a0 + u * (a1 + u * (a2 + u * a3));
    const c1 = (a1 + u * (2.0 * a2 + u * 3.0 * a3)) / h;
    const c2 = (a2 + u * 3.0 * a3) / (h * h);
    const c3 = a3 / (h * h * h);
    return cubicBlock(p, true, from, to, half, y0, c1, c2, c3, TOL * (Math.abs(y0) + Math.abs(c1) * <f64>half), floor);
  }
  const inv = f64x2.splat(1.0 / h);
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
    const u = <f64>k * (1.0 / h);
    store<f64>(at(p, k), a0 + u * (a1 + u * (a2 + u * a3)));
  }
  return true;
}

/** Whether the cubic at u matches the exact value `want` (NaN, outside the domain, never does). */
@inline function close(a0: f64, a1: f64, a2: f64, a3: f64, u: f64, want: f64, floor: f64): bool {
  const got = a0 + u * (a1 + u * (a2 + u * a3));
  return Math.abs(got - want) <= TOL * Math.max(Math.abs(want), floor);
}

/**
 * Offsets [from, to) of the block of `size` steps at local step b, position pos0 (`p`
 * addresses offset 0): one interpolant, else quarters of SUB steps, else exact values.
 */
function block(
  p: usize, f32: bool, from: i32, to: i32, b: f64, pos0: f64, o: f64, size: i32,
  c0: f64, c1: f64, c2: f64, c3: f64, scale: f64,
): void {
  if (interpolate(p, f32, from, to, b, size, c0, c1, c2, c3, scale)) return;
  if (size == SUB) {
    exact(slot(p, from, f32), f32, to - from, pos0 + <f64>from, o, c0, c1, c2, c3);
    return;
  }
  for (let q = from / SUB; q * SUB < to; q++) {
    const first = q * SUB;
    block(slot(p, first, f32), f32, max(from, first) - first, min(to, first + SUB) - first, b + <f64>first, pos0 + <f64>first, o, SUB,
      c0, c1, c2, c3, scale);
  }
}

/** Values of a smooth shape at local steps (s0 + i) - o; `scale` is the shape's peak. */
export function smooth(out: usize, f32: bool, n: i32, s0: f64, o: f64, c0: f64, c1: f64, c2: f64, c3: f64, scale: f64): void {
  const base = Math.floor(o);
  const frac = o - base;
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const g = s - base; // grid position: an exact integer
    const skip = blockSkip(g, BLOCK);
    const end = min(BLOCK, skip + (n - i));
    const b = (g - <f64>skip) - frac; // local step of block offset 0
    const p = out + (<usize>(i - skip) << (f32 ? 2 : 3));
    block(p, f32, skip, end, b, s - <f64>skip, o, BLOCK, c0, c1, c2, c3, scale);
    i += end - skip;
  }
}
