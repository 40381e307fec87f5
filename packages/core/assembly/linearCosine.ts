// Linear cosine decay and its noisy variant (tf.keras 2 semantics), with s clamped to D:
//   lr * ((alpha + (D - s) / D + eps) * (1 + cos(2 pi periods s / D)) / 2 + beta)
// where eps = 0 for the plain variant and, for the noisy one, a Gaussian sample of variance
// initialVariance / (1 + s)^varianceDecay drawn from the counter-based generator.
import { at, affine, fill } from "./buffer";
import { cosWave } from "./wave";
import { uniform1, uniform2, vgaussian } from "./noise";
import { vcos, vpow } from "./vmath";

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

/** Two steps (s0, s0 + 1) of the noisy variant, computed lane-wise. */
@inline function noisyPair(
  s0: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64, variance: f64, varianceDecay: f64, seed: u32,
): v128 {
  const step = f64x2(s0, s0 + 1.0);
  const s = f64x2.min(step, f64x2.splat(d));
  const u1 = f64x2(uniform1(seed, Math.floor(s0)), uniform1(seed, Math.floor(s0) + 1.0));
  const u2 = f64x2(uniform2(seed, Math.floor(s0)), uniform2(seed, Math.floor(s0) + 1.0));
  // std = sqrt(variance / (1 + s)^varianceDecay)
  const std = f64x2.sqrt(f64x2.mul(f64x2.splat(variance), vpow(f64x2.add(f64x2.splat(1.0), s), -varianceDecay)));
  const eps = f64x2.mul(std, vgaussian(u1, u2));
  const frac = f64x2.div(s, f64x2.splat(d));
  const cosine = f64x2.mul(f64x2.splat(0.5), f64x2.add(f64x2.splat(1.0), vcos(f64x2.mul(f64x2.splat(Math.PI * 2.0 * periods), frac))));
  const linear = f64x2.div(f64x2.sub(f64x2.splat(d), s), f64x2.splat(d));
  const inner = f64x2.add(f64x2.mul(f64x2.add(f64x2.add(f64x2.splat(alpha), linear), eps), cosine), f64x2.splat(beta));
  return f64x2.mul(f64x2.splat(lr), inner);
}

/** One step of the noisy variant (lane 0 of the pair), for the host's at(step). */
export function noisyLinearCosineAt(
  step: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64, variance: f64, varianceDecay: f64, seed: u32,
): f64 {
  return f64x2.extract_lane(noisyPair(step, lr, d, periods, alpha, beta, variance, varianceDecay, seed), 0);
}

export function noisyLinearCosine(
  out: usize, n: i32, s0: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
  variance: f64, varianceDecay: f64, seed: u32,
): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    v128.store(at(out, i), noisyPair(s0 + <f64>i, lr, d, periods, alpha, beta, variance, varianceDecay, seed));
  }
  if (i < n) store<f64>(at(out, i), noisyLinearCosineAt(s0 + <f64>i, lr, d, periods, alpha, beta, variance, varianceDecay, seed));
}
