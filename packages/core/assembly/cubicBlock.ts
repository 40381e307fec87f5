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
import { store1, store2 } from "./output";

/**
 * Largest approximation error accepted, relative to m: for f32 output the rest of the contract
 * is rounding; f64 output is held to the interpolants' 1e-10 (smooth.ts).
 */
const APPROX_F32: f64 = 1e-7;
/** Bound on |y0| + D for the f32 lanes: every term and partial sum of the cubic stays finite in f32. */
const F32_TERMS: f64 = 1e38;
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
): bool {
  const h = <f64>half;
  const d = (Math.abs(c1) + (Math.abs(c2) + Math.abs(c3) * h) * h) * h;
  const m = Math.max(Math.abs(y0) - d - err, floor);
  // the cubic about the block's centre also rounds, in f64, by up to ~u64 (2 |y0| + 7 D): where
  // that swamps m (a steep short run, far below the centre's value) the values are written exactly
  if (!(err + 2.3e-16 * (2.0 * Math.abs(y0) + 7.0 * d) <= (f32 ? APPROX_F32 : APPROX_F64) * m)) return false;
  // (the lanes also need the cubic's terms within f32's range: a rate near 0.001 on a curve whose
  // peak is 1e308 has coefficients that would be Infinity as f32)
  if (f32 && 2.0 * Math.abs(y0) + 7.0 * d <= 10.0 * m && Math.abs(y0) + d < F32_TERMS) {
    lanes(p, from, to, half, y0, c1, c2, c3);
    return true;
  }
  if (f32 && !last) return false;
  if (f32) wide<f32>(p, from, to, half, y0, c1, c2, c3);
  else wide<f64>(p, from, to, half, y0, c1, c2, c3);
  return true;
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
function lanes(p: usize, from: i32, to: i32, half: i32, y0: f64, c1: f64, c2: f64, c3: f64): void {
  const v0 = f32x4.splat(<f32>y0), v1 = f32x4.splat(<f32>c1), v2 = f32x4.splat(<f32>c2), v3 = f32x4.splat(<f32>c3);
  const four = f32x4.splat(4.0), eight = f32x4.splat(8.0), twelve = f32x4.splat(12.0), sixteen = f32x4.splat(16.0);
  const first = <f32>(from - half);
  let t = f32x4(first, first + 1.0, first + 2.0, first + 3.0);
  let k = from;
  for (; k + 16 <= to; k += 16) {
    const q = p + (<usize>k << 2);
    v128.store(q, cubic4(t, v0, v1, v2, v3));
    v128.store(q, cubic4(f32x4.add(t, four), v0, v1, v2, v3), 16);
    v128.store(q, cubic4(f32x4.add(t, eight), v0, v1, v2, v3), 32);
    v128.store(q, cubic4(f32x4.add(t, twelve), v0, v1, v2, v3), 48);
    t = f32x4.add(t, sixteen);
  }
  for (; k + 4 <= to; k += 4) {
    v128.store(p + (<usize>k << 2), cubic4(t, v0, v1, v2, v3));
    t = f32x4.add(t, four);
  }
  for (; k < to; k++) {
    store<f32>(p + (<usize>k << 2), f32x4.extract_lane(cubic4(f32x4.splat(<f32>(k - half)), v0, v1, v2, v3), 0));
  }
}
