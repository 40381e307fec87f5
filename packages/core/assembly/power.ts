// p4 + p0 (p3 + x / p1)^p2 with x = s - o and the base clamped at 0, exactly in f64 (exp and log
// per two steps): the fallback of the power blocks (blocks.ts) near a singularity or where a
// block's cubic is not accurate enough.
import { put, put2 } from "./output";
import { vpow } from "./vmath";

/**
 * base^p per lane (base >= 0): a square root, a reciprocal square root or a reciprocal where p
 * allows, correctly rounded or nearly and a fraction of the cost of exp(p log base).
 */
@inline function powerOf(base: v128, p: f64): v128 {
  if (p == 0.5) return f64x2.sqrt(base);
  if (p == -0.5) return f64x2.div(f64x2.splat(1.0), f64x2.sqrt(base));
  if (p == -1.0) return f64x2.div(f64x2.splat(1.0), base);
  return vpow(base, p);
}

@inline function power(x: v128, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64): v128 {
  const base = f64x2.max(f64x2.add(f64x2.splat(p3), f64x2.div(x, f64x2.splat(p1))), f64x2.splat(0.0));
  return f64x2.add(f64x2.splat(p4), f64x2.mul(f64x2.splat(p0), powerOf(base, p2)));
}

export function powerExact(out: usize, f32: bool, n: i32, s0: f64, o: f64, p0: f64, p1: f64, p2: f64, p3: f64, p4: f64): void {
  let x = f64x2.sub(f64x2(s0, s0 + 1.0), f64x2.splat(o));
  const two = f64x2.splat(2.0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    put2(out, i, f32, power(x, p0, p1, p2, p3, p4));
    x = f64x2.add(x, two);
  }
  if (i < n) put(out, i, f32, f64x2.extract_lane(power(f64x2.splat((s0 + <f64>i) - o), p0, p1, p2, p3, p4), 0));
}
