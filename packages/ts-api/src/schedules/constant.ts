import { Op, planNode } from "@lrsched/core";
import { learningRate } from "../fields";
import { scheduleType } from "../scheduleType";

/**
 * Options of `constant()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { constant, type ConstantOptions } from "@lrsched/ts-api";
 * const options: ConstantOptions = { value: 0.15 };
 * constant(options).at(0); // → 0.15
 * ```
 */
export interface ConstantOptions {
  /** The learning rate at every step. */
  readonly value: number;
}

/** The same learning rate at every step. `constant({value: 0.15}).at(10 ** 9) === 0.15`. */
export const constantType = /* @__PURE__ */ scheduleType<ConstantOptions>({
  type: "constant",
  summary: "The same learning rate at every step.",
  fields: { value: learningRate("The learning rate at every step.") },
  build: ({ value }) => ({ at: () => value, plan: planNode(Op.Constant, [value]) }),
});

/**
 * The same learning rate at every step.
 *
 * @example
 * ```ts
 * import { constant } from "@lrsched/ts-api";
 * constant({ value: 0.15 }).at(1_000_000); // → 0.15
 * ```
 */
export const constant = (options: ConstantOptions) => constantType.create(options);
