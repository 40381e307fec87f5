// Linear cosine decay and its noisy variant (tf.keras 2 semantics), with s clamped to D:
//   lr * ((alpha + (D - s) / D + eps) * (1 + cos(2 pi periods s / D)) / 2 + beta)
// where eps = 0 for the plain variant and, for the noisy one, a Gaussian sample of variance
// initialVariance / (1 + s)^varianceDecay drawn from the counter-based generator.
import { at, affine, firstAtOrAbove } from "./buffer";
import { Shape, blocks } from "./blocks";
import { fillOut, narrowOut, slot } from "./output";
import { CHUNK } from "./opcodes";
import { cosWave } from "./wave";
import { gaussians } from "./noise";
import { raise } from "./floor";

/** Rates from here on take the f64 passes: a cubic's other order of operations could stay finite. */
const NEAR_OVERFLOW: f64 = 1e300;

/** Value once s >= D (the cosine factor is frozen at its value for s = D). */
@inline function tailFactor(periods: f64): f64 {
  return 0.5 * (1.0 + Math.cos(2.0 * Math.PI * periods));
}

/**
 * Blocks of the product's cubic expansion (blocks.ts) into an f32 or f64 output, the f64 passes
 * below where a block does not fit (`tmp`: two CHUNK levels).
 */
export function linearCosine(
  out: usize, f32: bool, tmp: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
): void {
  const len = firstAtOrAbove(s0, o, d, n); // steps before D
  // |value at step 0| bounds the peak from below: 1e-6 of it is a safe floor
  const peak0 = Math.abs(lr * (alpha + 1.0 + beta));
  if (len > 0 && !(peak0 < NEAR_OVERFLOW)) {
    // rates near f64's limit: the passes overflow exactly where the formula does
    linearCosinePasses(tmp, tmp + (<usize>CHUNK << 3), len, s0, o, lr, d, periods, alpha, beta);
    narrowOut(out, f32, tmp, len);
  } else if (len > 0) {
    blocks(out, f32, len, s0, o, Shape.LinearCosine, lr, d, periods, alpha, beta, 1e-6 * peak0, tmp);
    raise(out, f32, len, lr * beta);
  }
  if (len < n) fillOut(slot(out, len, f32), f32, n - len, lr * (alpha * tailFactor(periods) + beta));
}

/** The same in f64 passes: out = the linear part, tmp = the cosine factor, then their product. */
export function linearCosinePasses(
  out: usize, tmp: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
): void {
  let i = 0;
  const len = firstAtOrAbove(s0, o, d, n); // steps before D
  if (len > 0) {
    // out = lr * (alpha + 1 - x / D), tmp = (1 + cos) / 2, then out = out * tmp + lr * beta
    affine(out, false, len, s0, o, lr * (alpha + 1.0), -lr / d);
    cosWave(tmp, false, len, s0, o, 0.5, 0.5, 2.0 * Math.PI * periods / d, 0.0, periods > 0.0 ? d / periods : 0.0);
    const vb = f64x2.splat(lr * beta);
    let j = 0;
    for (; j + 2 <= len; j += 2) {
      v128.store(at(out, j), f64x2.add(f64x2.mul(v128.load(at(out, j)), v128.load(at(tmp, j))), vb));
    }
    if (j < len) store<f64>(at(out, j), load<f64>(at(out, j)) * load<f64>(at(tmp, j)) + lr * beta);
    raise(out, false, len, lr * beta);
    i = len;
  }
  if (i < n) fillOut(at(out, i), false, n - i, lr * (alpha * tailFactor(periods) + beta));
}

/**
 * The noisy variant, as a pipeline of exact-or-anchored passes (each chunk-invariant):
 * tmp = the Gaussian samples of floor(step); out = lr * std(s) * sample, with
 * std(s) = sqrt(variance) (1 + s)^(-varianceDecay / 2); tmp = the cosine factor; then
 * out = (lr (alpha + linear) + out) * cosine + lr * beta.
 */
export function noisyLinearCosine(
  out: usize, tmp: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
  variance: f64, varianceDecay: f64, seed: u32,
): void {
  const m = firstAtOrAbove(s0, o, d, n); // steps before D
  const amp = lr * Math.sqrt(variance);
  const p = -0.5 * varianceDecay;
  gaussians(tmp, n, Math.floor(s0 - o), seed);
  if (m > 0) blocks(out, false, m, s0, o, Shape.Power, amp, 1.0, p, 1.0, 0.0, 1e-6 * amp);
  if (m < n) {
    blocks(at(out, m), false, 1, d, 0.0, Shape.Power, amp, 1.0, p, 1.0, 0.0, 1e-6 * amp); // the frozen std(D)
    fillOut(at(out, m + 1), false, n - m - 1, load<f64>(at(out, m)));
  }
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(at(out, i), f64x2.mul(v128.load(at(out, i)), v128.load(at(tmp, i))));
  if (i < n) store<f64>(at(out, i), load<f64>(at(out, i)) * load<f64>(at(tmp, i)));
  // tmp = cosine factor
  if (m > 0) cosWave(tmp, false, m, s0, o, 0.5, 0.5, 2.0 * Math.PI * periods / d, 0.0, periods > 0.0 ? d / periods : 0.0);
  if (m < n) fillOut(at(tmp, m), false, n - m, tailFactor(periods));
  // out = (lr (alpha + 1 - x / D) + noise) * cosine + lr * beta before D, lr * alpha in place of
  // the linear term after it
  const va = f64x2.splat(lr * (alpha + 1.0));
  const vb = f64x2.splat(-lr / d);
  const vo = f64x2.splat(o);
  const two = f64x2.splat(2.0);
  const floor = f64x2.splat(lr * beta);
  let s = f64x2(s0, s0 + 1.0);
  i = 0;
  for (; i + 2 <= m; i += 2) {
    const linear = f64x2.add(va, f64x2.mul(vb, f64x2.sub(s, vo)));
    v128.store(at(out, i), f64x2.add(f64x2.mul(f64x2.add(linear, v128.load(at(out, i))), v128.load(at(tmp, i))), floor));
    s = f64x2.add(s, two);
  }
  if (i < m) {
    const linear = lr * (alpha + 1.0) + (-lr / d) * ((s0 + <f64>i) - o);
    store<f64>(at(out, i), (linear + load<f64>(at(out, i))) * load<f64>(at(tmp, i)) + lr * beta);
    i += 1;
  }
  const tail = f64x2.splat(lr * alpha);
  for (; i + 2 <= n; i += 2) {
    v128.store(at(out, i), f64x2.add(f64x2.mul(f64x2.add(tail, v128.load(at(out, i))), v128.load(at(tmp, i))), floor));
  }
  if (i < n) store<f64>(at(out, i), (lr * alpha + load<f64>(at(out, i))) * load<f64>(at(tmp, i)) + lr * beta);
}
