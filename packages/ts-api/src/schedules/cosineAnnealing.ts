import { initialLearningRate, learningRate } from "../fields";
import { ramp, rampPlan } from "../ramp";
import { scheduleType } from "../scheduleType";

/**
 * Options of `cosineAnnealing()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { cosineAnnealing, type CosineAnnealingOptions } from "@lrsched/ts-api";
 * const options: CosineAnnealingOptions = { initialLearningRate: 0.1, tMax: 100, etaMin: 0.001 };
 * cosineAnnealing(options).at(0); // → 0.1
 * ```
 */
export interface CosineAnnealingOptions {
  /** Rate at step 0 (PyTorch's base_lr). */
  readonly initialLearningRate: number;
  /** Half period: the rate reaches etaMin at tMax. */
  readonly tMax: number;
  /** Lowest rate. Default 0. */
  readonly etaMin?: number;
}

/**
 * The closed form of PyTorch's CosineAnnealingLR: `etaMin + (lr - etaMin) * (1 + cos(pi * s / tMax)) / 2`
 * for every step — unlike Keras's cosineDecay it is not held at the floor after tMax, it rises
 * again (as PyTorch's scheduler does when stepped past T_max).
 */
export const cosineAnnealingType = /* @__PURE__ */ scheduleType<CosineAnnealingOptions>({
  type: "cosineAnnealing",
  summary: "PyTorch CosineAnnealingLR's closed form: a cosine wave between lr and etaMin (rises after tMax).",
  fields: {
    initialLearningRate,
    tMax: { kind: "number", doc: "Steps from the peak to etaMin (>= 1).", min: 1 },
    etaMin: learningRate("Lowest rate.", 0),
  },
  build: (o) => {
    const { initialLearningRate: lr, tMax, etaMin } = o as Required<CosineAnnealingOptions>;
    return {
      at: ramp("cosine", lr, etaMin, tMax),
      plan: rampPlan("cosine", lr, etaMin, tMax),
    };
  },
});

/**
 * PyTorch `CosineAnnealingLR` in closed form: a cosine wave between lr and etaMin that rises again after tMax.
 *
 * @example
 * ```ts
 * import { cosineAnnealing } from "@lrsched/ts-api";
 * const s = cosineAnnealing({ initialLearningRate: 0.1, tMax: 100, etaMin: 0.01 });
 * s.at(100); // → 0.01
 * s.at(200); // → 0.1
 * ```
 */
export const cosineAnnealing = (options: CosineAnnealingOptions) => cosineAnnealingType.create(options);
