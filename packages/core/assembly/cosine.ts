// Cosine decay and cosine decay with warm restarts (SGDR), Keras semantics.
import { at, fill } from "./buffer";
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

/** Start step of restart period `i`: first * (1 + t + ... + t^(i-1)). */
@inline function periodStart(first: f64, tMul: f64, i: f64): f64 {
  return tMul == 1.0 ? first * i : first * (Math.pow(tMul, i) - 1.0) / (tMul - 1.0);
}

/**
 * Index of the restart period containing step s. Keras derives it from a logarithm, whose
 * rounding can misplace a step that sits exactly on a period edge; the estimate is corrected
 * here against the exact period starts.
 */
export function periodIndex(s: f64, first: f64, tMul: f64): f64 {
  let i = tMul == 1.0
    ? Math.floor(s / first)
    : Math.floor(Math.log(1.0 - (s / first) * (1.0 - tMul)) / Math.log(tMul));
  if (!(i >= 0.0)) i = 0.0;
  while (i > 0.0 && periodStart(first, tMul, i) > s) i -= 1.0;
  while (periodStart(first, tMul, i + 1.0) <= s) i += 1.0;
  return i;
}

export function cosineRestarts(
  out: usize, n: i32, s0: f64, lr: f64, first: f64, tMul: f64, mMul: f64, alpha: f64,
): void {
  let i = 0;
  let k = periodIndex(s0, first, tMul);
  while (i < n) {
    const start = periodStart(first, tMul, k);
    const next = periodStart(first, tMul, k + 1.0);
    const s = s0 + <f64>i;
    const len = <i32>Math.min(<f64>(n - i), Math.max(1.0, Math.ceil(next - s)));
    const length = first * Math.pow(tMul, k);
    const b = 0.5 * lr * (1.0 - alpha) * Math.pow(mMul, k);
    cosWave(at(out, i), len, s - start, b + lr * alpha, b, Math.PI / length, 0.0);
    i += len;
    k += 1.0;
  }
}
