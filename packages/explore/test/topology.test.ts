import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";
import { loadModelTopology, parseModelTopology } from "../src/index";
import { buildFromTopology, canonicalTopology, seededTopology } from "../src/model/build";
import { loadTraining } from "../src/train/tfjs";

const dir = mkdtempSync(join(tmpdir(), "lrsched-topology-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "fixtures", name), "utf8")).topology;

const mlp = () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 16, activation: "relu" }), tf.layers.dense({ units: 3, activation: "softmax" })] });

describe("model topologies", () => {
  it("reads tfjs model.toJSON() output, a tfjs model.json and Keras 3 to_json() alike", async () => {
    const training = await loadTraining();
    const json = mlp().toJSON(null, false) as object;
    const file = join(dir, "model.json");
    writeFileSync(file, JSON.stringify({ format: "layers-model", modelTopology: json, weightsManifest: [] }));
    const keras = parseModelTopology(fixture("keras3-sequential.json"), "keras3");
    for (const topology of [parseModelTopology(JSON.stringify(json)), await loadModelTopology(file), keras]) {
      const model = await buildFromTopology(training.tf, topology);
      expect(model.inputs[0].shape).toEqual([null, 4]);
      expect(model.outputs[0].shape).toEqual([null, 3]);
      expect(model.countParams()).toBe(4 * 16 + 16 + 16 * 3 + 3);
      model.dispose();
    }
  });

  it("a seed fixes every random initializer: same seed, same weights; another seed, others", async () => {
    const { tf: t } = await loadTraining();
    const topology = parseModelTopology(fixture("keras3-sequential.json"));
    const weights = async (seed: number) => {
      const m = await buildFromTopology(t, seededTopology(topology, seed));
      const w = m.getWeights().map((x) => Array.from(x.dataSync()));
      m.dispose();
      return w;
    };
    const a = await weights(1);
    expect(await weights(1)).toEqual(a);
    expect((await weights(2))[0]).not.toEqual(a[0]);
    // biases stay zeros
    expect(a[1].every((v) => v === 0)).toBe(true);
  });

  it("equal models hash equally whatever their layer names", () => {
    const a = canonicalTopology(parseModelTopology(mlp().toJSON(null, false) as object));
    const b = canonicalTopology(parseModelTopology(mlp().toJSON(null, false) as object));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("bad topologies: one error naming the file, the field or the layer", async () => {
    const training = await loadTraining();
    expect(() => parseModelTopology("{", "m.json")).toThrow(/^m\.json is not valid JSON: /);
    expect(() => parseModelTopology({ class_name: "Sequentail", config: {} }, "m.json")).toThrow("m.json: class_name must be one of Sequential, Model, Functional, got \"Sequentail\"");
    expect(() => parseModelTopology({ class_name: "Sequential", config: { layers: [] } }, "m.json")).toThrow("m.json: config.layers must be a non-empty list of layers");
    const odd = parseModelTopology(fixture("keras3-unsupported.json"), "odd.json");
    await expect(buildFromTopology(training.tf, odd, "odd.json")).rejects.toThrow("odd.json: layer 'unit_norm' has class UnitNormalization, which TensorFlow.js does not support");
    await expect(loadModelTopology(join(dir, "missing.json"))).rejects.toThrow(/missing\.json cannot be read: no such file or directory$/);
  });
});
