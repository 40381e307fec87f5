// What the model is asked to learn, read off the target and the model's output size: classes (with
// their names) or numbers, and the loss that fits.
import { LrschedError } from "@lrsched/ts-api";
import { isClassification, type LossName } from "../model/losses";

/** Integer targets with at most this many distinct values may be classes. */
export const MAX_CLASSES = 100;

/** A target column as far as the task depends on it. */
export type TargetSummary =
  | { readonly kind: "names"; readonly classes: readonly string[] }
  | {
      readonly kind: "numbers";
      /** Values per row (1 for a column; more for one-hot or multi-output targets). */
      readonly width: number;
      /** Sorted distinct values when every value is an integer and there are at most MAX_CLASSES of them. */
      readonly classes: readonly number[] | null;
      /** Every row is 0/1 with a single 1. */
      readonly oneHot: boolean;
    };

/**
 * What the model is asked to learn, read off the target and the model's output size: classes or
 * numbers, and the loss that fits.
 *
 * Without a `loss` option: classification with sparse categorical cross-entropy when the target holds
 * class names, or integers with at most 100 distinct values and the model has that many outputs (or
 * the integers are class indices below the output size); categorical cross-entropy for one-hot rows;
 * mean squared error otherwise. A model whose output size does not fit throws one LrschedError
 * naming both.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { rangeTest, type Task } from "@lrsched/explore";
 * // integer targets with two distinct values, a model with two outputs: two classes, 3 and 7
 * const x = Array.from({ length: 20 }, (_, i) => [i / 20]);
 * const result = await rangeTest({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 2, activation: "softmax" })] }),
 *   data: { x, y: x.map(([v]) => (v > 0.5 ? 7 : 3)) },
 *   batches: 10,
 *   batchSize: 4,
 * });
 * const task: Task = result.task;
 * task; // → { kind: "classification", loss: "sparseCategoricalCrossentropy", classes: ["3", "7"], classValues: [3, 7], outputs: 2 }
 * ```
 */
export interface Task {
  /** Classes (accuracy is defined) or numbers. */
  readonly kind: "classification" | "regression";
  /** The loss trained with: the `loss` option as TensorFlow.js spells it, or the one read off the target. */
  readonly loss: LossName;
  /** Class names, index = class; null for regression and one-hot targets. */
  readonly classes: readonly string[] | null;
  /** Integer class values, when integer targets that are not already 0..K-1 are mapped to classes. */
  readonly classValues: readonly number[] | null;
  /** The model's output size. */
  readonly outputs: number;
}

/** Summarises numeric targets (`width` values per row). */
export function summarizeNumbers(values: ArrayLike<number>, width: number): TargetSummary {
  if (width > 1) {
    let oneHot = true;
    for (let r = 0; oneHot && r < values.length; r += width) {
      let ones = 0;
      for (let j = 0; j < width; j++) {
        const v = values[r + j];
        if (v === 1) ones++;
        else if (v !== 0) oneHot = false;
      }
      if (ones !== 1) oneHot = false;
    }
    return { kind: "numbers", width, classes: null, oneHot };
  }
  const distinct = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v)) return { kind: "numbers", width, classes: null, oneHot: false };
    distinct.add(v);
    if (distinct.size > MAX_CLASSES) return { kind: "numbers", width, classes: null, oneHot: false };
  }
  return { kind: "numbers", width, classes: [...distinct].sort((a, b) => a - b), oneHot: false };
}

/**
 * The task for `target` on a model with `outputs` units. Without `loss`: classification with sparse
 * categorical cross-entropy when the target holds names, or integers with at most 100 distinct
 * values and the model has that many outputs (or the integers are class indices below the output
 * size); categorical cross-entropy for one-hot rows; mean squared error otherwise. `where` names the
 * target column in messages.
 */
export function inferTask(target: TargetSummary, outputs: number, loss: LossName | undefined, where: string): Task {
  const mismatch = (classes: number, names: readonly (string | number)[]) =>
    new LrschedError(`model output size ${outputs}`, `does not match the ${classes} classes of ${where} (${names.slice(0, 8).join(", ")}${names.length > 8 ? ", ..." : ""})`);
  const classification = (classes: readonly string[], classValues: readonly number[] | null, l: LossName = "sparseCategoricalCrossentropy"): Task => ({
    kind: "classification",
    loss: l,
    classes,
    classValues,
    outputs,
  });
  const regression = (l: LossName = "meanSquaredError"): Task => {
    const width = target.kind === "numbers" ? target.width : 1;
    if (target.kind === "names") throw new LrschedError(where, `holds class names; the loss ${l} needs numbers`);
    if (width !== outputs) {
      throw new LrschedError(`model output size ${outputs}`, `does not match ${where}: ${width} number${width > 1 ? "s" : ""} per row${width === 1 && outputs > 1 ? " (regression needs 1 output; classes need names, or integers with at most 100 distinct values)" : ""}`);
    }
    return { kind: "regression", loss: l, classes: null, classValues: null, outputs };
  };
  /** Integer targets as classes: indices as they are when all lie below the output size, else mapped in order. */
  const integerClasses = (values: readonly number[]): Task => {
    if (values[0] >= 0 && values[values.length - 1] < outputs) return classification(Array.from({ length: outputs }, (_, i) => String(i)), null);
    if (values.length === outputs) return classification(values.map(String), values);
    throw mismatch(values.length, values);
  };

  if (loss === undefined) {
    if (target.kind === "names") {
      if (target.classes.length !== outputs) throw mismatch(target.classes.length, target.classes);
      return classification(target.classes, null);
    }
    if (target.width > 1) {
      if (target.width === outputs && target.oneHot) return { kind: "classification", loss: "categoricalCrossentropy", classes: null, classValues: null, outputs };
      return regression();
    }
    if (outputs > 1 && target.classes) return integerClasses(target.classes);
    return regression();
  }
  if (!isClassification(loss)) return regression(loss);
  if (loss === "sparseCategoricalCrossentropy") {
    if (target.kind === "names") {
      if (target.classes.length !== outputs) throw mismatch(target.classes.length, target.classes);
      return classification(target.classes, null);
    }
    if (target.width !== 1 || !target.classes) throw new LrschedError(where, "must hold class names or integer class labels (at most 100 distinct) for sparseCategoricalCrossentropy");
    return integerClasses(target.classes);
  }
  // categorical / binary cross-entropy: one value per output, as given
  if (target.kind === "names" || target.width !== outputs) {
    throw new LrschedError(where, `must hold ${outputs} value${outputs > 1 ? "s" : ""} per row (one per model output) for ${loss}${loss === "categoricalCrossentropy" ? "; for class labels use sparseCategoricalCrossentropy" : ""}`);
  }
  return { kind: "classification", loss, classes: null, classValues: null, outputs };
}
