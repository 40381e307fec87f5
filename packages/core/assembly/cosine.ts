// Cosine decay and cosine decay with warm restarts (SGDR), Keras semantics.
import { affine, at, fill } from "./buffer";
import { cosWave } from "./wave";

/** lr * ((1 - alpha) * (1 + cos(pi * min(s, D) / D)) / 2 + alpha). */
export function cosine(out: usize, n: i32, s0: f64, lr: f64, d: f64, alpha: f64): void {
  let i = 0;
  if (s0 < d) {
    const len = <i32>Math.min(<f64>n, Math.ceil(d - s0));
    const b = 0.5 * lr * (1.0 - alpha);
    cosWave(out, len, s0, b + lr * alpha, b, Math.PI / d, 0.0);
    i = len;
  }
  if (i < n) fill(at(out, i), n - i, lr * alpha);
}

/**
 * Start step of restart period `i`: first * (1 + t + ... + t^(i-1)) = first * (t^i - 1) / (t - 1),
 * written with expm1/log1p so it stays accurate when t is within a few ulps of 1.
 */
@inline function periodStart(first: f64, tMul: f64, i: f64): f64 {
  if (tMul == 1.0) return first * i;
  const g = tMul - 1.0;
  return first * (Math.expm1(i * Math.log1p(g)) / g);
}

/**
 * Index of the restart period containing step s. Keras derives it from a logarithm, whose
 * rounding can misplace a step that sits exactly on a period edge; the estimate is corrected
 * here against the exact period starts.
 */
export function periodIndex(s: f64, first: f64, tMul: f64): f64 {
  const g = tMul - 1.0;
  let i = tMul == 1.0
    ? Math.floor(s / first)
    : Math.floor(Math.log1p((s / first) * g) / Math.log1p(g));
  if (!(i >= 0.0)) i = 0.0;
  while (i > 0.0 && periodStart(first, tMul, i) > s) i -= 1.0;
  while (periodStart(first, tMul, i + 1.0) <= s) i += 1.0;
  return i;
}

/**
 * Restarts: period k has length first * tMul^k and peak lr * ((1 - alpha) * mMul^k + alpha). The
 * first `warmup` steps of every period ramp linearly from the floor lr * alpha to that peak (0 for
 * Keras's CosineDecayRestarts); the rest of the period is a half cosine from peak to floor.
 */
export function cosineRestarts(
  out: usize, n: i32, s0: f64, lr: f64, first: f64, tMul: f64, mMul: f64, alpha: f64, warmup: f64,
): void {
  let i = 0;
  let k = periodIndex(s0, first, tMul);
  const floor = lr * alpha;
  while (i < n) {
    const start = periodStart(first, tMul, k);
    const next = periodStart(first, tMul, k + 1.0);
    const b = 0.5 * lr * (1.0 - alpha) * Math.pow(mMul, k);
    let x = s0 + <f64>i - start;
    const end = i + <i32>Math.min(<f64>(n - i), Math.max(1.0, Math.ceil(next - (s0 + <f64>i))));
    if (x < warmup) {
      const len = <i32>Math.min(<f64>(end - i), Math.ceil(warmup - x));
      affine(at(out, i), len, x, floor, 2.0 * b / warmup);
      i += len;
      x += <f64>len;
    }
    if (i < end) {
      cosWave(at(out, i), end - i, x - warmup, b + floor, b, Math.PI / (first * Math.pow(tMul, k) - warmup), 0.0);
      i = end;
    }
    k += 1.0;
  }
}
