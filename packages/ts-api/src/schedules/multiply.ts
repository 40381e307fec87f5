import { Op } from "@lrsched/core";
import { planOf } from "../ramp";
import { rawAt, type Schedule } from "../schedule";
import { scheduleType } from "../scheduleType";
import { scheduleListField } from "../specFields";

/**
 * Options of a `multiply` schedule, as its spec holds them.
 *
 * @example
 * ```ts
 * import { constant, fromSpec, type MultiplyOptions } from "@lrsched/ts-api";
 * const options: MultiplyOptions = { schedules: [constant({ value: 0.1 }), constant({ value: 0.5 })] };
 * fromSpec({ type: "multiply", ...options }).at(0); // → 0.05
 * ```
 */
export interface MultiplyOptions {
  /** Exactly two factors. */
  readonly schedules: readonly [Schedule, Schedule];
}

/** The product of two schedules at every step: `multiply(a, b).at(s) === a.at(s) * b.at(s)`. */
export const multiplyType = /* @__PURE__ */ scheduleType<MultiplyOptions>({
  type: "multiply",
  summary: "The product of two schedules at every step.",
  fields: { schedules: scheduleListField("The two factors.", 2, 2) },
  build: ({ schedules: [a, b] }) => {
    const fa = rawAt(a);
    const fb = rawAt(b);
    return {
      at: (step) => fa(step) * fb(step),
      plan: planOf(Op.Multiply, [], [a.plan, b.plan]),
      maxStep: Math.min(a.maxStep, b.maxStep),
    };
  },
});

/**
 * The product of two schedules at every step.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay, multiply } from "@lrsched/ts-api";
 * multiply(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), constant({ value: 0.5 })).at(50); // → 0.025
 * ```
 */
export const multiply = (a: Schedule, b: Schedule) => multiplyType.create({ schedules: [a, b] });
