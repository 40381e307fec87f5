// The floor of a formula that never goes below it (etaMin, minLr, alpha * lr, 0): a kernel raises
// what it wrote to that floor in a final pass. Cosines evaluated by rotation or cubic blocks, and
// a + b cos near the trough where a - b cancels, land a few ulps of the peak below the floor, which
// for a floor of 0 is a negative rate; the formula itself never is.

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
