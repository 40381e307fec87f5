// Shapes with a cheap local expansion as cubic blocks (cubicBlock.ts) on a fixed grid:
// BLOCK-step blocks at multiples of BLOCK in s - floor(o), each tried whole, then as SUB-step
// quarters, and where a quarter's cubic is not accurate enough (a short period, a zero crossing,
// a singularity) written exactly in f64 arithmetic. The cubic is the shape's Taylor expansion
// about the block's centre, whose remainder is bounded in closed form, so checking it costs no
// extra evaluations: one exp, pow or cos/sin pair per block. Blocks and the choice between their
// forms depend on the block's position alone, never on the chunk being computed.
import { blockSkip } from "./anchor";
import { cubicBlock } from "./cubicBlock";
import { raise } from "./floor";
import { line } from "./buffer";
import { recurrence } from "./geometric";
import { rotation } from "./wave";
import { linearCosinePasses } from "./linearCosine";
import { CHUNK } from "./opcodes";
import { narrowOut, slot } from "./output";
import { powerExact } from "./power";
import { cubic0, cubic1, cubic2, cubic3, kDecayCubic, kDecayExact } from "./smooth";

export const enum Shape {
  /** p0 + p1 cos(p2 x + p3), p4 the period of the cosine in x (0 if none) */
  Wave = 0,
  /** p0 e^(p1 x) */
  Geometric = 1,
  /** p0 + p1 x */
  Affine = 2,
  /** p4 + p0 (p3 + x / p1)^p2 (the base clamped at 0; dividing keeps 1 - x / D exactly 0 at D) */
  Power = 3,
  /** linear cosine decay before its end: p0 ((p3 + 1 - x / p1) (1 + cos(2 pi p2 x / p1)) / 2 + p4) */
  LinearCosine = 4,
  /** p0 + (p1 + p2 x) e^(p3 x): a cyclic exp_range half cycle */
  AffineExp = 5,
  /** k-decay, p3 + p0 (1 + cos(pi (x / p1)^p2)), p4 its peak: checked interpolants (smooth.ts) */
  KDecay = 6,
}

/** Block sizes: each tried whole, then as four quarters, down to SUB. */
const BLOCK = 8192;
const SUB = 512;
/** Powers go on to quarters of SUB: near a singularity (a cycle's end) each level shrinks the exact run fourfold. */
const POWER_SUB = 128;
const LEVEL: usize = <usize>CHUNK << 3;

// the floor the caller's formula never goes below (-Infinity: none), applied as blocks are written
let lowest: f64 = -Infinity;
// where the caller's range of local steps ends (exclusive): a block checks its values up to there
let domainEnd: f64 = Infinity;
// and where it starts: f64 blocks restart their differences there (any fixed point will do)
let domainStart: f64 = -Infinity;

// the expansion of the block being written: y0 + t (c1 + t (c2 + t c3)), |error| <= err
let y0: f64 = 0, c1: f64 = 0, c2: f64 = 0, c3: f64 = 0, err: f64 = 0;

/** cos(w x + phi) about x with its first three derivatives over 1!, 2!, 3! (and |w|): into q0..q3. */
let q0: f64 = 0, q1: f64 = 0, q2: f64 = 0, q3: f64 = 0;
function cosTaylor(x: f64, w: f64, phi: f64, period: f64): void {
  // reducing x by whole periods first keeps the phase exact far from the origin
  const xr = period > 0.0 && period < Infinity ? x - Math.floor(x / period) * period : x;
  const theta = w * xr + phi;
  const c = Math.cos(theta), s = Math.sin(theta);
  q0 = c;
  q1 = -w * s;
  q2 = -0.5 * w * w * c;
  q3 = w * w * w * s / 6.0;
}

/** |remainder| of a cubic Taylor polynomial of e^(k t) (times 1) for |t| <= h. */
@inline function expRemainder(k: f64, h: f64): f64 {
  const kh = Math.abs(k) * h;
  return Math.exp(kh) * (kh * kh) * (kh * kh) / 24.0;
}

