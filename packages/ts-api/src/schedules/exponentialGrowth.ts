import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, staircase } from "../fields";
import { inRange, lastStepWhere } from "../lastStep";
import { planOf } from "../ramp";
import { MAX_STEP } from "../schedule";
import { scheduleType } from "../scheduleType";

/**
 * Options of `exponentialGrowth()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { exponentialGrowth, type ExponentialGrowthOptions } from "@lrsched/ts-api";
 * const options: ExponentialGrowthOptions = { initialLearningRate: 1e-6, growthSteps: 100, growthRate: 10, staircase: true };
 * exponentialGrowth(options).at(250); // → 1e-4
 * ```
 */
export interface ExponentialGrowthOptions {
  readonly initialLearningRate: number;
  /** Steps over which the rate grows by growthRate. */
  readonly growthSteps: number;
  /** Factor per growthSteps steps (>= 1). */
  readonly growthRate: number;
  readonly staircase?: boolean;
  /** Cap on the rate; null for none (the schedule then ends before the rate overflows). */
  readonly maxLr?: number | null;
}

/**
 * `lr * growthRate^(step / growthSteps)` (the exponent floored when `staircase`), capped at `maxLr`:
 * optax's exponential_decay with a decay rate above 1 and its end_value as the cap. Without a cap
 * the schedule is defined up to the last step whose rate is at most 1e300.
 */
export const exponentialGrowthType = scheduleType<ExponentialGrowthOptions>({
  type: "exponentialGrowth",
  summary: "lr * growthRate^(step / growthSteps), optionally floored (staircase) and capped at maxLr.",
  fields: {
    initialLearningRate,
    growthSteps: { ...decaySteps, doc: "Steps over which the rate grows by growthRate (>= 1)." },
    growthRate: { kind: "number", doc: "Factor per growthSteps steps (>= 1).", min: 1 },
    staircase: { ...staircase, doc: "Grow at discrete intervals: use floor(step / growthSteps)." },
    maxLr: { kind: "nullableNumber", doc: "Cap on the rate (null: none).", min: 0, default: null },
  },
  build: (o) => {
    const { initialLearningRate: lr, growthSteps: d, growthRate: rate, staircase: stair, maxLr } = o as Required<ExponentialGrowthOptions>;
    const k = Math.log(rate);
    const cap = maxLr ?? Infinity;
    const at = (step: number) => Math.min(lr * Math.exp(k * (stair ? Math.floor(step / d) : step / d)), cap);
    // uncapped growth ends (maxStep) at the last step whose rate is at most LARGEST_RATE, as every
    // growing schedule does: beyond it the rate soon leaves float64
    const maxStep = maxLr === null && k > 0 && lr > 0 ? (lastStepWhere((step) => inRange(at(step)), MAX_STEP) ?? Infinity) : Infinity;
    const grow = planNode(Op.Exponential, [lr, d, k, stair ? 1 : 0]);
    return {
      at,
      plan: maxLr === null ? grow : planOf(Op.Clamp, [0, cap], [grow]),
      maxStep,
    };
  },
});

/**
 * Exponential growth, `lr * growthRate^(step / growthSteps)`, capped at `maxLr`: the learning-rate range test's sweep.
 *
 * @example
 * ```ts
 * import { exponentialGrowth } from "@lrsched/ts-api";
 * const s = exponentialGrowth({ initialLearningRate: 0.001, growthSteps: 100, growthRate: 10, maxLr: 1 });
 * s.at(200); // → 0.1
 * s.at(1000); // → 1
 * ```
 */
export const exponentialGrowth = (options: ExponentialGrowthOptions) => exponentialGrowthType.create(options);
