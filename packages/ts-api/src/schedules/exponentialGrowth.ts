import { Op, planNode } from "@lrsched/core";
import { decaySteps, initialLearningRate, staircase } from "../fields";
import { planOf } from "../ramp";
import { MAX_STEP } from "../schedule";
import { scheduleType } from "../scheduleType";

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
 * the schedule is defined up to the last step whose rate is finite.
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
    let maxStep = Infinity;
    if (maxLr === null && k > 0 && lr > 0) {
      // the last step whose rate lr * exp(k p) is finite: bisect between a finite and an overflowing step
      const finite = (step: number) => Number.isFinite(lr * Math.exp(k * (stair ? Math.floor(step / d) : step / d)));
      const estimate = ((Math.log(Number.MAX_VALUE) - Math.log(lr)) / k) * d;
      if (estimate < MAX_STEP / 2) {
        let lo = 0;
        let hi = Math.ceil(estimate + d) + 1;
        while (finite(hi) && hi < MAX_STEP) hi *= 2;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (finite(mid)) lo = mid;
          else hi = mid;
        }
        maxStep = lo;
      }
    }
    const grow = planNode(Op.Exponential, [lr, d, k, stair ? 1 : 0]);
    return {
      at(step) {
        const p = stair ? Math.floor(step / d) : step / d;
        return Math.min(lr * Math.exp(k * p), cap);
      },
      plan: maxLr === null ? grow : planOf(Op.Clamp, [0, cap], [grow]),
      maxStep,
    };
  },
});

export const exponentialGrowth = (options: ExponentialGrowthOptions) => exponentialGrowthType.create(options);
