import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, kerasName } from "../fields";
import type { NumberField } from "../options";
import { scheduleType } from "../scheduleType";

/**
 * Options of `linearCosineDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { linearCosineDecay, type LinearCosineDecayOptions } from "@lrsched/ts-api";
 * const options: LinearCosineDecayOptions = { initialLearningRate: 0.1, decaySteps: 1000, numPeriods: 2 };
 * linearCosineDecay(options).at(0); // → 0.1001
 * ```
 */
export interface LinearCosineDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Periods of the cosine factor over decaySteps. Default 0.5. */
  readonly numPeriods?: number;
  /** Default 0. */
  readonly alpha?: number;
  /** Default 0.001. */
  readonly beta?: number;
  readonly name?: string | null;
}

export const numPeriods: NumberField = { kind: "number", doc: "Cosine periods over decaySteps (0 .. 1e6).", min: 0, max: 1e6, default: 0.5 };
export const linearAlpha: NumberField = { kind: "number", doc: "Added to the linear factor.", min: 0, default: 0 };
export const linearBeta: NumberField = { kind: "number", doc: "Added to the product (a floor, times lr).", min: 0, default: 0.001 };

/** (1 + cos(2 pi periods s / D)) / 2 for s in [0, D]. */
export const periodicCosine = (s: number, d: number, periods: number) =>
  0.5 * (1 + Math.cos(Math.PI * (2 * periods * (s / d))));

/**
 * tf.keras 2 `LinearCosineDecay` (Bello et al. 2017): with `s = min(step, D)`,
 * `lr * ((alpha + (D - s) / D) * (1 + cos(2 pi numPeriods s / D)) / 2 + beta)`.
 */
export const linearCosineDecayType = /* @__PURE__ */ scheduleType<LinearCosineDecayOptions>({
  type: "linearCosineDecay",
  summary: "Linear decay times a cosine with numPeriods periods, plus beta (Bello et al.).",
  fields: { initialLearningRate, decaySteps, numPeriods, alpha: linearAlpha, beta: linearBeta, name: kerasName },
  keras: { className: "LinearCosineDecay", defaultName: null },
  build: (o) => {
    const { initialLearningRate: lr, decaySteps: d, numPeriods: periods, alpha, beta } =
      o as Required<LinearCosineDecayOptions>;
    return {
      at(step) {
        const s = Math.min(step, d);
        return lr * ((alpha + (d - s) / d) * periodicCosine(s, d, periods) + beta);
      },
      plan: planNode(Op.LinearCosine, [lr, d, periods, alpha, beta]),
    };
  },
});

/**
 * tf.keras 2 `LinearCosineDecay` (Bello et al.): a linear decay times a cosine with numPeriods periods, plus beta.
 *
 * @example
 * ```ts
 * import { linearCosineDecay } from "@lrsched/ts-api";
 * const s = linearCosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 });
 * s.at(0); // → 0.1001
 * s.at(1000); // → 0.0001
 * ```
 */
export const linearCosineDecay = (options: LinearCosineDecayOptions) => linearCosineDecayType.create(options);
