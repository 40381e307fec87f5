// f32 output of the shapes with a cheap local expansion — a + b cos(w x + phi), a e^(k x),
// a + b x — as cubic blocks (cubicBlock.ts) on a fixed grid: BLOCK-step blocks at multiples of
// BLOCK in s - floor(o), each tried whole, then as SUB-step quarters, and where a quarter's cubic
// is not accurate enough (a short period, a zero crossing) written exactly in f64 and narrowed.
// The cubic is the shape's Taylor expansion about the block's centre, whose remainder is known
// in closed form, so no extra evaluations are needed to check it. Blocks and the choice between
// their forms depend on the block's position alone, never on the chunk being computed.
import { blockSkip } from "./anchor";
import { cubicBlock } from "./cubicBlock";
import { line } from "./buffer";
import { recurrence } from "./geometric";
import { rotation } from "./wave";

export const enum Shape {
  /** p0 + p1 cos(p2 x + p3), p4 the period of the cosine in x (0 if none) */
  Wave = 0,
  /** p0 e^(p1 x) */
  Geometric = 1,
  /** p0 + p1 x */
  Affine = 2,
}

const BLOCK = 2048;
const SUB = 512;

// the expansion of the block being written: y0 + t (c1 + t (c2 + t c3)), |error| <= err
let y0: f64 = 0, c1: f64 = 0, c2: f64 = 0, c3: f64 = 0, err: f64 = 0;

/** Sets the expansion about local step xc for offsets |t| <= h. */
function expand(kind: i32, xc: f64, h: f64, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64): void {
  if (kind == Shape.Wave) {
    // reducing x by whole periods first keeps the phase exact far from the origin
    const x = p4 > 0.0 && p4 < Infinity ? xc - Math.floor(xc / p4) * p4 : xc;
    const theta = p2 * x + p3;
    const c = Math.cos(theta), s = Math.sin(theta);
    const bw = p1 * p2;
    y0 = p0 + p1 * c;
    c1 = -bw * s;
    c2 = -0.5 * bw * p2 * c;
    c3 = bw * p2 * p2 * s / 6.0;
    const wh = Math.abs(p2) * h;
    err = Math.abs(p1) * (wh * wh) * (wh * wh) / 24.0;
  } else if (kind == Shape.Geometric) {
    y0 = p0 * Math.exp(p1 * xc);
    c1 = y0 * p1;
    c2 = 0.5 * c1 * p1;
    c3 = c2 * p1 / 3.0;
    const kh = Math.abs(p1) * h;
    err = Math.abs(y0) * Math.exp(kh) * (kh * kh) * (kh * kh) / 24.0;
  } else {
    y0 = p0 + p1 * xc;
    c1 = p1;
    c2 = 0.0;
    c3 = 0.0;
    err = 0.0;
  }
}

/** The shape's exact values (f64 arithmetic, narrowed) at local steps (s0 + i) - o. */
function exact(kind: i32, out: usize, n: i32, s0: f64, o: f64, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64): void {
  if (kind == Shape.Wave) rotation(out, true, n, s0, o, p0, p1, p2, p3, p4);
  else if (kind == Shape.Geometric) recurrence(out, true, n, s0, o, p0, p1);
  else line(out, true, n, s0, o, p0, p1);
}

/** Offsets [from, to) of the `size`-step block whose offset 0 is local step x0 (`p` addresses it). */
function block(
  p: usize, from: i32, to: i32, x0: f64, pos0: f64, o: f64, size: i32,
  kind: i32, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64, floor: f64,
): void {
  const half = size >> 1;
  expand(kind, x0 + <f64>half, <f64>half, p0, p1, p2, p3, p4);
  if (cubicBlock(p, true, from, to, half, y0, c1, c2, c3, err, floor)) return;
  if (size == SUB) {
    exact(kind, p + (<usize>from << 2), to - from, pos0 + <f64>from, o, p0, p1, p2, p3, p4);
    return;
  }
  for (let q = from / SUB; q * SUB < to; q++) {
    const first = q * SUB;
    block(p + (<usize>first << 2), max(from, first) - first, min(to, first + SUB) - first, x0 + <f64>first, pos0 + <f64>first,
      o, SUB, kind, p0, p1, p2, p3, p4, floor);
  }
}

/** f32 values of the shape at local steps (s0 + i) - o, i < n; `floor` is 1e-6 x its peak (or 0). */
export function blocks(out: usize, n: i32, s0: f64, o: f64, kind: i32, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64, floor: f64): void {
  const base = Math.floor(o);
  const frac = o - base;
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const g = s - base; // grid position: an exact integer
    const skip = blockSkip(g, BLOCK);
    const end = min(BLOCK, skip + (n - i));
    const p = out + (<usize>(i - skip) << 2);
    block(p, skip, end, (g - <f64>skip) - frac, s - <f64>skip, o, BLOCK, kind, p0, p1, p2, p3, p4, floor);
    i += end - skip;
  }
}
