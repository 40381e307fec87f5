// The built-in model of `lrsched sweep` and `lrsched find`: a dense MNIST classifier, as a topology
// like any user's model (its weights are drawn from the seed when a run starts).
import type { ModelTopology } from "../model/topology";

/**
 * Units of each hidden ReLU layer: [128] is a 784-128-10 MLP.
 *
 * @example
 * ```ts
 * import { describeMlp, type Hidden } from "@lrsched/explore";
 * const hidden: Hidden = [256, 64];
 * describeMlp(hidden); // → "784-256-64-10 MLP"
 * ```
 */
export type Hidden = readonly number[];

/**
 * The built-in MNIST classifier as a Keras-format topology: 784 inputs, `hidden` ReLU layers, 10
 * softmax outputs, Glorot-uniform kernels and zero biases (the seed of a run draws the weights).
 *
 * @example
 * ```ts
 * import { mlpTopology } from "@lrsched/explore";
 * const topology = mlpTopology([128]);
 * (topology.config.layers as { config: { units: number; activation: string } }[]).map((l) => `${l.config.units} ${l.config.activation}`); // → ["128 relu", "10 softmax"]
 * ```
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

/**
 * The MLP of {@link mlpTopology} in a few words, as reports name it.
 *
 * @example
 * ```ts
 * import { describeMlp } from "@lrsched/explore";
 * describeMlp([128]); // → "784-128-10 MLP"
 * ```
 */
export const describeMlp = (hidden: Hidden) => `784-${[...hidden, 10].join("-")} MLP`;
