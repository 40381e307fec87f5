// Cosine decay and cosine decay with warm restarts (SGDR), Keras semantics; x = s - o.
import { affine, firstAtOrAbove } from "./buffer";
import { fillOut, slot } from "./output";
import { cosWave } from "./wave";
import { raiseWave } from "./floor";

/** lr * ((1 - alpha) * (1 + cos(pi * min(x, D) / D)) / 2 + alpha). */
export function cosine(out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, d: f64, alpha: f64): void {
  const m = firstAtOrAbove(s0, o, d, n); // steps before D
  const b = 0.5 * lr * (1.0 - alpha);
  if (m > 0) {
    cosWave(out, f32, m, s0, o, b + lr * alpha, b, Math.PI / d, 0.0, 2.0 * d);
    raiseWave(out, f32, m, s0, o, b + lr * alpha, b, Math.PI / d, 0.0, lr * alpha);
  }
  if (m < n) fillOut(slot(out, m, f32), f32, n - m, lr * alpha);
}

/**
 * Start step of restart period `i`: first * (1 + t + ... + t^(i-1)) = first * (t^i - 1) / (t - 1),
 * written with expm1/log1p so it stays accurate when t is within a few ulps of 1, and snapped to
 * the nearest integer step when within 1e-9 of it.
 */
@inline function periodStart(first: f64, tMul: f64, i: f64): f64 {
  if (tMul == 1.0) return first * i;
  const g = tMul - 1.0;
  return snap(first * (Math.expm1(i * Math.log1p(g)) / g));
}

/**
 * A start within 1e-9 (relative) of an integer step is that step: expm1/log1p round differently
 * across math libraries, and a restart must not move by one step because of it.
 */
@inline function snap(x: f64): f64 {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1.0, r) ? r : x;
}

/**
 * Index of the restart period containing local step x. Keras derives it from a logarithm, whose
 * rounding can misplace a step that sits exactly on a period edge; the estimate is corrected
 * here against the exact period starts. The search is bounded: periods last at least `first`
 * steps, so the index lies in [0, x / first], below 2^1024; when the estimate overflows (tMul
 * near Number.MAX_VALUE) or is far off, a bisection of that range ends in at most 1100 halvings
 * (past 2^53 periods, neighbouring indices are not distinct numbers and it stops where they meet).
 */
export function periodIndex(x: f64, first: f64, tMul: f64): f64 {
  const g = tMul - 1.0;
  let lo = 0.0; // periodStart(lo) <= x
  let hi = Math.floor(x / first) + 1.0; // periodStart(hi) > x
  let i: f64;
  if (tMul == 1.0) i = Math.floor(x / first);
  else {
    // log1p(y) with y = x / first * g; beyond f64 range, log(x / first) + log(g) is the same number
    const y = (x / first) * g;
    i = Math.floor((y < Infinity ? Math.log1p(y) : Math.log(x / first) + Math.log(g)) / Math.log1p(g));
  }
  i = Math.min(Math.max(i, lo), hi - 1.0);
  if (!(i >= 0.0)) i = 0.0;
  // the estimate is exact or one off: a few corrections settle it
  for (let tries = 0; tries < 4; tries++) {
    if (periodStart(first, tMul, i) > x) hi = i;
    else if (periodStart(first, tMul, i + 1.0) <= x) lo = i + 1.0;
    else return i;
    i = Math.min(Math.max(i + (hi == i ? -1.0 : 1.0), lo), hi - 1.0);
  }
  for (let k = 0; k < 1100 && hi - lo > 1.0; k++) {
    const mid = lo + Math.floor(0.5 * (hi - lo));
    if (mid <= lo || mid >= hi) break;
    if (periodStart(first, tMul, mid) <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Restarts: period k has length first * tMul^k and peak lr * ((1 - alpha) * mMul^k + alpha). The
 * first `warmup` steps of every period ramp linearly from the floor lr * alpha to that peak (0 for
 * Keras's CosineDecayRestarts); the rest of the period is a half cosine from peak to floor.
 */
export function cosineRestarts(
  out: usize, f32: bool, n: i32, s0: f64, o: f64, lr: f64, first: f64, tMul: f64, mMul: f64, alpha: f64, warmup: f64,
): void {
  let i = 0;
  let k = periodIndex(s0 - o, first, tMul);
  const floor = lr * alpha;
  while (i < n) {
    const start = o + periodStart(first, tMul, k); // origin of this period
    const length = first * Math.pow(tMul, k);
    const b = 0.5 * lr * (1.0 - alpha) * Math.pow(mMul, k);
    const s = s0 + <f64>i;
    const end = i + max(1, firstAtOrAbove(s, o, periodStart(first, tMul, k + 1.0), n - i));
    const ramp = i + firstAtOrAbove(s, start, warmup, end - i);
    if (ramp > i) affine(slot(out, i, f32), f32, ramp - i, s, start, floor, 2.0 * b / warmup);
    if (end > ramp) {
      cosWave(slot(out, ramp, f32), f32, end - ramp, s0 + <f64>ramp, start + warmup, b + floor, b, Math.PI / (length - warmup), 0.0, 0.0);
      raiseWave(slot(out, ramp, f32), f32, end - ramp, s0 + <f64>ramp, start + warmup, b + floor, b, Math.PI / (length - warmup), 0.0, floor);
    }
    i = end;
    k += 1.0;
  }
}
