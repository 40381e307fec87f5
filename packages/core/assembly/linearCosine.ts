// Linear cosine decay and its noisy variant (tf.keras 2 semantics), with s clamped to D:
//   lr * ((alpha + (D - s) / D + eps) * (1 + cos(2 pi periods s / D)) / 2 + beta)
// where eps = 0 for the plain variant and, for the noisy one, a Gaussian sample of variance
// initialVariance / (1 + s)^varianceDecay drawn from the counter-based generator.
import { at, affine, fill, firstAtOrAbove } from "./buffer";
import { cosWave } from "./wave";
import { gaussians } from "./noise";
import { Smooth, smooth } from "./smooth";

/** Value once s >= D (the cosine factor is frozen at its value for s = D). */
@inline function tailFactor(periods: f64): f64 {
  return 0.5 * (1.0 + Math.cos(2.0 * Math.PI * periods));
}

export function linearCosine(
  out: usize, tmp: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
): void {
  let i = 0;
  const len = firstAtOrAbove(s0, o, d, n); // steps before D
  if (len > 0) {
    // out = lr * (alpha + 1 - x / D), tmp = (1 + cos) / 2, then out = out * tmp + lr * beta
    affine(out, len, s0, o, lr * (alpha + 1.0), -lr / d);
    cosWave(tmp, len, s0, o, 0.5, 0.5, 2.0 * Math.PI * periods / d, 0.0, periods > 0.0 ? d / periods : 0.0);
    const vb = f64x2.splat(lr * beta);
    let j = 0;
    for (; j + 2 <= len; j += 2) {
      v128.store(at(out, j), f64x2.add(f64x2.mul(v128.load(at(out, j)), v128.load(at(tmp, j))), vb));
    }
    if (j < len) store<f64>(at(out, j), load<f64>(at(out, j)) * load<f64>(at(tmp, j)) + lr * beta);
    i = len;
  }
  if (i < n) fill(at(out, i), n - i, lr * (alpha * tailFactor(periods) + beta));
}

/**
 * The noisy variant, as a pipeline of exact-or-anchored passes (each chunk-invariant):
 * out = std(s) = sqrt(variance) (1 + s)^(-varianceDecay / 2), times the Gaussian sample of
 * floor(step); tmp = the cosine factor; then out = lr ((alpha + linear + eps) cosine + beta).
 */
export function noisyLinearCosine(
  out: usize, tmp: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
  variance: f64, varianceDecay: f64, seed: u32,
): void {
  const m = firstAtOrAbove(s0, o, d, n); // steps before D
  const sd = Math.sqrt(variance);
  if (m > 0) smooth(out, m, s0, o, Smooth.Power, sd, -1.0, -0.5 * varianceDecay, 0.0, sd);
  if (m < n) {
    smooth(tmp, 1, d, 0.0, Smooth.Power, sd, -1.0, -0.5 * varianceDecay, 0.0, sd); // std(D), computed alike
    fill(at(out, m), n - m, load<f64>(tmp));
  }
  gaussians(tmp, n, Math.floor(s0 - o), seed);
  let i = 0;
  for (; i + 2 <= n; i += 2) v128.store(at(out, i), f64x2.mul(v128.load(at(out, i)), v128.load(at(tmp, i))));
  if (i < n) store<f64>(at(out, i), load<f64>(at(out, i)) * load<f64>(at(tmp, i)));
  // tmp = cosine factor
  if (m > 0) cosWave(tmp, m, s0, o, 0.5, 0.5, 2.0 * Math.PI * periods / d, 0.0, periods > 0.0 ? d / periods : 0.0);
  if (m < n) fill(at(tmp, m), n - m, tailFactor(periods));
  const vlr = f64x2.splat(lr);
  const va = f64x2.splat(alpha);
  const vb = f64x2.splat(beta);
  const vd = f64x2.splat(d);
  const vo = f64x2.splat(o);
  const zero = f64x2.splat(0.0);
  const two = f64x2.splat(2.0);
  let s = f64x2(s0, s0 + 1.0);
  i = 0;
  for (; i + 2 <= n; i += 2) {
    const linear = f64x2.max(f64x2.div(f64x2.sub(vd, f64x2.sub(s, vo)), vd), zero);
    const inner = f64x2.add(va, f64x2.add(linear, v128.load(at(out, i))));
    v128.store(at(out, i), f64x2.mul(vlr, f64x2.add(f64x2.mul(inner, v128.load(at(tmp, i))), vb)));
    s = f64x2.add(s, two);
  }
  if (i < n) {
    const linear = Math.max((d - ((s0 + <f64>i) - o)) / d, 0.0);
    store<f64>(at(out, i), lr * ((alpha + (linear + load<f64>(at(out, i)))) * load<f64>(at(tmp, i)) + beta));
  }
}

// two f64 values each for one step's value and its scratch
const AT_SCRATCH = memory.data(32, 16);

/** One step of the noisy variant, computed by the kernel itself (for the host's at(step)). */
export function noisyLinearCosineAt(
  step: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64, variance: f64, varianceDecay: f64, seed: u32,
): f64 {
  noisyLinearCosine(AT_SCRATCH, AT_SCRATCH + 16, 1, step, 0.0, lr, d, periods, alpha, beta, variance, varianceDecay, seed);
  return load<f64>(AT_SCRATCH);
}
