// The built-in model of `lrsched sweep` and `lrsched find`: a dense MNIST classifier, as a topology
// like any user's model (its weights are drawn from the seed when a run starts).
import type { ModelTopology } from "../model/topology";

/** Units of each hidden ReLU layer: [128] is a 784-128-10 MLP. */
export type Hidden = readonly number[];

/**
 * A Keras-format topology: 784 inputs, `hidden` ReLU layers, 10 softmax outputs, Glorot-uniform
 * kernels and zero biases.
 */
export function mlpTopology(hidden: Hidden): ModelTopology {
  const units = [...hidden, 10];
  return {
    class_name: "Sequential",
    config: {
      name: "mlp",
      layers: units.map((n, k) => ({
        class_name: "Dense",
        config: {
          name: `dense_${k + 1}`,
          units: n,
          activation: k === hidden.length ? "softmax" : "relu",
          use_bias: true,
          kernel_initializer: { class_name: "GlorotUniform", config: { seed: null } },
          bias_initializer: { class_name: "Zeros", config: {} },
          ...(k === 0 ? { batch_input_shape: [null, 784] } : {}),
        },
      })),
    },
  };
}

/** "784-128-10 MLP". */
export const describeMlp = (hidden: Hidden) => `784-${[...hidden, 10].join("-")} MLP`;
