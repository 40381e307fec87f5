import { Op, planNode } from "@lrsched/core";
import { LrschedError } from "../errors";
import { decaySteps, initialLearningRate, learningRate } from "../fields";
import { power } from "../power";
import { scheduleType } from "../scheduleType";

/**
 * Options of `kDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { kDecay, type KDecayOptions } from "@lrsched/ts-api";
 * const options: KDecayOptions = { initialLearningRate: 0.1, decaySteps: 1000, k: 0.5, minLr: 0.001 };
 * kDecay(options).at(0); // → 0.1
 * ```
 */
export interface KDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Exponent of the phase (> 0); 1 is plain cosine. Default 1. */
  readonly k?: number;
  /** Rate at and after decaySteps. Default 0. */
  readonly minLr?: number;
}

/**
 * timm's k-decay cosine: `minLr + (lr - minLr) * (1 + cos(pi * (s / D)^k)) / 2` for s < D, minLr
 * after. k > 1 holds the rate high for longer before it falls; k < 1 drops it sooner.
 */
export const kDecayType = /* @__PURE__ */ scheduleType<KDecayOptions>({
  type: "kDecay",
  summary: "Cosine decay whose phase runs as (step / decaySteps)^k (timm's k-decay).",
  fields: {
    initialLearningRate,
    decaySteps,
    k: { kind: "number", doc: "Exponent of the phase (> 0).", above: 0, default: 1 },
    minLr: learningRate("Rate at and after decaySteps.", 0),
  },
  build: (o, path) => {
    const { initialLearningRate: lr, decaySteps: d, k, minLr } = o as Required<KDecayOptions>;
    if (minLr > lr) throw new LrschedError(path("minLr"), `must be <= initialLearningRate (${lr})`, minLr);
    return {
      at: (step) => (step < d ? minLr + 0.5 * (lr - minLr) * (1 + Math.cos(Math.PI * power(step / d, k))) : minLr),
      plan: planNode(Op.KDecay, [lr, d, k, minLr]),
    };
  },
});

/**
 * timm's k-decay cosine: the cosine's phase runs as (step / decaySteps)^k, holding the rate high for k > 1.
 *
 * @example
 * ```ts
 * import { kDecay } from "@lrsched/ts-api";
 * const s = kDecay({ initialLearningRate: 0.1, decaySteps: 1000, k: 2 });
 * s.at(500) > 0.05; // → true
 * s.at(1000); // → 0
 * ```
 */
export const kDecay = (options: KDecayOptions) => kDecayType.create(options);
