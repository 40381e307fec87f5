import { Op, planNode } from "@lrsched/core";
import { decaySteps, fraction, initialLearningRate } from "../fields";
import { scheduleType } from "../scheduleType";
import { cosineFactor } from "./cosineDecay";

/**
 * Options of `cosinePower()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { cosinePower, type CosinePowerOptions } from "@lrsched/ts-api";
 * const options: CosinePowerOptions = { initialLearningRate: 0.1, decaySteps: 1000, alpha: 0.1, exponent: 2 };
 * cosinePower(options).at(1000); // → 0.01
 * ```
 */
export interface CosinePowerOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Floor as a fraction of initialLearningRate. Default 0. */
  readonly alpha?: number;
  /** Power of the half-cosine (> 0); 1 is cosineDecay. Default 1. */
  readonly exponent?: number;
}

/**
 * optax's `cosine_decay_schedule` with its `exponent`: with s = min(step, D),
 * `lr * ((1 - alpha) * ((1 + cos(pi s / D)) / 2)^exponent + alpha)`, flat at alpha * lr after D.
 * exponent > 1 drops sooner, < 1 holds the rate longer. Exponent 1 is cosineDecay (and its core
 * kernel); other exponents are evaluated in JS.
 */
export const cosinePowerType = scheduleType<CosinePowerOptions>({
  type: "cosinePower",
  summary: "Half-cosine raised to a power, from lr to alpha * lr over decaySteps (optax's exponent).",
  fields: {
    initialLearningRate,
    decaySteps,
    alpha: fraction("Floor, as a fraction of initialLearningRate.", 0),
    exponent: { kind: "number", doc: "Power of the half-cosine (> 0).", above: 0, default: 1 },
  },
  build: (o) => {
    const { initialLearningRate: lr, decaySteps: d, alpha, exponent } = o as Required<CosinePowerOptions>;
    if (exponent === 1) {
      return { at: (step) => lr * cosineFactor(Math.min(step, d), d, alpha), plan: planNode(Op.Cosine, [lr, d, alpha]) };
    }
    return {
      at(step) {
        const s = Math.min(step, d);
        const c = 0.5 * (1 + Math.cos((Math.PI * s) / d));
        return lr * ((1 - alpha) * c ** exponent + alpha);
      },
      plan: null,
    };
  },
});

/**
 * optax's cosine decay with an `exponent`: the half cosine raised to a power, from lr down to alpha * lr over decaySteps.
 *
 * @example
 * ```ts
 * import { cosinePower } from "@lrsched/ts-api";
 * const s = cosinePower({ initialLearningRate: 0.1, decaySteps: 100, exponent: 2 });
 * s.at(50); // → 0.025
 * s.at(100); // → 0
 * ```
 */
export const cosinePower = (options: CosinePowerOptions) => cosinePowerType.create(options);
