// The optimizers a sweep can train with, created at rate 0: the schedule sets the rate before every
// batch.
import type { Optimizer } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import type { TfModule } from "../train/tfjs";

/**
 * The optimizers a sweep or range test can train with (TensorFlow.js's, created at rate 0: the
 * schedule sets the rate before every batch).
 *
 * @example
 * ```ts
 * import { OPTIMIZERS } from "@lrsched/explore";
 * OPTIMIZERS; // → ["sgd", "momentum", "adam", "rmsprop"]
 * ```
 */
export const OPTIMIZERS = ["sgd", "momentum", "adam", "rmsprop"] as const;

/**
 * An optimizer's name: one of {@link OPTIMIZERS}.
 *
 * @example
 * ```ts
 * import { OPTIMIZERS, type OptimizerName } from "@lrsched/explore";
 * const name: OptimizerName = "adam";
 * OPTIMIZERS.includes(name); // → true
 * ```
 */
export type OptimizerName = (typeof OPTIMIZERS)[number];

/**
 * An optimizer by name, or with its settings (`momentum` applies to 'momentum' only: a number in
 * [0, 1), default 0.9).
 *
 * @example
 * ```ts
 * import { normalizeOptimizer, type OptimizerChoice } from "@lrsched/explore";
 * const choices: OptimizerChoice[] = ["adam", "momentum", { name: "momentum", momentum: 0.99 }];
 * choices.map((c) => normalizeOptimizer(c).momentum); // → [undefined, 0.9, 0.99]
 * ```
 */
export type OptimizerChoice = OptimizerName | { readonly name: OptimizerName; readonly momentum?: number };

/**
 * The choice with its defaults filled in: `"momentum"` becomes `{ name: "momentum", momentum: 0.9 }`.
 * Anything but an {@link OptimizerChoice} throws one LrschedError naming `path` (default
 * "optimizer").
 *
 * @example
 * ```ts
 * import { normalizeOptimizer } from "@lrsched/explore";
 * normalizeOptimizer("momentum"); // → { name: "momentum", momentum: 0.9 }
 * normalizeOptimizer({ name: "sgd" }); // → { name: "sgd" }
 * let message = "";
 * try {
 *   normalizeOptimizer({ name: "adam", momentum: 0.5 });
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * message; // → "optimizer.momentum applies only to the 'momentum' optimizer"
 * ```
 */
export function normalizeOptimizer(choice: unknown, path = "optimizer"): { name: OptimizerName; momentum?: number } {
  const o = typeof choice === "string" ? { name: choice } : choice;
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new LrschedError(path, `must be one of ${OPTIMIZERS.join(", ")} or { name, momentum }`, choice);
  const { name, momentum, ...rest } = o as { name?: unknown; momentum?: unknown };
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new LrschedError(`${path}.${extra}`, "is not an option; expected name, momentum");
  if (!OPTIMIZERS.includes(name as OptimizerName)) throw new LrschedError(typeof choice === "string" ? path : `${path}.name`, `must be one of ${OPTIMIZERS.join(", ")}`, name);
  if (name !== "momentum") {
    if (momentum !== undefined) throw new LrschedError(`${path}.momentum`, "applies only to the 'momentum' optimizer");
    return { name: name as OptimizerName };
  }
  const m = momentum ?? 0.9;
  if (typeof m !== "number" || !(m >= 0 && m < 1)) throw new LrschedError(`${path}.momentum`, "must be a number in [0, 1)", m);
  return { name: "momentum", momentum: m };
}

export function makeOptimizer(tf: TfModule, o: { name: OptimizerName; momentum?: number }): Optimizer {
  switch (o.name) {
    case "sgd":
      return tf.train.sgd(0);
    case "momentum":
      return tf.train.momentum(0, o.momentum ?? 0.9);
    case "adam":
      return tf.train.adam(0);
    case "rmsprop":
      return tf.train.rmsprop(0);
  }
}

/** "momentum 0.9", "adam". */
export const describeOptimizer = (o: { name: OptimizerName; momentum?: number }) => (o.name === "momentum" ? `momentum ${o.momentum ?? 0.9}` : o.name);
