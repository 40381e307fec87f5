// From a topology to a fresh model whose initial weights follow from a seed: every random
// initializer in the topology gets its own seed derived from the run's, so every schedule of a seed
// starts from the same point in every process.
import type { LayersModel } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import type { TfModule } from "../train/tfjs";
import type { ModelTopology } from "./topology";

/**
 * A copy of `topology` with `seed` fixed in every initializer that draws random numbers (those with
 * a `seed` field: Glorot, He, random normal/uniform, orthogonal ...), numbered in document order.
 */
export function seededTopology(topology: ModelTopology, seed: number): ModelTopology {
  let k = 0;
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, ""));
    if (typeof v !== "object" || v === null) return v;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, val] of Object.entries(o)) out[name] = walk(val, name);
    const config = out.config as Record<string, unknown> | undefined;
    if (key.endsWith("_initializer") && typeof out.class_name === "string" && config && "seed" in config) {
      out.config = { ...config, seed: seed * 1009 + k++ };
    }
    return out;
  };
  return walk(topology, "") as ModelTopology;
}

/** Layer class names of the topology (nested models included) that TensorFlow.js cannot build. */
export function unsupportedLayers(tf: TfModule, topology: ModelTopology): { name: string; className: string }[] {
  const known = (tf.serialization.SerializationMap.getMap() as unknown as { classNameMap: Record<string, unknown> }).classNameMap;
  const out: { name: string; className: string }[] = [];
  const visit = (layers: unknown) => {
    if (!Array.isArray(layers)) return;
    for (const l of layers as { class_name?: string; config?: { name?: string; layers?: unknown } }[]) {
      const className = String(l.class_name);
      if (!(className in known)) out.push({ name: String(l.config?.name ?? "?"), className });
      visit(l.config?.layers);
    }
  };
  visit(topology.config.layers);
  return out;
}

/** Builds the (uncompiled) model. Throws a one-line LrschedError naming an unsupported layer. */
export async function buildFromTopology(tf: TfModule, topology: ModelTopology, where = "model"): Promise<LayersModel> {
  const unsupported = unsupportedLayers(tf, topology);
  if (unsupported.length > 0) {
    const [first] = unsupported;
    throw new LrschedError(
      `${where}: layer '${first.name}'`,
      `has class ${first.className}, which TensorFlow.js does not support${unsupported.length > 1 ? ` (nor ${unsupported.slice(1).map((u) => u.className).join(", ")})` : ""}`,
    );
  }
  try {
    return await tf.models.modelFromJSON(topology as never);
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    throw new LrschedError(where, `cannot be built by TensorFlow.js: ${message}`);
  }
}

/** The topology with layer names replaced by their position, so equal models hash equally across processes. */
export function canonicalTopology(topology: ModelTopology): unknown {
  const names = new Map<string, string>();
  const collect = (layers: unknown, prefix: string) => {
    if (!Array.isArray(layers)) return;
    (layers as { config?: { name?: unknown; layers?: unknown } }[]).forEach((l, i) => {
      if (typeof l.config?.name === "string" && !names.has(l.config.name)) names.set(l.config.name, `${prefix}${i}`);
      collect(l.config?.layers, `${prefix}${i}.`);
    });
  };
  collect(topology.config.layers, "layer");
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return names.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== "object" || v === null) return v;
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
  };
  const { keras_version: _v, backend: _b, ...rest } = topology as Record<string, unknown>;
  const config = { ...(rest.config as Record<string, unknown>) };
  delete config.name;
  return walk({ ...rest, config });
}
