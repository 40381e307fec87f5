// The model every `find` and `sweep` run trains: a dense classifier with seeded initial weights.
import type { LayersModel, Optimizer } from "@tensorflow/tfjs";
import type { TfModule } from "./tfjs";

/** Optimizers a sweep config may name. */
export const OPTIMIZERS = ["sgd", "momentum", "adam"] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export interface ModelSpec {
  /** Units of each hidden ReLU layer: [128] is a 784-128-10 MLP. */
  readonly hidden: readonly number[];
  readonly optimizer: OptimizerName;
  /** Momentum coefficient of 'momentum' (default 0.9). */
  readonly momentum?: number;
}

/**
 * A compiled MLP: 784 inputs, `hidden` ReLU layers, 10 softmax outputs, Glorot-uniform kernels
 * seeded from `seed` (layer k gets seed + k) and zero biases, so a seed fixes the initial weights.
 * The optimizer starts at rate 0: a schedule sets the rate before every batch.
 */
export function buildModel(tf: TfModule, spec: ModelSpec, seed: number): LayersModel {
  const layers = [...spec.hidden, 10].map((units, k) =>
    tf.layers.dense({
      ...(k === 0 ? { inputShape: [784] } : {}),
      units,
      activation: k === spec.hidden.length ? "softmax" : "relu",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 100 + k }),
      biasInitializer: "zeros",
    }),
  );
  const model = tf.sequential({ layers });
  model.compile({ optimizer: makeOptimizer(tf, spec), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

function makeOptimizer(tf: TfModule, spec: ModelSpec): Optimizer {
  switch (spec.optimizer) {
    case "sgd":
      return tf.train.sgd(0);
    case "momentum":
      return tf.train.momentum(0, spec.momentum ?? 0.9);
    case "adam":
      return tf.train.adam(0);
  }
}

/** "784-128-10 MLP, momentum 0.9". */
export function describeModel(spec: ModelSpec): string {
  const opt = spec.optimizer === "momentum" ? `momentum ${spec.momentum ?? 0.9}` : spec.optimizer;
  return `784-${[...spec.hidden, 10].join("-")} MLP, ${opt}`;
}
