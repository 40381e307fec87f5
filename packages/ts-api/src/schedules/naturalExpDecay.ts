import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, staircase } from "../fields";
import { scheduleType } from "../scheduleType";

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

export const naturalExpDecay = (options: NaturalExpDecayOptions) => naturalExpDecayType.create(options);
