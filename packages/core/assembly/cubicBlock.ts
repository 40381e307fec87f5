// A block of a smooth shape written as the cubic y0 + t (c1 + t (c2 + t c3)) in the offset t
// from the block's centre: f32 output in four lanes (three multiplies and three adds per four
// steps), when f32 arithmetic keeps the contract.
//
// Why f32 arithmetic is safe here, and when: every operation rounds with a relative error of at
// most u = 2^-24, so evaluating y0 + d(t) costs at most u (2 |y0| + 7 D) in absolute terms, with
// D = |c1| h + |c2| h^2 + |c3| h^3 the largest |d(t)| over the block (|t| <= h). The contract
// allows 1e-6 x max(|y|, 1e-6 x peak), and on the block that is at least 1e-6 x m with
// m = max(|y0| - D - err, floor), `floor` a lower bound the caller knows; so f32 lanes are taken
// when 2 |y0| + 7 D <= 10 m (at most 6e-7 of m), which holds wherever the shape changes by less
// than about 45% of its value across the block. Otherwise a quarter of the block is tried, and
// at the smallest size (near a zero crossing) the same cubic is evaluated in f64 and narrowed. Offsets are exact integers in f32, every lane
// runs the same operations, and a lone step runs them in a splat: a value never depends on the
// chunk it is computed in.
import { store1, store2, store2Within } from "./output";
import { F32_SAFE, vouch } from "./finite";
import { raise } from "./floor";

/**
 * Largest approximation error accepted, relative to m: for f32 output the rest of the contract
 * is rounding; f64 output is held to the interpolants' 1e-10 (smooth.ts).
 */
const APPROX_F32: f64 = 1e-7;
const APPROX_F64: f64 = 1e-10;

@inline function cubic4(t: v128, y0: v128, c1: v128, c2: v128, c3: v128): v128 {
  return f32x4.add(y0, f32x4.mul(t, f32x4.add(c1, f32x4.mul(t, f32x4.add(c2, f32x4.mul(t, c3))))));
}

@inline function cubic2(t: v128, y0: v128, c1: v128, c2: v128, c3: v128): v128 {
  return f64x2.add(y0, f64x2.mul(t, f64x2.add(c1, f64x2.mul(t, f64x2.add(c2, f64x2.mul(t, c3))))));
}

/**
 * Writes block offsets [from, to) of a block whose centre is offset `half` (`p` addresses offset
 * 0) from the cubic, in f32 (`f32`) or f64; `err` bounds |cubic - shape| on the block and
 * `floor` is a lower bound of max(|shape|, 1e-6 x its peak) (1e-6 x the peak, or 0, when nothing
 * better is known). Returns false, writing nothing, when the
 * cubic is not close enough to the shape for the output's type, or when f32 lanes would not keep
 * the contract and `last` is false (smaller blocks may: the caller splits this one).
 */
export function cubicBlock(
  p: usize, f32: bool, from: i32, to: i32, half: i32, y0: f64, c1: f64, c2: f64, c3: f64, err: f64, floor: f64, last: bool,
  lo: f64, reach: f64, first: i32,
): bool {
  const h = <f64>half;
  const d = (Math.abs(c1) + (Math.abs(c2) + Math.abs(c3) * h) * h) * h;
  const m = Math.max(Math.abs(y0) - d - err, floor);
  // the cubic about the block's centre also rounds, in f64, by up to ~u64 (2 |y0| + 7 D): where
  // that swamps m (a steep short run, far below the centre's value) the values are written exactly
  // (f64 output is written by forward differences, whose rounding grows between restarts)
  const rounding = f32
    ? 2.3e-16 * (2.0 * Math.abs(y0) + 7.0 * d)
    : half >= RESTART / 2 ? 1.2e-16 * (140.0 * Math.abs(y0) + 1100.0 * d) : 1.2e-16 * (70.0 * Math.abs(y0) + 570.0 * d);
  if (!(err + rounding <= (f32 ? APPROX_F32 : APPROX_F64) * m)) return false;
  // (the lanes also need the cubic's terms within f32's range: a rate near 0.001 on a curve whose
  // peak is 1e308 has coefficients that would be Infinity as f32)
  // values within |y0| + D (finite: the test above fails on any Infinity or NaN) are finite in
  // f64, and in f32 below F32_SAFE
  const inF32 = Math.abs(y0) + d < F32_SAFE;
  // the floor `lo` is applied only where the block's values may come below it: the computed values
  // stay within 1e-6 (|y0| + D) of the cubic, whatever the type
  const low = lo > y0 - d - 1e-6 * (Math.abs(y0) + d) ? lo : -Infinity;
  if (f32 && inF32) {
    const central = 2.0 * Math.abs(y0) + 7.0 * d <= 10.0 * m;
    if (central) lanes(p, from, to, half, y0, c1, c2, c3, low);
    if (central || anchored(p, from, to, half, y0, c1, c2, c3, low, reach)) {
      vouch(p + (<usize>from << 2), <usize>(to - from) << 2);
      return true;
    }
  }
  if (f32 && !last) return false;
  if (f32) wide<f32>(p, from, to, half, y0, c1, c2, c3);
  else differences(p, from, to, half, y0, c1, c2, c3, first);
  if (!f32 || inF32) vouch(p + (<usize>from << (f32 ? 2 : 3)), <usize>(to - from) << (f32 ? 2 : 3));
  if (low > -Infinity) raiseNear(p, f32, from, to, half, y0, c1, c2, c3, low);
  return true;
}

