// Test data made on the spot: Gaussian blobs (one per class) written as CSV, and a small dense model
// saved as a topology, the way a user would bring theirs.
import { writeFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";

/** A seeded generator of standard normal numbers (Box-Muller over a 32-bit LCG). */
function normals(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

export const CLASSES = ["north", "east", "south"];

/** `rows` rows of 4 features around one centre per class (spread `spread`), class names as target. */
export function blobsCsv(file: string, rows: number, seed = 7, spread = 1.2): void {
  const z = normals(seed);
  const centres = [
    [0, 2, 0, 1],
    [2, 0, 1, 0],
    [0, -2, -1, 0],
  ];
  const lines = ["f1,f2,f3,f4,label"];
  for (let r = 0; r < rows; r++) {
    const c = r % 3;
    lines.push([...centres[c].map((m) => (m + spread * z()).toFixed(4)), CLASSES[c]].join(","));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** A 4-8-3 classifier, as a factory. */
export const blobModel = () =>
  tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: "relu" }), tf.layers.dense({ units: 3, activation: "softmax" })] });

/** Its topology JSON as tfjs `model.toJSON()` writes it. */
export function blobTopology(file?: string): string {
  const m = blobModel();
  const json = JSON.stringify(m.toJSON(null, false));
  m.dispose();
  if (file) writeFileSync(file, json);
  return json;
}
