import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, kerasName, staircase } from "../fields";
import { scheduleType } from "../scheduleType";

export interface ExponentialDecayOptions {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Factor applied per `decaySteps` steps, in (0, 1]. */
  readonly decayRate: number;
  readonly staircase?: boolean;
  readonly name?: string | null;
}

/**
 * Keras `ExponentialDecay`: `initialLearningRate * decayRate ^ (step / decaySteps)`, the exponent
 * floored when `staircase`. The seed's example, `exponentialDecay({initialLearningRate: 0.15,
 * decaySteps: 100000, decayRate: 0.8, staircase: true})`, gives 0.15 up to step 99999 and 0.12
 * from step 100000.
 */
export const exponentialDecayType = /* @__PURE__ */ scheduleType<ExponentialDecayOptions>({
  type: "exponentialDecay",
  summary: "lr * decayRate^(step / decaySteps), optionally floored (staircase).",
  fields: {
    initialLearningRate,
    decaySteps,
    decayRate: { kind: "number", doc: "Factor applied per decaySteps steps, in (0, 1]: a decay never grows (and so never overflows).", above: 0, max: 1 },
    staircase,
    name: kerasName,
  },
  keras: { className: "ExponentialDecay", defaultName: "ExponentialDecay" },
  build: ({ initialLearningRate: lr, decaySteps: d, decayRate: rate, staircase: stair }) => {
    // rate^p as exp(p ln rate): the same value to ~|p ln rate| ulps, and several times faster
    const k = Math.log(rate);
    return {
      at(step) {
        const p = stair ? Math.floor(step / d) : step / d;
        return lr * Math.exp(k * p);
      },
      plan: planNode(Op.Exponential, [lr, d, k, stair ? 1 : 0]),
    };
  },
});

export const exponentialDecay = (options: ExponentialDecayOptions) => exponentialDecayType.create(options);
