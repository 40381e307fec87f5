import { Op } from "@lrsched/core";
import { planOf } from "../ramp";
import { rawAt, type Schedule } from "../schedule";
import { scheduleType } from "../scheduleType";
import { scheduleListField } from "../specFields";

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

export const multiply = (a: Schedule, b: Schedule) => multiplyType.create({ schedules: [a, b] });
