import type { Optimizer } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import { checkRate } from "./checks";
import { internals } from "./optimizerKind";

function notAnOptimizer(optimizer: unknown): LrschedError {
  return new LrschedError(
    "optimizer",
    "must be a tfjs optimizer (sgd, momentum, adam, adamax, adagrad, adadelta, rmsprop) or have a numeric learningRate",
    optimizer,
  );
}

/**
 * The learning rate `optimizer` will use at its next step.
 *
 * Works for every `tf.train` optimizer; a custom optimizer qualifies when it keeps its rate in a
 * numeric `learningRate` property.
 *
 * @example
 * getLearningRate(tf.train.adam(0.003)); // 0.003
 */
export function getLearningRate(optimizer: Optimizer): number {
  const lr = typeof optimizer === "object" && optimizer !== null ? internals(optimizer).learningRate : undefined;
  if (typeof lr !== "number") throw notAnOptimizer(optimizer);
  return lr;
}

/**
 * Sets the learning rate `optimizer` uses from its next step on.
 *
 * tfjs has no public setter for most optimizers. Adam, Adamax, Adagrad, Adadelta and RMSProp read
 * their `learningRate` property at every step, so assigning it is enough. SGD and Momentum cache
 * `-learningRate` in a scalar tensor at construction; for them the tensor is replaced (and the old
 * one disposed, so nothing leaks) through SGD's own `setLearningRate`. Setting the current value
 * again does nothing, so calling this before every batch costs no tensor churn on flat stretches.
 *
 * @throws LrschedError when `lr` is not a finite number >= 0 or `optimizer` has no learning rate.
 * @example
 * const opt = tf.train.sgd(0.1);
 * setLearningRate(opt, 0.01); // the next opt.minimize(...) moves weights by 0.01 * gradient
 */
export function setLearningRate(optimizer: Optimizer, lr: number): void {
  checkRate("lr", lr);
  const current = getLearningRate(optimizer);
  if (current === lr) return;
  const opt = internals(optimizer);
  if (typeof opt.setLearningRate === "function") {
    opt.setLearningRate(lr);
  } else {
    opt.learningRate = lr;
  }
}
