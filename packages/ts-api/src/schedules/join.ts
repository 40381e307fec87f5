import { Op } from "@lrsched/core";
import { countAtOrBelow } from "../boundaries";
import { LrschedError } from "../errors";
import { planOf } from "../ramp";
import { rawAt, type Schedule } from "../schedule";
import { scheduleType } from "../scheduleType";
import { scheduleListField } from "../specFields";

/**
 * Options of a `join` schedule, as its spec holds them.
 *
 * @example
 * ```ts
 * import { constant, fromSpec, type JoinOptions } from "@lrsched/ts-api";
 * const options: JoinOptions = { schedules: [constant({ value: 0.01 }), constant({ value: 0.1 })], boundaries: [10] };
 * fromSpec({ type: "join", ...options }).at(10); // → 0.1
 * ```
 */
export interface JoinOptions {
  readonly schedules: readonly Schedule[];
  /** Strictly increasing positive integer steps; one fewer than schedules. */
  readonly boundaries: readonly number[];
}

/**
 * Schedules in sequence: `schedules[0]` until `boundaries[0]`, then `schedules[i]` from
 * `boundaries[i-1]`, each restarting its own step count at its boundary (optax's
 * join_schedules): `join([a, b], [100]).at(130) === b.at(30)`.
 */
export const joinType = /* @__PURE__ */ scheduleType<JoinOptions>({
  type: "join",
  summary: "Schedules in sequence; each restarts its step count at its boundary.",
  fields: {
    schedules: scheduleListField("The pieces, in order.", 1),
    boundaries: { kind: "numberList", doc: "Steps where the next piece starts (strictly increasing, > 0).", min: 1, increasing: true },
  },
  build: ({ schedules, boundaries }, path) => {
    if (boundaries.length !== schedules.length - 1) {
      throw new LrschedError(path("boundaries"), `must have one entry fewer than schedules (${schedules.length - 1})`, boundaries);
    }
    boundaries.forEach((b, i) => {
      if (!Number.isInteger(b)) throw new LrschedError(`${path("boundaries")}[${i}]`, "must be an integer step", b);
    });
    schedules.slice(0, -1).forEach((s, i) => {
      const span = boundaries[i] - (i === 0 ? 0 : boundaries[i - 1]);
      if (s.maxStep < span - 1) {
        throw new LrschedError(`${path("schedules")}[${i}]`, `ends at step ${s.maxStep}, before its piece ends (${span - 1} steps in)`);
      }
    });
    const last = schedules[schedules.length - 1];
    const pieces = schedules.map(rawAt);
    const bounds = Float64Array.from(boundaries);
    return {
      at(step) {
        const i = countAtOrBelow(bounds, step);
        return pieces[i](i === 0 ? step : step - bounds[i - 1]!);
      },
      plan: planOf(Op.Join, [schedules.length, ...boundaries], schedules.map((s) => s.plan)),
      maxStep: (boundaries.length ? boundaries[boundaries.length - 1] : 0) + last.maxStep,
    };
  },
});

/**
 * Schedules in sequence, each restarting its own step count at its boundary (optax's join_schedules).
 *
 * @example
 * ```ts
 * import { constant, cosineDecay, join } from "@lrsched/ts-api";
 * const s = join([constant({ value: 0.01 }), cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 })], [50]);
 * s.at(49); // → 0.01
 * s.at(100); // → 0.05
 * ```
 */
export const join = (schedules: readonly Schedule[], boundaries: readonly number[]) =>
  joinType.create({ schedules, boundaries });
