// The default sweep: seven common schedules and the plateau policy at the same peak rate. Step counts are relative
// ({"fraction": f} of the run, {"epochs": n}), so any run length keeps the shapes.
import type { ScheduleEntry } from "../sweep/schedules";

/**
 * Peak rate of every schedule of {@link defaultSchedules}, chosen on the built-in MNIST MLP: between
 * the range test's valley and steepest suggestions.
 *
 * @example
 * ```ts
 * import { DEFAULT_PEAK, defaultSchedules } from "@lrsched/explore";
 * DEFAULT_PEAK; // → 0.05
 * defaultSchedules()[0]; // → { label: "constant", spec: { type: "constant", value: 0.05 } }
 * ```
 */
export const DEFAULT_PEAK = 0.05;

const all = { fraction: 1 };

/**
 * The schedules a sweep compares when given none: constant, step, exponential, cosine, warm-up +
 * cosine, cyclic, one-cycle and the plateau policy (reduce by 0.2 after `patience` epochs without a
 * 1 % better validation loss), all peaking at `peak` (default {@link DEFAULT_PEAK}; `patience`
 * default 5). Step counts are relative to the run, so any length keeps the shapes.
 *
 * @example
 * ```ts
 * import { defaultSchedules } from "@lrsched/explore";
 * const entries = defaultSchedules(0.1, 3);
 * entries.map((e) => e.label); // → ["constant", "step", "exponential", "cosine", "warm-up + cosine", "cyclic", "one-cycle", "plateau"]
 * entries[7]; // → { label: "plateau", plateau: { lr: 0.1, factor: 0.2, threshold: 0.01, patience: 3 } }
 * ```
 */
export function defaultSchedules(peak = DEFAULT_PEAK, patience = 5): ScheduleEntry[] {
  return [
    { label: "constant", spec: { type: "constant", value: peak } },
    { label: "step", spec: { type: "piecewiseConstantDecay", boundaries: [{ fraction: 0.5 }, { fraction: 0.75 }], values: [peak, peak / 10, peak / 100] } },
    { label: "exponential", spec: { type: "exponentialDecay", initialLearningRate: peak, decaySteps: all, decayRate: 0.01 } },
    { label: "cosine", spec: { type: "cosineDecay", initialLearningRate: peak, decaySteps: all } },
    { label: "warm-up + cosine", spec: { type: "warmupCosine", learningRate: peak, warmupSteps: { fraction: 0.1 }, totalSteps: all } },
    { label: "cyclic", spec: { type: "cyclic", baseLr: peak / 10, maxLr: peak, stepSizeUp: { fraction: 0.125 }, mode: "triangular2" } },
    { label: "one-cycle", spec: { type: "oneCycle", maxLr: peak, totalSteps: all } },
    { label: "plateau", plateau: { lr: peak, factor: 0.2, threshold: 0.01, patience } },
  ];
}
