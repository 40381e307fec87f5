// A model's topology (its layers and their settings, no weights) in the Keras JSON format that
// TensorFlow.js reads: from tfjs `model.toJSON()`, a tfjs `model.json` (its `modelTopology`), Keras 2
// `model.to_json()`, or Keras 3 `model.to_json()` (its extra fields are folded into the Keras 2 form).
import { readFile } from "node:fs/promises";
import { LrschedError } from "@lrsched/ts-api";
import { fileError } from "../data/source";

/**
 * A Keras-format topology: `{ class_name: "Sequential" | "Functional" | "Model", config: {...} }`,
 * the layers and their settings without weights.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { parseModelTopology, type ModelTopology } from "@lrsched/explore";
 * const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 3, activation: "softmax" })] });
 * const topology: ModelTopology = parseModelTopology(model.toJSON(null, false) as object);
 * topology.class_name; // → "Sequential"
 * (topology.config.layers as { class_name: string }[]).map((l) => l.class_name); // → ["Dense"]
 * ```
 */
export interface ModelTopology {
  /** The model class: "Sequential", "Functional" or "Model". */
  readonly class_name: string;
  /** The model's settings, its `layers` (each with a `class_name`) among them. */
  readonly config: Record<string, unknown>;
  /** Other fields of the format (`keras_version`, `backend`, ...), kept as they are. */
  readonly [key: string]: unknown;
}

const MODEL_CLASSES = ["Sequential", "Model", "Functional"];

/**
 * Reads a topology file: a tfjs `model.json`, or the JSON of Keras 2 or 3 `model.to_json()` (see
 * {@link parseModelTopology}). Throws one LrschedError naming the file and the field or layer at
 * fault, or why the file cannot be read.
 *
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import { loadModelTopology, mlpTopology } from "@lrsched/explore";
 * const dir = mkdtempSync(join(tmpdir(), "lrsched-model-"));
 * // a tfjs model.json: the topology and a weights manifest (weights are not read)
 * writeFileSync(join(dir, "model.json"), JSON.stringify({ modelTopology: mlpTopology([32]), weightsManifest: [] }));
 * const topology = await loadModelTopology(join(dir, "model.json"));
 * (topology.config.layers as unknown[]).length; // → 2
 * await loadModelTopology(join(dir, "none.json")).catch((e) => e.rule); // → "cannot be read: no such file or directory"
 * rmSync(dir, { recursive: true });
 * ```
 */
export async function loadModelTopology(file: string): Promise<ModelTopology> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw fileError(file, e);
  }
  return parseModelTopology(text, file);
}

/**
 * A topology from a JSON string or an already parsed object, in any of the accepted forms, checked:
 * a model class at the top and a list of layers, each with a class name.
 *
 * Accepted: tfjs `model.toJSON()`, a tfjs `model.json` (its `modelTopology`; weights ignored), Keras 2
 * `model.to_json()`, and Keras 3 `model.to_json()` (its `module`, `registered_name`, `build_config`
 * and `compile_config` fields dropped, dtype policies as their names, `batch_shape` as
 * `batch_input_shape`). `where` names the source in messages. Throws one LrschedError naming the field
 * or layer at fault.
 *
 * @example
 * ```ts
 * import { parseModelTopology } from "@lrsched/explore";
 * // Keras 3 writes every object with its module and an input's shape as batch_shape
 * const keras3 = {
 *   module: "keras", class_name: "Sequential", registered_name: null,
 *   config: { name: "s", layers: [{ module: "keras.layers", class_name: "InputLayer", config: { batch_shape: [null, 4], dtype: "float32", name: "in" } },
 *     { module: "keras.layers", class_name: "Dense", config: { units: 3, activation: "softmax", name: "d" } }] },
 * };
 * const topology = parseModelTopology(JSON.stringify(keras3), "model.json");
 * (topology.config.layers as { config: object }[])[0].config; // → { batch_input_shape: [null, 4] }
 * let message = "";
 * try {
 *   parseModelTopology({ class_name: "Sequential", config: { layers: [] } }, "model.json");
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * message; // → "model.json: config.layers must be a non-empty list of layers, got an array of length 0"
 * ```
 */
export function parseModelTopology(source: string | object, where = "model"): ModelTopology {
  let value: unknown = source;
  if (typeof source === "string") {
    try {
      value = JSON.parse(source);
    } catch (e) {
      throw new LrschedError(where, `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new LrschedError(where, "must be a JSON object holding a model topology", value);
  let o = value as Record<string, unknown>;
  // tfjs model.json: { modelTopology, weightsManifest, format, ... }; weights are ignored
  if ("modelTopology" in o) o = asObject(o.modelTopology, `${where}: modelTopology`);
  // a saved model's attributes: { model_config, training_config, ... }
  if ("model_config" in o && !("class_name" in o)) o = asObject(o.model_config, `${where}: model_config`);
  if (typeof o.class_name !== "string") throw new LrschedError(`${where}: class_name`, `must name the model class (${MODEL_CLASSES.join(", ")})`, o.class_name);
  if (!MODEL_CLASSES.includes(o.class_name)) throw new LrschedError(`${where}: class_name`, `must be one of ${MODEL_CLASSES.join(", ")}`, o.class_name);
  const normalized = fromKeras3(o) as Record<string, unknown>;
  const config = asObject(normalized.config, `${where}: config`);
  const layers = config.layers;
  if (!Array.isArray(layers) || layers.length === 0) throw new LrschedError(`${where}: config.layers`, "must be a non-empty list of layers", layers);
  layers.forEach((l, i) => {
    const layer = asObject(l, `${where}: config.layers[${i}]`);
    if (typeof layer.class_name !== "string") throw new LrschedError(`${where}: config.layers[${i}].class_name`, "must name the layer class", layer.class_name);
  });
  return normalized as unknown as ModelTopology;
}

function asObject(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new LrschedError(path, "must be an object", v);
  return v as Record<string, unknown>;
}

/**
 * Keras 3 writes every object as `{module, class_name, config, registered_name}`, a layer's dtype as a
 * DTypePolicy object, an input's shape as `batch_shape`, and adds `build_config` / `compile_config`.
 * Keras 2 (and TensorFlow.js) have `{class_name, config}`, a dtype string and `batch_input_shape`.
 */
function fromKeras3(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromKeras3);
  if (typeof v !== "object" || v === null) return v;
  const o = v as Record<string, unknown>;
  if (o.class_name === "DTypePolicy" || o.class_name === "FloatDTypePolicy") {
    const name = (o.config as { name?: unknown } | undefined)?.name;
    if (typeof name === "string") return name;
  }
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) {
    if (k === "module" || k === "registered_name" || k === "build_config" || k === "compile_config") continue;
    out[k === "batch_shape" ? "batch_input_shape" : k] = fromKeras3(val);
  }
  return out;
}
