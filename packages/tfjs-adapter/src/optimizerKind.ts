import type { Optimizer } from "@tensorflow/tfjs";

/** The tfjs optimizer classes lrsched controls, by their registered class names. */
export const OPTIMIZER_KINDS = ["SGD", "Momentum", "Adam", "Adamax", "Adagrad", "Adadelta", "RMSProp"] as const;

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

/** The class name tfjs registered the optimizer under ('SGD', 'Adam', ...), or undefined. */
export function optimizerKind(optimizer: Optimizer): OptimizerKind | undefined {
  const name = (optimizer?.constructor as { className?: unknown } | undefined)?.className;
  return (OPTIMIZER_KINDS as readonly unknown[]).includes(name) ? (name as OptimizerKind) : undefined;
}

export function internals(optimizer: Optimizer): OptimizerInternals {
  return optimizer as unknown as OptimizerInternals;
}