/** Sets the expansion about local step xc for offsets |t| <= h. */
function expand(kind: i32, xc: f64, h: f64, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64): void {
  if (kind == Shape.Wave) {
    cosTaylor(xc, p2, p3, p4);
    y0 = p0 + p1 * q0;
    c1 = p1 * q1;
    c2 = p1 * q2;
    c3 = p1 * q3;
    const wh = Math.abs(p2) * h;
    err = Math.abs(p1) * (wh * wh) * (wh * wh) / 24.0;
  } else if (kind == Shape.Geometric) {
    y0 = p0 * Math.exp(p1 * xc);
    c1 = y0 * p1;
    c2 = 0.5 * c1 * p1;
    c3 = c2 * p1 / 3.0;
    err = Math.abs(y0) * expRemainder(p1, h);
  } else if (kind == Shape.Affine) {
    y0 = p0 + p1 * xc;
    c1 = p1;
    c2 = 0.0;
    c3 = 0.0;
    err = 0.0;
  } else if (kind == Shape.Power) {
    // (q + t / p1)^p = q^p (1 + r t)^p, r = 1 / (p1 q): binomial series while |r| h < 1
    const q = p3 + xc / p1;
    const r = 1.0 / (p1 * q);
    const z = q > 0.0 ? Math.abs(r) * h : Infinity;
    const a = p0 * Math.pow(q, p2);
    y0 = p4 + a;
    c1 = a * p2 * r;
    c2 = c1 * (p2 - 1.0) * r / 2.0;
    c3 = c2 * (p2 - 2.0) * r / 3.0;
    const b4 = r == 0.0 ? 0.0 : Math.abs(c3 * (p2 - 3.0) / (4.0 * r * r * r)); // |a binom(p, 4)|
    // the fourth derivative of (1 + u)^p peaks at the end of |u| <= z nearer to -1 when p < 4
    err = z < 1.0 ? b4 * (z * z) * (z * z) * Math.pow(p2 < 4.0 ? 1.0 - z : 1.0 + z, p2 - 4.0) : Infinity;
    if (!(q > 0.0)) err = Infinity;
  } else if (kind == Shape.LinearCosine) {
    // p0 (L C + p4), L = p3 + 1 - x / p1 linear, C = (1 + cos(w x)) / 2 expanded to cubic order
    const w = 2.0 * Math.PI * p2 / p1;
    cosTaylor(xc, w, 0.0, p2 > 0.0 ? p1 / p2 : 0.0);
    const l0 = p3 + 1.0 - xc / p1, l1 = -1.0 / p1;
    const C0 = 0.5 + 0.5 * q0, C1 = 0.5 * q1, C2 = 0.5 * q2, C3 = 0.5 * q3;
    y0 = p0 * (l0 * C0 + p4);
    c1 = p0 * (l0 * C1 + l1 * C0);
    c2 = p0 * (l0 * C2 + l1 * C1);
    c3 = p0 * (l0 * C3 + l1 * C2);
    const wh = Math.abs(w) * h;
    // the dropped l1 C3 t^4 term, and L times the remainder of C
    err = Math.abs(p0) * (Math.abs(l1 * C3) * (h * h) * (h * h) + (Math.abs(l0) + Math.abs(l1) * h) * 0.5 * (wh * wh) * (wh * wh) / 24.0);
  } else if (kind == Shape.KDecay) {
    // no closed-form remainder: an interpolant through exact values, checked to 1e-10
    const fits = kDecayCubic(xc - h, <i32>(2.0 * h), p0, p1, p2, p3, p4);
    y0 = cubic0;
    c1 = cubic1;
    c2 = cubic2;
    c3 = cubic3;
    err = fits ? 0.0 : Infinity;
  } else {
    // AffineExp: p0 + (l0 + l1 t) e0 (1 + k t + (k t)^2 / 2 + (k t)^3 / 6 + R)
    const e0 = Math.exp(p3 * xc);
    const l0 = (p1 + p2 * xc) * e0, l1 = p2 * e0, k = p3;
    y0 = p0 + l0;
    c1 = l0 * k + l1;
    c2 = (0.5 * l0 * k + l1) * k;
    c3 = (l0 * k / 6.0 + 0.5 * l1) * k * k;
    err = Math.abs(l1 * k * k * k / 6.0) * (h * h) * (h * h) + (Math.abs(l0) + Math.abs(l1) * h) * expRemainder(k, h);
  }
}

/**
 * The shape's exact values (f64 arithmetic) at local steps (s0 + i) - o. Products are formed in
 * f64 in `tmp` (two CHUNK levels) and narrowed.
 */
function exact(
  kind: i32, out: usize, f32: bool, n: i32, s0: f64, o: f64, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64, tmp: usize,
): void {
  if (kind == Shape.Wave) rotation(out, f32, n, s0, o, p0, p1, p2, p3, p4);
  else if (kind == Shape.Geometric) recurrence(out, f32, n, s0, o, p0, p1);
  else if (kind == Shape.Affine) line(out, f32, n, s0, o, p0, p1);
  else if (kind == Shape.Power) powerExact(out, f32, n, s0, o, p0, p1, p2, p3, p4);
  else if (kind == Shape.KDecay) kDecayExact(out, f32, n, s0, o, p0, p1, p2, p3);
  else if (kind == Shape.LinearCosine) {
    linearCosinePasses(tmp, tmp + LEVEL, n, s0, o, p0, p1, p2, p3, p4);
    narrowOut(out, f32, tmp, n);
  } else {
    line(tmp, false, n, s0, o, p1, p2);
    recurrence(tmp + LEVEL, false, n, s0, o, 1.0, p3);
    let i = 0;
    for (; i < n; i++) {
      const at = <usize>i << 3;
      store<f64>(tmp + at, p0 + load<f64>(tmp + at) * load<f64>(tmp + LEVEL + at));
    }
    narrowOut(out, f32, tmp, n);
  }
}

