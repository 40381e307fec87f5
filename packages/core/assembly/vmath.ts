// Two-lane f64 exp, log and cos for kernels with no cheap recurrence (powers, noise, k-decay).
// Cody-Waite range reduction plus Taylor/atanh series long enough that truncation stays below
// 1e-17; results are within a few ulps of correctly rounded over the ranges the kernels use.
// Scalar callers use lane 0, so a kernel and its host-side at(step) agree bit for bit.

const LN2_HI: f64 = 6.93147180369123816490e-01; // ln 2 split so n * LN2_HI is exact
const LN2_LO: f64 = 1.90821492927058770002e-10;
const LOG2E: f64 = 1.4426950408889634;
const PIO2_1: f64 = 1.57079632673412561417e+00; // pi/2 in three parts
const PIO2_2: f64 = 6.07710050630396597660e-11;
const PIO2_3: f64 = 2.02226624871116645580e-21;
const TWO_OVER_PI: f64 = 0.6366197723675814;

@inline function splat(x: f64): v128 {
  return f64x2.splat(x);
}

@inline function madd(acc: v128, x: v128, c: f64): v128 {
  return f64x2.add(f64x2.mul(acc, x), splat(c));
}

/** e^x per lane; 0 below x = -708 (no subnormals), +Inf above 709.78. */
@inline export function vexp(x: v128): v128 {
  const n = f64x2.nearest(f64x2.mul(x, splat(LOG2E)));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(n, splat(LN2_HI))), f64x2.mul(n, splat(LN2_LO)));
  let p = splat(1.0 / 6227020800.0); // 1/13!
  p = madd(p, r, 1.0 / 479001600.0);
  p = madd(p, r, 1.0 / 39916800.0);
  p = madd(p, r, 1.0 / 3628800.0);
  p = madd(p, r, 1.0 / 362880.0);
  p = madd(p, r, 1.0 / 40320.0);
  p = madd(p, r, 1.0 / 5040.0);
  p = madd(p, r, 1.0 / 720.0);
  p = madd(p, r, 1.0 / 120.0);
  p = madd(p, r, 1.0 / 24.0);
  p = madd(p, r, 1.0 / 6.0);
  p = madd(p, r, 0.5);
  p = madd(p, r, 1.0);
  p = madd(p, r, 1.0);
  // 2^n from its exponent bits; n is clamped to the normal range and handled below
  const nc = f64x2.min(f64x2.max(n, splat(-1022.0)), splat(1023.0));
  const e = i64x2.shl(i64x2.add(i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(nc)), i64x2.splat(1023)), 52);
  let y = f64x2.mul(p, e);
  y = v128.bitselect(splat(0.0), y, f64x2.lt(x, splat(-708.0)));
  y = v128.bitselect(splat(Infinity), y, f64x2.gt(x, splat(709.78)));
  return y;
}

