import { Op } from "@lrsched/core";
import { LrschedError } from "../errors";
import { planOf } from "../ramp";
import { rawAt, type Schedule } from "../schedule";
import { scheduleType } from "../scheduleType";
import { scheduleField } from "../specFields";

/**
 * Options of a `clamp` schedule, as its spec holds them.
 *
 * @example
 * ```ts
 * import { constant, fromSpec, type ClampOptions } from "@lrsched/ts-api";
 * const options: ClampOptions = { schedule: constant({ value: 0.5 }), max: 0.1 };
 * fromSpec({ type: "clamp", ...options }).at(0); // → 0.1
 * ```
 */
export interface ClampOptions {
  readonly schedule: Schedule;
  /** Lower bound. Default 0. */
  readonly min?: number;
  /** Upper bound; null for none. Default null. */
  readonly max?: number | null;
}

/** `schedule` limited to [min, max] at every step. */
export const clampType = /* @__PURE__ */ scheduleType<ClampOptions>({
  type: "clamp",
  summary: "A schedule limited to [min, max].",
  fields: {
    schedule: scheduleField("The schedule to limit."),
    min: { kind: "number", doc: "Lower bound.", min: 0, default: 0 },
    max: { kind: "nullableNumber", doc: "Upper bound (null: none).", min: 0, default: null },
  },
  build: (o, path) => {
    const { schedule, min, max } = o as Required<ClampOptions>;
    if (max !== null && max < min) throw new LrschedError(path("max"), `must be >= min (${min})`, max);
    const hi = max ?? Infinity;
    const inner = rawAt(schedule);
    return {
      at: (step) => Math.min(Math.max(inner(step), min), hi),
      plan: planOf(Op.Clamp, [min, hi], [schedule.plan]),
      maxStep: schedule.maxStep,
    };
  },
});

/**
 * A schedule limited to [min, max] at every step.
 *
 * @example
 * ```ts
 * import { clamp, inverseTimeDecay } from "@lrsched/ts-api";
 * const s = clamp(inverseTimeDecay({ initialLearningRate: 0.2, decaySteps: 1, decayRate: 1 }), { min: 0.02, max: 0.1 });
 * [0, 3, 100].map((k) => s.at(k)); // → [0.1, 0.05, 0.02]
 * ```
 */
export const clamp = (schedule: Schedule, bounds: { min?: number; max?: number | null } = {}) =>
  clampType.create({ schedule, ...bounds });
