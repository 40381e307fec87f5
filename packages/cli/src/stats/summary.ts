// Summary numbers of a curve, computed in two streaming passes (the peak, then the time spent near it).
import type { Schedule } from "@lrsched/ts-api";
import { sampled, type Sampling } from "../sample";

/**
 * What `lrsched compare` reports of a curve: rates at chosen steps, mean, area, peak, minimum, and the steps near the peak.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { summarize, type Summary } from "@lrsched/cli";
 * const s: Summary = summarize(constant({ value: 0.1 }), { start: 0, steps: 100, every: 1 }, [0], 0.5);
 * [s.peak, s.area, s.stepsAbove]; // → [0.1, 10, 100]
 * ```
 */
export interface Summary {
  /** Rate at each requested step. */
  readonly at: readonly number[];
  readonly mean: number;
  /** Sum of the rate over the steps (each sample stands for `every` steps): the total "learning budget". */
  readonly area: number;
  readonly peak: number;
  readonly min: number;
  /** Steps whose rate is at least `threshold` x peak. */
  readonly stepsAbove: number;
}

/**
 * Summary numbers of a sampled curve, in two streaming passes.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { summarize } from "@lrsched/cli";
 * const s = summarize(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), { start: 0, steps: 101, every: 1 }, [50], 0.5);
 * s.at; // → [0.05]
 * s.stepsAbove; // → 51
 * ```
 */
export function summarize(schedule: Schedule, s: Sampling, atSteps: readonly number[], threshold: number): Summary {
  // compensated (Neumaier) summation: a billion small terms keep their digits
  let sum = 0;
  let carry = 0;
  let n = 0;
  let peak = -Infinity;
  let min = Infinity;
  for (const { values } of sampled(schedule, s, "float64")) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const t = sum + v;
      carry += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
      sum = t;
      if (v > peak) peak = v;
      if (v < min) min = v;
    }
    n += values.length;
  }
  sum += carry;
  const cut = threshold * peak;
  let above = 0;
  for (const { values } of sampled(schedule, s, "float64")) {
    for (let i = 0; i < values.length; i++) if (values[i] >= cut) above++;
  }
  const one = new Float64Array(1);
  return {
    at: atSteps.map((step) => schedule.curve(1, { start: step, out: one })[0]),
    mean: sum / n,
    area: sum * s.every,
    peak,
    min,
    stepsAbove: above * s.every,
  };
}
