// Loss names as TensorFlow.js spells them, with the Keras and short spellings people type.
import { LrschedError } from "@lrsched/ts-api";

export const LOSSES = ["sparseCategoricalCrossentropy", "categoricalCrossentropy", "binaryCrossentropy", "meanSquaredError", "meanAbsoluteError"] as const;
export type LossName = (typeof LOSSES)[number];

const ALIASES: Record<string, LossName> = {
  sparse_categorical_crossentropy: "sparseCategoricalCrossentropy",
  categorical_crossentropy: "categoricalCrossentropy",
  binary_crossentropy: "binaryCrossentropy",
  mean_squared_error: "meanSquaredError",
  mse: "meanSquaredError",
  mean_absolute_error: "meanAbsoluteError",
  mae: "meanAbsoluteError",
};

/** Classification losses compare class scores; the others compare numbers. */
export const isClassification = (loss: LossName) => loss !== "meanSquaredError" && loss !== "meanAbsoluteError";

/** A loss name in any accepted spelling, as TensorFlow.js spells it. */
export function lossName(v: unknown, path = "loss"): LossName {
  if (typeof v === "string") {
    if ((LOSSES as readonly string[]).includes(v)) return v as LossName;
    const alias = ALIASES[v.toLowerCase()];
    if (alias) return alias;
  }
  throw new LrschedError(path, `must be one of ${LOSSES.join(", ")} (or mse, mae, snake_case names)`, v);
}
