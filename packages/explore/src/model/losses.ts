// Loss names as TensorFlow.js spells them, with the Keras and short spellings people type.
import { LrschedError } from "@lrsched/ts-api";

/**
 * The losses a sweep or range test can train with, as TensorFlow.js spells them ({@link lossName}
 * also takes the Keras and short spellings).
 *
 * @example
 * ```ts
 * import { LOSSES } from "@lrsched/explore";
 * LOSSES.length; // → 5
 * LOSSES[0]; // → "sparseCategoricalCrossentropy"
 * ```
 */
export const LOSSES = ["sparseCategoricalCrossentropy", "categoricalCrossentropy", "binaryCrossentropy", "meanSquaredError", "meanAbsoluteError"] as const;

/**
 * A loss's name as TensorFlow.js spells it: one of {@link LOSSES}.
 *
 * @example
 * ```ts
 * import { lossName, type LossName } from "@lrsched/explore";
 * const loss: LossName = lossName("binary_crossentropy");
 * loss; // → "binaryCrossentropy"
 * ```
 */
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

/**
 * A loss name in any accepted spelling (TensorFlow.js's, Keras's snake_case in any case, `mse`,
 * `mae`), as TensorFlow.js spells it. Anything else throws one LrschedError naming `path` (default
 * "loss").
 *
 * @example
 * ```ts
 * import { lossName } from "@lrsched/explore";
 * [lossName("mse"), lossName("Mean_Absolute_Error"), lossName("categoricalCrossentropy")]; // → ["meanSquaredError", "meanAbsoluteError", "categoricalCrossentropy"]
 * let message = "";
 * try {
 *   lossName("hinge");
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * message.startsWith("loss must be one of sparseCategoricalCrossentropy"); // → true
 * ```
 */
export function lossName(v: unknown, path = "loss"): LossName {
  if (typeof v === "string") {
    if ((LOSSES as readonly string[]).includes(v)) return v as LossName;
    const alias = ALIASES[v.toLowerCase()];
    if (alias) return alias;
  }
  throw new LrschedError(path, `must be one of ${LOSSES.join(", ")} (or mse, mae, snake_case names)`, v);
}
