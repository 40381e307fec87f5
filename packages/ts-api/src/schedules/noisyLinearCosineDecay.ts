import { Op, gaussianSource, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, kerasName } from "../fields";
import { scheduleType } from "../scheduleType";
import { linearAlpha, linearBeta, numPeriods, periodicCosine } from "./linearCosineDecay";

/**
 * Options of `noisyLinearCosineDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { noisyLinearCosineDecay, type NoisyLinearCosineDecayOptions } from "@lrsched/ts-api";
 * const options: NoisyLinearCosineDecayOptions = { initialLearningRate: 0.1, decaySteps: 1000, initialVariance: 0, seed: 1 };
 * noisyLinearCosineDecay(options).at(0); // → 0.1001
 * ```
 */
export interface NoisyLinearCosineDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Variance of the noise at step 0. Default 1. */
  readonly initialVariance?: number;
  /** Exponent of the variance's decay. Default 0.55. */
  readonly varianceDecay?: number;
  readonly numPeriods?: number;
  readonly alpha?: number;
  readonly beta?: number;
  /** Seed of the counter-based noise (uint32). Default 0. */
  readonly seed?: number;
  readonly name?: string | null;
}

/**
 * tf.keras 2 `NoisyLinearCosineDecay`: linear cosine decay with Gaussian noise `eps` added to the
 * linear factor, `lr * ((alpha + (D - s) / D + eps) * (1 + cos(2 pi numPeriods s / D)) / 2 + beta)`,
 * `s = min(step, D)`, `eps ~ N(0, initialVariance / (1 + s)^varianceDecay)`.
 *
 * Noise model: Keras draws fresh noise per call; here eps is a deterministic function of
 * (seed, floor(step)), so any chunk of a curve can be computed on its own and `at(step)` adds the
 * same sample as `curve()`. Steps 2k and 2k + 1 share one pair of 32-bit words, SplitMix32 at
 * the counter k for a key made from the seed; Box-Muller (in f32) turns the pair into two
 * independent standard normals, R cos(theta) for the even step and R sin(theta) for the odd one,
 * with R = sqrt(-2 ln u1), u1 = (2 j + 1) 2^-24 for the first word's top 23 bits j (so
 * |z| < 5.77), and theta = q pi/2 + r, q the top two bits of the second word and r its next 23
 * bits spread over (-pi/4, pi/4) (`gaussianSource` in @lrsched/core);
 * eps = z * sqrt(initialVariance) * (1 + s)^(-varianceDecay / 2). The noise can make the rate
 * negative, as in Keras.
 */
export const noisyLinearCosineDecayType = /* @__PURE__ */ scheduleType<NoisyLinearCosineDecayOptions>({
  type: "noisyLinearCosineDecay",
  summary: "Linear cosine decay plus seeded Gaussian noise with decaying variance.",
  fields: {
    initialLearningRate,
    decaySteps,
    initialVariance: { kind: "number", doc: "Variance of the noise at step 0.", min: 0, default: 1 },
    varianceDecay: { kind: "number", doc: "Exponent of the variance's decay.", min: 0, default: 0.55 },
    numPeriods,
    alpha: linearAlpha,
    beta: linearBeta,
    seed: { kind: "number", doc: "Seed of the counter-based noise (0 .. 2^32 - 1).", integer: true, min: 0, max: 0xffffffff, default: 0 },
    name: kerasName,
  },
  // seed is tf-keras's own config key: exported, so a Keras round trip keeps the curve
  keras: { className: "NoisyLinearCosineDecay", defaultName: null },
  build: (o) => {
    const { initialLearningRate: lr, decaySteps: d, initialVariance, varianceDecay, numPeriods: periods, alpha, beta, seed } =
      o as Required<NoisyLinearCosineDecayOptions>;
    const sd = Math.sqrt(initialVariance);
    const noise = gaussianSource(seed);
    return {
      at(step) {
        const s = Math.min(step, d);
        const eps = sd * Math.exp(-0.5 * varianceDecay * Math.log(1 + s)) * noise(Math.floor(step)); // (1 + s)^(-vd / 2)
        return lr * ((alpha + ((d - s) / d + eps)) * periodicCosine(s, d, periods) + beta);
      },
      plan: planNode(Op.NoisyLinearCosine, [lr, d, periods, alpha, beta, initialVariance, varianceDecay, seed]),
    };
  },
});

/**
 * tf.keras 2 `NoisyLinearCosineDecay`: linear cosine decay plus seeded Gaussian noise whose variance decays.
 *
 * @example
 * ```ts
 * import { noisyLinearCosineDecay } from "@lrsched/ts-api";
 * const s = noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, seed: 7 });
 * // at() and curve() add the same noise: the values agree to the core's 1e-6 accuracy
 * Math.abs(s.at(500) - s.curve(1, { start: 500, dtype: "float64" })[0]) < 1e-7; // → true
 * ```
 */
export const noisyLinearCosineDecay = (options: NoisyLinearCosineDecayOptions) =>
  noisyLinearCosineDecayType.create(options);