/**
 * The f32 lanes from the block's end nearer zero, for a block whose values change too much for
 * the centre's cubic (a ramp from near its foot): the cubic re-expanded about that end,
 * y = b0 + t (b1 + t (b2 + t b3)), t the exact offset from it. Horner in f32, coefficients
 * rounded included, errs by at most ~7u (|b0| + S(t)), S(t) the sum of the terms' sizes; where
 * each term moves y away from zero like b0, S(t) = |y - b0| and the bound is 7u |y| at every
 * step, however much the block changes. Terms of the other sign (at most E over the block) add
 * 2E, and with 6E <= |b0| the bound stays under 6e-7 |y|. Returns false, writing nothing, when
 * the block's ends differ in sign or E is larger. The block ends, for this test, at offset `hb`
 * from the centre (h - 1, or where the caller's range of steps ends).
 */
function anchored(p: usize, from: i32, to: i32, half: i32, y0: f64, c1: f64, c2: f64, c3: f64, lo: f64, hb: f64): bool {
  const h = <f64>half;
  const first = y0 - h * (c1 - h * (c2 - h * c3)); // y(-h)
  const last = y0 + hb * (c1 + hb * (c2 + hb * c3)); // y(hb)
  const atEnd = Math.abs(last) < Math.abs(first);
  const ta = atEnd ? hb : -h;
  const b0 = atEnd ? last : first;
  const far = atEnd ? first : last; // the values' sign
  const b1 = c1 + ta * (2.0 * c2 + 3.0 * c3 * ta);
  const b2 = c2 + 3.0 * c3 * ta;
  const l = h + hb; // |t| <= l over the block
  const dir = atEnd ? -1.0 : 1.0; // the sign of t
  const s1 = Math.abs(b1) * l, s2 = Math.abs(b2) * l * l, s3 = Math.abs(c3) * l * l * l;
  const e = (b1 * dir * far < 0.0 ? s1 : 0.0) + (b2 * far < 0.0 ? s2 : 0.0) + (c3 * dir * far < 0.0 ? s3 : 0.0);
  if (!(b0 * far >= 0.0 && 6.0 * e <= Math.abs(b0) && Math.abs(b0) + s1 + s2 + s3 < F32_SAFE)) return false;
  lanes(p, from, to, atEnd ? half + <i32>hb : 0, b0, b1, b2, c3, lo);
  return true;
}

/** Offsets per piece of a block that raiseNear judges on its own. */
const PIECE = 256;

/**
 * Raises to `lo` the values of offsets [from, to) in the pieces of the block whose cubic may come
 * below it: a piece whose cubic stays above lo by more than the values' rounding (1e-6 of its
 * size, as in cubicBlock) is left alone, which changes nothing a raise would not.
 */
function raiseNear(p: usize, f32: bool, from: i32, to: i32, half: i32, y0: f64, c1: f64, c2: f64, c3: f64, lo: f64): void {
  const h = <f64>(PIECE >> 1);
  for (let a = (from / PIECE) * PIECE; a < to; a += PIECE) {
    // the cubic about the piece's centre: y + t (e1 + t (e2 + t c3)), |t| <= h
    const t = <f64>(a - half) + h;
    const y = y0 + t * (c1 + t * (c2 + t * c3));
    const e1 = c1 + t * (2.0 * c2 + 3.0 * c3 * t), e2 = c2 + 3.0 * c3 * t;
    const d = (Math.abs(e1) + (Math.abs(e2) + Math.abs(c3) * h) * h) * h;
    if (!(y - d - 1e-6 * (Math.abs(y) + d) >= lo)) {
      const first = max(from, a), last = min(to, a + PIECE);
      raise(p + (<usize>first << (f32 ? 2 : 3)), f32, last - first, lo);
    }
  }
}

