// Linear cosine decay and its noisy variant (tf.keras 2 semantics), with s clamped to D:
//   lr * ((alpha + (D - s) / D + eps) * (1 + cos(2 pi periods s / D)) / 2 + beta)
// where eps = 0 for the plain variant and, for the noisy one, a Gaussian sample of variance
// initialVariance / (1 + s)^varianceDecay drawn from the counter-based generator.
import { at, affine, firstAtOrAbove } from "./buffer";
import { Shape, blocks } from "./blocks";
import { fillOut, narrowOut, slot, store1, store4 } from "./output";
import { F32_SAFE, vouch } from "./finite";
import { CHUNK } from "./opcodes";

const LEVEL: usize = <usize>CHUNK << 3;
import { cosWave } from "./wave";
import { gaussians, MAX_SAMPLE } from "./noise";
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
    blocks(out, f32, len, s0, o, Shape.LinearCosine, lr, d, periods, alpha, beta, 1e-6 * peak0, tmp, lr * beta);
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
 * The noisy variant: the Gaussian samples of floor(step), the noise's standard deviation
 * std(s) = sqrt(variance) (1 + s)^(-varianceDecay / 2) times lr (power blocks) and the cosine
 * factor (wave blocks), each in a level of `tmp` (three: the samples as f32, the others as f64),
 * then one pass that forms (lr (alpha + linear) + std * sample) * cosine + lr * beta in f64 and
 * stores it in the output's type; a bound on those terms proves the values finite.
 */
export function noisyLinearCosine(
  out: usize, f32: bool, tmp: usize, n: i32, s0: f64, o: f64, lr: f64, d: f64, periods: f64, alpha: f64, beta: f64,
  variance: f64, varianceDecay: f64, seed: u32,
): void {
  const m = firstAtOrAbove(s0, o, d, n); // steps before D
  const amp = lr * Math.sqrt(variance);
  const p = -0.5 * varianceDecay;
  const std = tmp, noise = tmp + LEVEL, wave = tmp + 2 * LEVEL;
  gaussians(noise, n, Math.floor(s0 - o), seed);
  if (m > 0) blocks(std, false, m, s0, o, Shape.Power, amp, 1.0, p, 1.0, 0.0, 1e-6 * amp);
  if (m < n) {
    blocks(at(std, m), false, 1, d, 0.0, Shape.Power, amp, 1.0, p, 1.0, 0.0, 1e-6 * amp); // the frozen std(D)
    fillOut(at(std, m + 1), false, n - m - 1, load<f64>(at(std, m)));
  }
  if (m > 0) cosWave(wave, false, m, s0, o, 0.5, 0.5, 2.0 * Math.PI * periods / d, 0.0, periods > 0.0 ? d / periods : 0.0);
  if (m < n) fillOut(at(wave, m), false, n - m, tailFactor(periods));
  if (f32) noisyPass<f32>(out, std, noise, wave, n, m, s0, o, lr, d, alpha, beta);
  else noisyPass<f64>(out, std, noise, wave, n, m, s0, o, lr, d, alpha, beta);
}

/**
 * out = (lr (alpha + 1 - x / D) + std * sample) * cosine + lr * beta before D, lr * alpha in
 * place of the linear term after it, as T.
 */
function noisyPass<T>(
  out: usize, std: usize, noise: usize, wave: usize, n: i32, m: i32, s0: f64, o: f64, lr: f64, d: f64, alpha: f64, beta: f64,
): void {
  const vb = f64x2.splat(-lr / d);
  const floor = f64x2.splat(lr * beta);
  let linear = f64x2.splat(lr * (alpha + 1.0));
  const vo = f64x2.splat(o);
  // exact positions: x = s - o is then rounded once, whatever the chunk (the second pair's
  // position is one add from the first's, so the only chain is one add per round)
  let s = f64x2(s0, s0 + 1.0);
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const s2 = f64x2.add(s, f64x2.splat(2.0));
    const v = noisyPair(f64x2.add(linear, f64x2.mul(vb, f64x2.sub(s, vo))), std, noise, wave, i, floor);
    const w = noisyPair(f64x2.add(linear, f64x2.mul(vb, f64x2.sub(s2, vo))), std, noise, wave, i + 2, floor);
    store4<T>(out, i, v, w);
    s = f64x2.add(s, f64x2.splat(4.0));
  }
  for (; i < m; i++) {
    store1<T>(out, i, noisyOne(lr * (alpha + 1.0) + (-lr / d) * ((s0 + <f64>i) - o), std, noise, wave, i, lr * beta));
  }
  linear = f64x2.splat(lr * alpha);
  for (; i + 4 <= n; i += 4) {
    const v = noisyPair(linear, std, noise, wave, i, floor);
    const w = noisyPair(linear, std, noise, wave, i + 2, floor);
    store4<T>(out, i, v, w);
  }
  for (; i < n; i++) store1<T>(out, i, noisyOne(lr * alpha, std, noise, wave, i, lr * beta));
  // every value is within the bound of its terms: the spread is monotone in s (so largest at an
  // end), |sample| < 5.77 and the cosine factor is within [0, 1] (1.01 for its rounding)
  const spread = Math.max(Math.abs(load<f64>(std)), Math.abs(load<f64>(at(std, n - 1))));
  const bound = (Math.abs(lr) * (Math.abs(alpha) + 1.0) + spread * MAX_SAMPLE) * 1.01 + Math.abs(lr * beta);
  if (bound < (sizeof<T>() == 4 ? F32_SAFE : NEAR_OVERFLOW)) vouch(out, <usize>n << alignof<T>());
}

@inline function noisyPair(linear: v128, std: usize, noise: usize, wave: usize, i: i32, floor: v128): v128 {
  const noisy = f64x2.mul(v128.load(at(std, i)), f64x2.promote_low_f32x4(v128.load64_zero(noise + (<usize>i << 2))));
  return f64x2.add(f64x2.mul(f64x2.add(linear, noisy), v128.load(at(wave, i))), floor);
}

@inline function noisyOne(linear: f64, std: usize, noise: usize, wave: usize, i: i32, floor: f64): f64 {
  return (linear + load<f64>(at(std, i)) * <f64>load<f32>(noise + (<usize>i << 2))) * load<f64>(at(wave, i)) + floor;
}
