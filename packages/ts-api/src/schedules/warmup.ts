import { Op } from "@lrsched/core";
import { LrschedError } from "../errors";
import { planOf, ramp, rampPlan } from "../ramp";
import { rawAt, type Schedule } from "../schedule";
import { scheduleType } from "../scheduleType";
import { scheduleField } from "../specFields";

/**
 * Options of `warmup()` (the schedule itself is its first argument).
 *
 * @example
 * ```ts
 * import { constant, warmup, type WarmupOptions } from "@lrsched/ts-api";
 * const options: Omit<WarmupOptions, "schedule"> = { warmupSteps: 100, shape: "cosine", initialLr: 0.001 };
 * warmup(constant({ value: 0.1 }), options).at(100); // → 0.1
 * ```
 */
export interface WarmupOptions {
  readonly schedule: Schedule;
  /** Steps of the ramp (>= 0). */
  readonly warmupSteps: number;
  /** Rate at step 0. Default 0 (must be > 0 for the exponential shape). */
  readonly initialLr?: number;
  /** Ramp shape. Default 'linear'. */
  readonly shape?: "linear" | "cosine" | "exponential";
  /**
   * true (default, Keras CosineDecay-with-warmup convention): the schedule starts after the
   * ramp, at(warmupSteps + t) = schedule.at(t). false: the ramp replaces the schedule's first
   * warmupSteps steps, at(t) = schedule.at(t) for t >= warmupSteps.
   */
  readonly offset?: boolean;
}

/**
 * A ramp from `initialLr` to `schedule.at(0)` over `warmupSteps`, then `schedule`. With the
 * default `offset: true` the schedule's clock starts when the ramp ends, so its full decay follows
 * the warm-up; with `offset: false` the schedule keeps its own clock (the ramp covers its start).
 */
export const warmupType = /* @__PURE__ */ scheduleType<WarmupOptions>({
  type: "warmup",
  summary: "A linear, cosine or exponential ramp to the schedule's first value, then the schedule.",
  fields: {
    schedule: scheduleField("The schedule after the warm-up."),
    warmupSteps: { kind: "number", doc: "Steps of the ramp.", integer: true, min: 0 },
    initialLr: { kind: "number", doc: "Rate at step 0.", min: 0, default: 0 },
    shape: { kind: "choice", doc: "Ramp shape.", choices: ["linear", "cosine", "exponential"], default: "linear" },
    offset: { kind: "boolean", doc: "Start the schedule's clock after the ramp.", default: true },
  },
  build: (o, path) => {
    const { schedule, warmupSteps: w, initialLr, shape, offset } = o as Required<WarmupOptions>;
    if (shape === "exponential" && !(initialLr > 0)) {
      throw new LrschedError(path("initialLr"), "must be > 0 for the exponential shape", initialLr);
    }
    const inner = rawAt(schedule);
    if (w === 0) return { at: inner, plan: schedule.plan, maxStep: schedule.maxStep };
    const target = schedule.at(0);
    if (shape === "exponential" && !(target > 0)) {
      throw new LrschedError(path("schedule"), "must start above 0 for the exponential shape (a geometric ramp cannot reach 0)", target);
    }
    const after = offset ? schedule.plan : planOf(Op.Shift, [w], [schedule.plan]);
    const up = ramp(shape, initialLr, target, w);
    return {
      at: (step) => (step < w ? up(step) : inner(offset ? step - w : step)),
      plan: planOf(Op.Join, [2, w], [rampPlan(shape, initialLr, target, w), after]),
      maxStep: offset ? w + schedule.maxStep : schedule.maxStep,
    };
  },
});

/**
 * A linear, cosine or exponential ramp to a schedule's first value, then the schedule.
 *
 * @example
 * ```ts
 * import { exponentialDecay, warmup } from "@lrsched/ts-api";
 * const s = warmup(exponentialDecay({ initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.5 }), { warmupSteps: 10 });
 * s.at(5); // → 0.05
 * s.at(110); // → 0.05
 * ```
 */
export const warmup = (schedule: Schedule, options: Omit<WarmupOptions, "schedule">) =>
  warmupType.create({ schedule, ...options });