/** Offsets between restarts of the forward differences (a multiple of 8; smaller blocks restart at their own size). */
const RESTART = 1024;

/** The cubic, its first and its second forward difference for a step of 8, at offsets t from the centre. */
@inline function value(t: v128, y0: f64, c1: f64, c2: f64, c3: f64): v128 {
  return cubic2(t, f64x2.splat(y0), f64x2.splat(c1), f64x2.splat(c2), f64x2.splat(c3));
}
@inline function step8(t: v128, c1: f64, c2: f64, c3: f64): v128 {
  // 8 c1 + c2 (16 t + 64) + c3 (24 t^2 + 192 t + 512)
  const c2t = f64x2.mul(f64x2.splat(c2), f64x2.add(f64x2.mul(f64x2.splat(16.0), t), f64x2.splat(64.0)));
  const q = f64x2.add(f64x2.mul(f64x2.add(f64x2.mul(f64x2.splat(24.0), t), f64x2.splat(192.0)), t), f64x2.splat(512.0));
  return f64x2.add(f64x2.add(f64x2.splat(8.0 * c1), c2t), f64x2.mul(f64x2.splat(c3), q));
}
@inline function step8x2(t: v128, c2: f64, c3: f64): v128 {
  // 128 c2 + c3 (384 t + 3072)
  return f64x2.add(f64x2.splat(128.0 * c2), f64x2.mul(f64x2.splat(c3), f64x2.add(f64x2.mul(f64x2.splat(384.0), t), f64x2.splat(3072.0))));
}

/**
 * The cubic into an f64 output by forward differences: four chains of two lanes, each stepping
 * eight offsets per iteration with three adds (y += d1, d1 += d2, d2 += d3) where Horner takes
 * six operations, restarted from exact values every RESTART offsets of the block (or once, in
 * a smaller block) and at `first`, the block's first offset the caller's steps can reach, so a
 * value depends on its offset in the block (and that fixed point) alone. Between restarts the
 * rounding stays below u (140 |y0| + 1100 D), or u (70 |y0| + 570 D) in a 512-step block: for
 * k = RESTART / 8 steps of each chain, about u (k |y| + k^2 / 2 |d1| + k^3 / 6 |d2|) with
 * |y| <= |y0| + D, |d1| <= 24 D / h, |d2| <= 384 D / h^2 (h >= RESTART / 2, the half block).
 */
function differences(p: usize, from: i32, to: i32, half: i32, y0: f64, c1: f64, c2: f64, c3: f64, first: i32): void {
  const d3 = f64x2.splat(3072.0 * c3);
  const every = min(RESTART, 2 * half);
  // restarts at `first` (where the caller's steps begin) and at the multiples of `every` after
  // it; a range that starts before `first` (never asked for) would ignore it rather than skip steps
  const aligned = (from / every) * every;
  for (let b = first <= from ? max(first, aligned) : aligned; b < to; b = (b / every + 1) * every) {
    const t0 = f64x2(<f64>(b - half), <f64>(b - half + 1));
    const t1 = f64x2.add(t0, f64x2.splat(2.0)), t2 = f64x2.add(t0, f64x2.splat(4.0)), t3 = f64x2.add(t0, f64x2.splat(6.0));
    let ya = value(t0, y0, c1, c2, c3), yb = value(t1, y0, c1, c2, c3), yc = value(t2, y0, c1, c2, c3), yd = value(t3, y0, c1, c2, c3);
    let ea = step8(t0, c1, c2, c3), eb = step8(t1, c1, c2, c3), ec = step8(t2, c1, c2, c3), ed = step8(t3, c1, c2, c3);
    let fa = step8x2(t0, c2, c3), fb = step8x2(t1, c2, c3), fc = step8x2(t2, c2, c3), fd = step8x2(t3, c2, c3);
    const stop = min(to, (b / every + 1) * every);
    for (let j = b; j < stop; j += 8) {
      if (j >= from && j + 8 <= stop) {
        store2<f64>(p, j, ya);
        store2<f64>(p, j + 2, yb);
        store2<f64>(p, j + 4, yc);
        store2<f64>(p, j + 6, yd);
      } else if (j + 8 > from) {
        store2Within<f64>(p, j, ya, from, stop);
        store2Within<f64>(p, j + 2, yb, from, stop);
        store2Within<f64>(p, j + 4, yc, from, stop);
        store2Within<f64>(p, j + 6, yd, from, stop);
      }
      ya = f64x2.add(ya, ea); ea = f64x2.add(ea, fa); fa = f64x2.add(fa, d3);
      yb = f64x2.add(yb, eb); eb = f64x2.add(eb, fb); fb = f64x2.add(fb, d3);
      yc = f64x2.add(yc, ec); ec = f64x2.add(ec, fc); fc = f64x2.add(fc, d3);
      yd = f64x2.add(yd, ed); ed = f64x2.add(ed, fd); fd = f64x2.add(fd, d3);
    }
  }
}

