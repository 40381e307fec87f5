import { Op, planNode } from "@lrsched/core";
import { planOf } from "../ramp";
import { rawAt, type Schedule } from "../schedule";
import { scheduleType } from "../scheduleType";
import { scheduleField } from "../specFields";

/**
 * Options of a `scale` schedule, as its spec holds them.
 *
 * @example
 * ```ts
 * import { constant, fromSpec, type ScaleOptions } from "@lrsched/ts-api";
 * const options: ScaleOptions = { schedule: constant({ value: 0.1 }), factor: 3 };
 * fromSpec({ type: "scale", ...options }).at(0); // → 0.3
 * ```
 */
export interface ScaleOptions {
  readonly schedule: Schedule;
  /** Multiplier (>= 0). */
  readonly factor: number;
}

/** `schedule` times a constant: `scale(s, 2).at(t) === 2 * s.at(t)`. */
export const scaleType = /* @__PURE__ */ scheduleType<ScaleOptions>({
  type: "scale",
  summary: "A schedule times a constant factor.",
  fields: {
    schedule: scheduleField("The schedule to scale."),
    factor: { kind: "number", doc: "Multiplier (>= 0).", min: 0 },
  },
  build: ({ schedule, factor }) => {
    const inner = rawAt(schedule);
    return {
      at: (step) => inner(step) * factor,
      plan: planOf(Op.Multiply, [], [schedule.plan, planNode(Op.Constant, [factor])]),
      maxStep: schedule.maxStep,
    };
  },
});

/**
 * A schedule times a constant factor.
 *
 * @example
 * ```ts
 * import { cosineDecay, scale } from "@lrsched/ts-api";
 * scale(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), 2).at(0); // → 0.2
 * ```
 */
export const scale = (schedule: Schedule, factor: number) => scaleType.create({ schedule, factor });
