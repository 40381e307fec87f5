import { Op, planNode } from "@lrsched/core";
import { learningRate } from "../fields";
import { scheduleType } from "../scheduleType";

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

export const constant = (options: ConstantOptions) => constantType.create(options);