/**
 * The cubic in f64 arithmetic, stored as T (narrowed when T is f32): eight steps per iteration
 * in four independent pairs of lanes, then pairs.
 */
function wide<T>(p: usize, from: i32, to: i32, half: i32, y0: f64, c1: f64, c2: f64, c3: f64): void {
  const v0 = f64x2.splat(y0), v1 = f64x2.splat(c1), v2 = f64x2.splat(c2), v3 = f64x2.splat(c3);
  const two = f64x2.splat(2.0), four = f64x2.splat(4.0), six = f64x2.splat(6.0), eight = f64x2.splat(8.0);
  let t = f64x2(<f64>(from - half), <f64>(from - half + 1));
  let k = from;
  for (; k + 8 <= to; k += 8) {
    store2<T>(p, k, cubic2(t, v0, v1, v2, v3));
    store2<T>(p, k + 2, cubic2(f64x2.add(t, two), v0, v1, v2, v3));
    store2<T>(p, k + 4, cubic2(f64x2.add(t, four), v0, v1, v2, v3));
    store2<T>(p, k + 6, cubic2(f64x2.add(t, six), v0, v1, v2, v3));
    t = f64x2.add(t, eight);
  }
  for (; k + 2 <= to; k += 2) {
    store2<T>(p, k, cubic2(t, v0, v1, v2, v3));
    t = f64x2.add(t, two);
  }
  if (k < to) store1<T>(p, k, f64x2.extract_lane(cubic2(f64x2.splat(<f64>(k - half)), v0, v1, v2, v3), 0));
}

/**
 * The f32 lanes: sixteen steps per iteration in four independent groups of four, whose offsets
 * all come from one carried vector (one add per iteration on the loop's critical path).
 */
function lanes(p: usize, from: i32, to: i32, half: i32, y0: f64, c1: f64, c2: f64, c3: f64, lo: f64): void {
  const floor = f32x4.splat(<f32>lo);
  const v0 = f32x4.splat(<f32>y0), v1 = f32x4.splat(<f32>c1), v2 = f32x4.splat(<f32>c2), v3 = f32x4.splat(<f32>c3);
  const four = f32x4.splat(4.0), eight = f32x4.splat(8.0), twelve = f32x4.splat(12.0), sixteen = f32x4.splat(16.0);
  const first = <f32>(from - half);
  let t = f32x4(first, first + 1.0, first + 2.0, first + 3.0);
  let k = from;
  // the loop is written twice so that curves with no floor here pay nothing for it
  if (lo > -Infinity) {
    for (; k + 16 <= to; k += 16) {
      const q = p + (<usize>k << 2);
      v128.store(q, f32x4.pmax(cubic4(t, v0, v1, v2, v3), floor));
      v128.store(q, f32x4.pmax(cubic4(f32x4.add(t, four), v0, v1, v2, v3), floor), 16);
      v128.store(q, f32x4.pmax(cubic4(f32x4.add(t, eight), v0, v1, v2, v3), floor), 32);
      v128.store(q, f32x4.pmax(cubic4(f32x4.add(t, twelve), v0, v1, v2, v3), floor), 48);
      t = f32x4.add(t, sixteen);
    }
  } else {
    for (; k + 16 <= to; k += 16) {
      const q = p + (<usize>k << 2);
      v128.store(q, cubic4(t, v0, v1, v2, v3));
      v128.store(q, cubic4(f32x4.add(t, four), v0, v1, v2, v3), 16);
      v128.store(q, cubic4(f32x4.add(t, eight), v0, v1, v2, v3), 32);
      v128.store(q, cubic4(f32x4.add(t, twelve), v0, v1, v2, v3), 48);
      t = f32x4.add(t, sixteen);
    }
  }
  for (; k + 4 <= to; k += 4) {
    v128.store(p + (<usize>k << 2), f32x4.pmax(cubic4(t, v0, v1, v2, v3), floor));
    t = f32x4.add(t, four);
  }
  for (; k < to; k++) {
    store<f32>(p + (<usize>k << 2), f32x4.extract_lane(f32x4.pmax(cubic4(f32x4.splat(<f32>(k - half)), v0, v1, v2, v3), floor), 0));
  }
}