/**
 * Whether a block about xc (offsets |t| <= h) of a wave or a linear cosine certainly fails the
 * check in cubicBlock: their remainders are known before their cos and sin, and m there is at
 * most |a| + |b| for a wave, max(|lr| (|L| + |beta|), floor) for a linear cosine (L its linear
 * factor at xc), so a block they rule out is split or written exactly without expanding it.
 */
function ruledOut(kind: i32, f32: bool, xc: f64, h: f64, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64, floor: f64): bool {
  const approx = f32 ? 1e-7 : 1e-10;
  if (kind == Shape.Wave) {
    const wh = Math.abs(p2) * h;
    return Math.abs(p1) * (wh * wh) * (wh * wh) / 24.0 > approx * (Math.abs(p0) + Math.abs(p1));
  }
  if (kind == Shape.LinearCosine) {
    const wh = 2.0 * Math.PI * Math.abs(p2 / p1) * h;
    const l0 = Math.abs(p0 * (p3 + 1.0 - xc / p1));
    return l0 * 0.5 * (wh * wh) * (wh * wh) / 24.0 > approx * Math.max(l0 + Math.abs(p0 * p4), floor);
  }
  return false;
}

/** Offsets [from, to) of the `size`-step block whose offset 0 is local step x0 (`p` addresses it). */
function block(
  p: usize, f32: bool, from: i32, to: i32, x0: f64, pos0: f64, o: f64, size: i32,
  kind: i32, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64, floor: f64, tmp: usize,
): void {
  const half = size >> 1;
  const smallest = kind == Shape.Power ? POWER_SUB : SUB;
  if (!ruledOut(kind, f32, x0 + <f64>half, <f64>half, p0, p1, p2, p3, p4, floor)) {
    expand(kind, x0 + <f64>half, <f64>half, p0, p1, p2, p3, p4);
    // the last offset from the centre that the caller's range can reach (one more at worst)
    const reach = Math.max(-<f64>half, Math.min(<f64>(half - 1), Math.ceil(domainEnd - (x0 + <f64>half))));
    // the first offset the caller's range can reach (the block's start, or a fixed point after it)
    const first = <i32>Math.min(<f64>(size - 1), Math.max(0.0, Math.floor(domainStart - x0)));
    if (cubicBlock(p, f32, from, to, half, y0, c1, c2, c3, err, floor, size == smallest, lowest, reach, first)) return;
  }
  if (size == smallest) {
    const q = slot(p, from, f32);
    const lo = lowest, start = domainStart, end = domainEnd; // linear cosine's exact passes write blocks of their own
    exact(kind, q, f32, to - from, pos0 + <f64>from, o, p0, p1, p2, p3, p4, tmp);
    lowest = lo;
    domainStart = start;
    domainEnd = end;
    if (lo > -Infinity) raise(q, f32, to - from, lo);
    return;
  }
  split(p, f32, from, to, x0, pos0, o, size, kind, p0, p1, p2, p3, p4, floor, tmp);
}

/** The block as four quarters. */
function split(
  p: usize, f32: bool, from: i32, to: i32, x0: f64, pos0: f64, o: f64, size: i32,
  kind: i32, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64, floor: f64, tmp: usize,
): void {
  const part = size >> 2;
  for (let q = from / part; q * part < to; q++) {
    const first = q * part;
    block(slot(p, first, f32), f32, max(from, first) - first, min(to, first + part) - first, x0 + <f64>first, pos0 + <f64>first,
      o, part, kind, p0, p1, p2, p3, p4, floor, tmp);
  }
}

/**
 * Values of the shape at local steps (s0 + i) - o, i < n, into an f32 or f64 output; `floor` is
 * 1e-6 x the shape's peak (or 0), `tmp` two CHUNK levels of scratch for the exact products.
 * `lo`, when given, is a floor the formula never goes below: values rounded below it are raised
 * to it (floor.ts), in the blocks whose bounds do not already keep them above it. `xEnd`, when
 * given, bounds the local steps the caller will ever ask for here (x < xEnd, whatever the chunk):
 * a block reaching past it is checked only up to it. `xStart`, likewise, is where that range
 * starts (x >= xStart).
 */
export function blocks(
  out: usize, f32: bool, n: i32, s0: f64, o: f64, kind: i32, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64, floor: f64,
  tmp: usize = 0, lo: f64 = -Infinity, xEnd: f64 = Infinity, xStart: f64 = -Infinity,
): void {
  domainStart = xStart;
  lowest = lo;
  domainEnd = xEnd;
  const base = Math.floor(o);
  const frac = o - base;
  let i = 0;
  while (i < n) {
    const s = s0 + <f64>i;
    const g = s - base; // grid position: an exact integer
    const skip = blockSkip(g, BLOCK);
    const end = min(BLOCK, skip + (n - i));
    const p = out + (<usize>(i - skip) << (f32 ? 2 : 3));
    block(p, f32, skip, end, (g - <f64>skip) - frac, s - <f64>skip, o, BLOCK, kind, p0, p1, p2, p3, p4, floor, tmp);
    i += end - skip;
  }
}
