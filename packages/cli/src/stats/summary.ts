// Summary numbers of a curve, computed in two streaming passes (the peak, then the time spent near it).
import type { Schedule } from "@lrsched/ts-api";
import { sampled, type Sampling } from "../sample";

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
