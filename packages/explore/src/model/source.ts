// The model a sweep or range test trains, however it was given (a factory or a topology), as one
// thing: a fresh model whose initial weights follow from a seed, plus what reports say about it.
import type { LayersModel } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import { hashOf } from "../sweep/hash";
import type { Training } from "../train/tfjs";
import { buildFromTopology, canonicalTopology, seededTopology } from "./build";
import { describeModel } from "./describe";
import { parseModelTopology, type ModelTopology } from "./topology";

/**
 * A function returning a new (uncompiled or compiled) model, a topology object, or a topology JSON
 * string (see {@link ModelTopology}). A function is called once per run and its model gets the
 * seed's initial weights; a topology is built by TensorFlow.js with seeded initializers.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { mlpTopology, type ModelSource } from "@lrsched/explore";
 * const factory: ModelSource = () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 10, activation: "softmax" })] });
 * const topology: ModelSource = mlpTopology([64]);
 * const json: ModelSource = JSON.stringify(topology);
 * [typeof factory, typeof topology, typeof json]; // → ["function", "object", "string"]
 * ```
 */
export type ModelSource = (() => LayersModel) | ModelTopology | string;

export interface PreparedModel {
  readonly topology: ModelTopology;
  /** Hash of the topology with layer names made positional. */
  readonly hash: string;
  readonly description: string;
  readonly parameters: number;
  /** Shape of the input, batch axis first (null). */
  readonly inputShape: readonly (number | null)[];
  /** Units of the output. */
  readonly outputs: number;
  /** A new, uncompiled model with the initial weights of `seed`. */
  seeded(seed: number): Promise<LayersModel>;
}

const isModel = (m: unknown): m is LayersModel =>
  typeof m === "object" && m !== null && typeof (m as LayersModel).toJSON === "function" && Array.isArray((m as LayersModel).layers);

export async function prepareModel({ tf }: Training, source: ModelSource, path = "model"): Promise<PreparedModel> {
  let topology: ModelTopology;
  let probe: LayersModel;
  let fresh: (() => LayersModel) | undefined;
  if (typeof source === "function") {
    const made = source();
    if (!isModel(made)) throw new LrschedError(path, "must return a tf.LayersModel (tf.sequential(...) or tf.model(...))", made);
    probe = made;
    fresh = source as () => LayersModel;
    try {
      topology = parseModelTopology(made.toJSON(null, false) as object, path);
    } catch (e) {
      made.dispose();
      throw e;
    }
  } else {
    if (typeof source === "string" && !/^\s*\{/.test(source)) throw new LrschedError(path, "must be a model factory, a topology object or a topology JSON string (read a file with loadModelTopology)", source);
    topology = parseModelTopology(source as string | object, path);
    probe = await buildFromTopology(tf, topology, path);
  }
  try {
    if (probe.inputs.length !== 1 || probe.outputs.length !== 1) throw new LrschedError(path, `must have one input and one output, has ${probe.inputs.length} and ${probe.outputs.length}`);
    const outShape = probe.outputs[0].shape.slice(1);
    const outputs = outShape.reduce<number>((a, b) => a * (b ?? 1), 1);
    if (outShape.length !== 1) throw new LrschedError(path, `must end in a flat output (batch, units), has shape [${probe.outputs[0].shape.map((d) => d ?? "batch").join(", ")}]`);
    const info = { description: describeModel(probe), parameters: probe.countParams(), inputShape: probe.inputs[0].shape, outputs };
    const seeded = async (seed: number) => {
      const init = await buildFromTopology(tf, seededTopology(topology, seed), path);
      if (!fresh) return init;
      // the caller's own model object, with the seed's weights
      const model = fresh();
      model.setWeights(init.getWeights());
      init.dispose();
      return model;
    };
    return { topology, hash: hashOf(canonicalTopology(topology)), ...info, seeded };
  } finally {
    probe.dispose();
  }
}
