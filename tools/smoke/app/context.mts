// What the README examples take as given: TensorFlow.js, a compiled model, its data, a training
// step. Each example imports the names it uses without defining them from here.
import * as tf from "@tensorflow/tfjs";

export { tf };

/** A small seeded classifier of 4 features into 3 classes, compiled with Momentum. */
export function buildModel(): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [4], units: 8, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.dense({ units: 3, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.momentum(0.1, 0.9), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

export const model = buildModel();
export const xs = tf.randomNormal([256, 4], 0, 1, "float32", 1);
export const ys = tf.oneHot(tf.randomUniform([256], 0, 3, "int32", 2), 3);

/** One epoch of a training loop at rate `lr` (the examples only need it to take the rate). */
export function train(lr: number): void {
  if (!(lr >= 0)) throw new Error(`train: a rate must be a number >= 0, got ${lr}`);
}