/** ln x per lane for normal positive x; -Inf at 0. */
@inline export function vlog(x: v128): v128 {
  const bits = x;
  // x = m * 2^e with m in [1, 2)
  // biased exponents as i64 lanes; their low words, moved to i32 lanes 0 and 1, convert exactly
  const biased = i64x2.sub(i64x2.shr_u(bits, 52), i64x2.splat(1023));
  let e = f64x2.convert_low_i32x4_s(
    i8x16.shuffle(biased, biased, 0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11),
  );
  let m = v128.or(v128.and(bits, i64x2.splat(0x000fffffffffffff)), i64x2.splat(0x3ff0000000000000));
  // move m into [sqrt(1/2), sqrt(2)) so the series argument stays small
  const big = f64x2.gt(m, splat(1.4142135623730951));
  m = v128.bitselect(f64x2.mul(m, splat(0.5)), m, big);
  e = v128.bitselect(f64x2.add(e, splat(1.0)), e, big);
  const f = f64x2.sub(m, splat(1.0));
  const s = f64x2.div(f, f64x2.add(f, splat(2.0)));
  const z = f64x2.mul(s, s);
  // ln(1 + f) = 2 atanh(s) = 2s (1 + z/3 + z^2/5 + ... + z^10/21)
  let p = splat(1.0 / 21.0);
  p = madd(p, z, 1.0 / 19.0);
  p = madd(p, z, 1.0 / 17.0);
  p = madd(p, z, 1.0 / 15.0);
  p = madd(p, z, 1.0 / 13.0);
  p = madd(p, z, 1.0 / 11.0);
  p = madd(p, z, 1.0 / 9.0);
  p = madd(p, z, 1.0 / 7.0);
  p = madd(p, z, 1.0 / 5.0);
  p = madd(p, z, 1.0 / 3.0);
  const twoS = f64x2.add(s, s);
  const tail = f64x2.mul(f64x2.mul(twoS, z), p);
  let y = f64x2.add(f64x2.mul(e, splat(LN2_HI)), f64x2.add(twoS, f64x2.add(tail, f64x2.mul(e, splat(LN2_LO)))));
  y = v128.bitselect(splat(-Infinity), y, f64x2.eq(x, splat(0.0)));
  return y;
}

/** cos x (or sin x) per lane, accurate for |x| < 2^20 * pi/2. */
@inline function trig(x: v128, sine: bool): v128 {
  const k = f64x2.nearest(f64x2.mul(x, splat(TWO_OVER_PI)));
  const r = f64x2.sub(
    f64x2.sub(f64x2.sub(x, f64x2.mul(k, splat(PIO2_1))), f64x2.mul(k, splat(PIO2_2))),
    f64x2.mul(k, splat(PIO2_3)),
  );
  const z = f64x2.mul(r, r);
  let c = splat(1.0 / 20922789888000.0); // 1/16!
  c = madd(c, z, -1.0 / 87178291200.0);
  c = madd(c, z, 1.0 / 479001600.0);
  c = madd(c, z, -1.0 / 3628800.0);
  c = madd(c, z, 1.0 / 40320.0);
  c = madd(c, z, -1.0 / 720.0);
  c = madd(c, z, 1.0 / 24.0);
  c = madd(c, z, -0.5);
  c = madd(c, z, 1.0);
  let s = splat(1.0 / 355687428096000.0); // 1/17!
  s = madd(s, z, -1.0 / 1307674368000.0);
  s = madd(s, z, 1.0 / 6227020800.0);
  s = madd(s, z, -1.0 / 39916800.0);
  s = madd(s, z, 1.0 / 362880.0);
  s = madd(s, z, -1.0 / 5040.0);
  s = madd(s, z, 1.0 / 120.0);
  s = madd(s, z, -1.0 / 6.0);
  s = madd(s, z, 1.0);
  s = f64x2.mul(s, r);
  // quadrant q = k mod 4; cos: c, -s, -c, s; sin: s, c, -s, -c
  const q = f64x2.sub(k, f64x2.mul(splat(4.0), f64x2.floor(f64x2.mul(k, splat(0.25)))));
  const odd = v128.or(f64x2.eq(q, splat(1.0)), f64x2.eq(q, splat(3.0)));
  const neg = sine
    ? f64x2.ge(q, splat(2.0))
    : v128.or(f64x2.eq(q, splat(1.0)), f64x2.eq(q, splat(2.0)));
  const v = sine ? v128.bitselect(c, s, odd) : v128.bitselect(s, c, odd);
  return v128.bitselect(f64x2.neg(v), v, neg);
}

@inline export function vcos(x: v128): v128 {
  return trig(x, false);
}

@inline export function vsin(x: v128): v128 {
  return trig(x, true);
}

/** x^p per lane for x >= 0 (0^p = 0 for p > 0). */
@inline export function vpow(x: v128, p: f64): v128 {
  return vexp(f64x2.mul(vlog(x), splat(p)));
}
