// Linear cosine decay and its noisy variant (tf.keras 2 semantics), with s clamped to D:
//   lr * ((alpha + (D - s) / D + eps) * (1 + cos(2 pi periods s / D)) / 2 + beta)
// where eps = 0 for the plain variant and, for the noisy one, a Gaussian sample of variance
// initialVariance / (1 + s)^varianceDecay drawn from the counter-based generator.
import { at, affine, fill } from "./buffer";
import { cosWave } from "./wave";
import { gaussian } from "./noise";

/** Value once s >= D (the cosine factor is frozen at its value for s = D). */
@inline function tailFactor(periods: f64): f64 {
  return 0.5 * (1.0 + Math.cos(2.0 * Math.PI * periods));
}

export function linearCosine(
  out: usize, tmp: usize, n: i32, s0: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
): void {
  let i = 0;
  if (s0 < d) {
    const len = <i32>Math.min(<f64>n, Math.ceil(d - s0));
    // out = lr * (alpha + 1 - s / D), tmp = (1 + cos) / 2, then out = out * tmp + lr * beta
    affine(out, len, s0, lr * (alpha + 1.0), -lr / d);
    cosWave(tmp, len, s0, 0.5, 0.5, 2.0 * Math.PI * periods / d, 0.0);
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

/** One step of the noisy variant; the kernel and the host's at(step) both call this. */
export function noisyLinearCosineAt(
  step: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64, variance: f64, varianceDecay: f64, seed: u32,
): f64 {
  const s = Math.min(step, d);
  const std = Math.sqrt(variance / Math.pow(1.0 + s, varianceDecay));
  const eps = std * gaussian(seed, Math.floor(step));
  const cosine = 0.5 * (1.0 + Math.cos(Math.PI * (2.0 * periods * (s / d))));
  return lr * ((alpha + (d - s) / d + eps) * cosine + beta);
}

export function noisyLinearCosine(
  out: usize, n: i32, s0: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
  variance: f64, varianceDecay: f64, seed: u32,
): void {
  for (let i = 0; i < n; i++) {
    store<f64>(at(out, i), noisyLinearCosineAt(s0 + <f64>i, lr, d, periods, alpha, beta, variance, varianceDecay, seed));
  }
}
