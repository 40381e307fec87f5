import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, staircase } from "../fields";
import { scheduleType } from "../scheduleType";

/**
 * Options of `naturalExpDecay()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { naturalExpDecay, type NaturalExpDecayOptions } from "@lrsched/ts-api";
 * const options: NaturalExpDecayOptions = { initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 };
 * naturalExpDecay(options).at(0); // → 0.1
 * ```
 */
export interface NaturalExpDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Rate in the exponent (>= 0). */
  readonly decayRate: number;
  readonly staircase?: boolean;
}

/**
 * TensorFlow 1's `natural_exp_decay`: `initialLearningRate * exp(-decayRate * step / decaySteps)`,
 * the quotient floored when `staircase`. Keras has no class for it: `toKeras()` throws, export a spec.
 */
export const naturalExpDecayType = /* @__PURE__ */ scheduleType<NaturalExpDecayOptions>({
  type: "naturalExpDecay",
  summary: "lr * exp(-decayRate * step / decaySteps), optionally floored (staircase).",
  fields: {
    initialLearningRate,
    decaySteps,
    decayRate: { kind: "number", doc: "Rate in the exponent (>= 0).", min: 0 },
    staircase,
  },
  build: ({ initialLearningRate: lr, decaySteps: d, decayRate: rate, staircase: stair }) => ({
    at(step) {
      const p = stair ? Math.floor(step / d) : step / d;
      return lr * Math.exp(-rate * p);
    },
    plan: planNode(Op.Exponential, [lr, d, -rate, stair ? 1 : 0]),
  }),
});

/**
 * TensorFlow 1's `natural_exp_decay`: `lr * exp(-decayRate * step / decaySteps)`, floored when `staircase`.
 *
 * @example
 * ```ts
 * import { naturalExpDecay } from "@lrsched/ts-api";
 * const s = naturalExpDecay({ initialLearningRate: 0.5, decaySteps: 10, decayRate: 0.9, staircase: true });
 * s.at(9); // → 0.5
 * s.at(10); // → 0.2033
 * ```
 */
export const naturalExpDecay = (options: NaturalExpDecayOptions) => naturalExpDecayType.create(options);
