// The floor of a formula that never goes below it (etaMin, minLr, alpha * lr, 0): a kernel raises
// what it wrote to that floor in a final pass. Cosines evaluated by rotation or cubic blocks, and
// a + b cos near the trough where a - b cancels, land a few ulps of the peak below the floor, which
// for a floor of 0 is a negative rate; the formula itself never is. Where the kernel knows where
// its curve comes near the floor (a wave's troughs, a decay's end), only those steps are raised:
// elsewhere the formula stays above the floor by more than any computed value strays from it.
import { slot } from "./output";

/**
 * How far a computed value may stray from its formula, relative to the formula's scale (|a| + |b|
 * of a wave, the larger end of a ramp): well above the cubic blocks' and the rotation's errors
 * (1e-7 of the value and below, plus f32 rounding), well inside the accuracy contract.
 */
const STRAY: f64 = 4e-6;

/** Steps of slack around a window, for the rounding of the positions computed for it. */
const SLACK: f64 = 2.0;

/** Troughs per chunk beyond which raising everything costs less than finding them. */
const MAX_TROUGHS: f64 = 64.0;

/** out[0..n) (f32 or f64) raised to `lo` where below it; NaN stays NaN (the host refuses it). */
export function raise(out: usize, f32: bool, n: i32, lo: f64): void {
  const bytes = <usize>n << (f32 ? 2 : 3);
  const v = f32 ? f32x4.splat(<f32>lo) : f64x2.splat(lo);
  let b: usize = 0;
  if (f32) {
    for (; b + 32 <= bytes; b += 32) {
      const p = out + b;
      v128.store(p, f32x4.pmax(v128.load(p), v));
      v128.store(p, f32x4.pmax(v128.load(p, 16), v), 16);
    }
    for (; b + 16 <= bytes; b += 16) v128.store(out + b, f32x4.pmax(v128.load(out + b), v));
    for (; b < bytes; b += 4) if (load<f32>(out + b) < <f32>lo) store<f32>(out + b, <f32>lo);
    return;
  }
  for (; b + 32 <= bytes; b += 32) {
    const p = out + b;
    v128.store(p, f64x2.pmax(v128.load(p), v));
    v128.store(p, f64x2.pmax(v128.load(p, 16), v), 16);
  }
  for (; b + 16 <= bytes; b += 16) v128.store(out + b, f64x2.pmax(v128.load(out + b), v));
  for (; b < bytes; b += 8) if (load<f64>(out + b) < lo) store<f64>(out + b, lo);
}

/** raise() on the positions i in [0, n) whose local step (s0 + i) - o lies in [from, to]. */
export function raiseWhere(out: usize, f32: bool, n: i32, s0: f64, o: f64, from: f64, to: f64, lo: f64): void {
  const x0 = s0 - o;
  const first = Math.max(0.0, Math.ceil(from - x0));
  const last = Math.min(<f64>n - 1.0, Math.floor(to - x0));
  if (!(first <= last)) return;
  raise(slot(out, <i32>first, f32), f32, <i32>(last - first) + 1, lo);
}

/**
 * raise() for a + b cos(w x + phi) (x = s0 + i - o), only near the wave's troughs, the one place
 * its computed values can fall below `lo`: within the angle where |b| (1 - cos) is at most the
 * values' stray plus any excess of `lo` over the wave's minimum a - |b|.
 */
export function raiseWave(out: usize, f32: bool, n: i32, s0: f64, o: f64, a: f64, b: f64, w: f64, phi: f64, lo: f64): void {
  const amp = Math.abs(b);
  const margin = STRAY * (Math.abs(a) + amp) + Math.max(0.0, lo - (a - amp));
  // the trough is at angle pi for b > 0, 0 for b < 0; cos is even, so w can be made positive
  const trough = b > 0.0 ? Math.PI : 0.0;
  const ww = Math.abs(w);
  const ph = w < 0.0 ? -phi : phi;
  const spacing = 2.0 * Math.PI / ww; // steps between troughs
  if (!(margin < amp) || !(spacing < Infinity) || <f64>n / spacing > MAX_TROUGHS) {
    raise(out, f32, n, lo);
    return;
  }
  const reach = Math.acos(1.0 - margin / amp) / ww + SLACK;
  if (2.0 * reach >= spacing) {
    raise(out, f32, n, lo);
    return;
  }
  const x0 = s0 - o;
  // troughs x_k = (trough + 2 pi k - ph) / ww, from the last one before the chunk
  let k = Math.floor((ww * (x0 - reach) + ph - trough) / (2.0 * Math.PI));
  for (let t = 0.0; t < MAX_TROUGHS + 3.0; t++, k++) {
    const x = (trough + 2.0 * Math.PI * k - ph) / ww;
    if (x - reach > x0 + <f64>n) break;
    raiseWhere(out, f32, n, s0, o, x - reach, x + reach, lo);
  }
}

/**
 * raise() for a decay of shape (1 - x / span)^power from `top` down to `lo` (a linear ramp has
 * power 1), only over its end, where it comes within the values' stray of the floor.
 */
export function raiseTail(out: usize, f32: bool, n: i32, s0: f64, o: f64, top: f64, lo: f64, span: f64, power: f64): void {
  const reach = Math.pow(Math.min(1.0, STRAY * (Math.abs(top) + Math.abs(lo)) / Math.abs(top - lo)), 1.0 / power);
  if (!(reach < 1.0)) raise(out, f32, n, lo);
  else raiseWhere(out, f32, n, s0, o, span * (1.0 - reach) - SLACK, span, lo);
}

/** raise() for a linear rise from `lo` to `top` over `span`, only over its start. */
export function raiseHead(out: usize, f32: bool, n: i32, s0: f64, o: f64, lo: f64, top: f64, span: f64): void {
  const reach = STRAY * (Math.abs(top) + Math.abs(lo)) / Math.abs(top - lo);
  if (!(reach < 1.0)) raise(out, f32, n, lo);
  else raiseWhere(out, f32, n, s0, o, -Infinity, span * reach + SLACK, lo);
}
