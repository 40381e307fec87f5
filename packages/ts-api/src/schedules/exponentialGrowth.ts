import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, staircase } from "../fields";
import { scheduleType } from "../scheduleType";

export interface ExponentialGrowthOptions {
  readonly initialLearningRate: number;
  /** Steps over which the rate grows by growthRate. */
  readonly growthSteps: number;
  /** Factor per growthSteps steps (>= 1). */
  readonly growthRate: number;
  readonly staircase?: boolean;
  /** The rate never exceeds this. */
  readonly maxLr: number;
}

/**
 * `min(lr * growthRate^(step / growthSteps), maxLr)` (the exponent floored when `staircase`):
 * optax's exponential_decay with a decay rate above 1 and its end_value as the cap. The cap holds
 * at every step, so the schedule never ends (uncapped growth is exponentialDecay with a decayRate
 * above 1, which ends before its rate leaves float64).
 */
export const exponentialGrowthType = scheduleType<ExponentialGrowthOptions>({
  type: "exponentialGrowth",
  summary: "min(lr * growthRate^(step / growthSteps), maxLr), optionally floored (staircase).",
  fields: {
    initialLearningRate,
    growthSteps: { ...decaySteps, doc: "Steps over which the rate grows by growthRate." },
    growthRate: { kind: "number", doc: "Factor per growthSteps steps (>= 1).", min: 1 },
    staircase: { ...staircase, doc: "Grow at discrete intervals: use floor(step / growthSteps)." },
    maxLr: { kind: "number", doc: "Cap on the rate.", min: 0 },
  },
  build: (o) => {
    const { initialLearningRate: lr, growthSteps: d, growthRate: rate, staircase: stair, maxLr } = o as Required<ExponentialGrowthOptions>;
    const k = Math.log(rate);
    return {
      at(step) {
        const p = stair ? Math.floor(step / d) : step / d;
        return Math.min(lr * Math.exp(k * p), maxLr);
      },
      plan: planNode(Op.Clamp, [0, maxLr], [planNode(Op.Exponential, [lr, d, k, stair ? 1 : 0])]),
    };
  },
});

export const exponentialGrowth = (options: ExponentialGrowthOptions) => exponentialGrowthType.create(options);
