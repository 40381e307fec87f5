import type { LayersModel, Optimizer } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";

/** The optimizer of the model a callback is attached to; fit sets `model` before training. */
export function modelOptimizer(model: LayersModel | null | undefined): Optimizer {
  const optimizer = model?.optimizer;
  if (!optimizer) {
    throw new LrschedError("model.optimizer", "is missing: compile the model before fit");
  }
  return optimizer;
}
