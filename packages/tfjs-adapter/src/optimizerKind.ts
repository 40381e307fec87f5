import type { Optimizer } from "@tensorflow/tfjs";

/**
 * The tfjs optimizer classes lrsched controls, by their registered class names.
 *
 * @example
 * ```ts
 * import { OPTIMIZER_KINDS } from "@lrsched/tfjs-adapter";
 * OPTIMIZER_KINDS.includes("Adam"); // → true
 * ```
 */
export const OPTIMIZER_KINDS = ["SGD", "Momentum", "Adam", "Adamax", "Adagrad", "Adadelta", "RMSProp"] as const;

/**
 * A tfjs optimizer class lrsched can control.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { optimizerKind, type OptimizerKind } from "@lrsched/tfjs-adapter";
 * const kind: OptimizerKind | undefined = optimizerKind(tf.train.adam(0.001));
 * kind; // → "Adam"
 * ```
 */
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

/**
 * The fields of tfjs's optimizer classes lrsched touches. They are `protected`/`private` in
 * tfjs's typings but plain properties at runtime, read at every `applyGradients` call —
 * except where noted.
 */
export interface OptimizerInternals {
  learningRate?: unknown;
  /** SGD and Momentum: replaces the cached `-learningRate` tensor `c`. */
  setLearningRate?: (lr: number) => void;
  /** Momentum and RMSProp. */
  momentum?: number;
  /** Momentum caches the momentum as a scalar tensor `m` at construction. */
  m?: { dispose(): void };
  /** Adam and Adamax. */
  beta1?: number;
  beta2?: number;
}

/**
 * The class name tfjs registered the optimizer under ('SGD', 'Adam', ...), or undefined.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { optimizerKind } from "@lrsched/tfjs-adapter";
 * optimizerKind(tf.train.momentum(0.1, 0.9)); // → "Momentum"
 * ```
 */
export function optimizerKind(optimizer: Optimizer): OptimizerKind | undefined {
  const name = (optimizer?.constructor as { className?: unknown } | undefined)?.className;
  return (OPTIMIZER_KINDS as readonly unknown[]).includes(name) ? (name as OptimizerKind) : undefined;
}

export function internals(optimizer: Optimizer): OptimizerInternals {
  return optimizer as unknown as OptimizerInternals;
}
