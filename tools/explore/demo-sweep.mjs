// A sweep on a data set made here, the way a team would run one on theirs: three interleaved spirals
// (2 informative features, 6 noise features, 3000 rows) and an 8-32-32-3 MLP saved with tfjs, a range
// test (400 batches) to pick the peak rate (its valley), the built-in schedules (seven and the plateau policy) over five seeds, 20 epochs, and the same sweep as
// three shards run at once and merged. Prints the verdict, the summary and the timings.
// Run after a build: node tools/explore/demo-sweep.mjs [DIR]   (default: a temp directory)
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs";

tf.env().set("PROD", true);

const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "packages", "cli", "dist", "bin.js");
const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), "lrsched-demo-"));
mkdirSync(dir, { recursive: true });

// the data: class c's points lie along a spiral arm turned by 2*pi*c/3, with Gaussian noise
let s = 2024;
const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const rows = ["a,b,n1,n2,n3,n4,n5,n6,arm"];
for (let r = 0; r < 3000; r++) {
  const c = r % 3;
  const t = uniform() * 3;
  const angle = t * 2.5 + (2 * Math.PI * c) / 3;
  const cells = [t * Math.cos(angle) + 0.15 * normal(), t * Math.sin(angle) + 0.15 * normal(), ...Array.from({ length: 6 }, normal)];
  rows.push([...cells.map((v) => v.toFixed(4)), ["red", "green", "blue"][c]].join(","));
}
const data = join(dir, "spirals.csv");
writeFileSync(data, `${rows.join("\n")}\n`);
const model = tf.sequential({
  layers: [
    tf.layers.dense({ inputShape: [8], units: 32, activation: "relu" }),
    tf.layers.dense({ units: 32, activation: "relu" }),
    tf.layers.dense({ units: 3, activation: "softmax" }),
  ],
});
const modelFile = join(dir, "model.json");
writeFileSync(modelFile, JSON.stringify(model.toJSON(null, false)));

const common = ["--model", modelFile, "--data", data, "--target", "arm"];
const run = (args) => execFileSync(process.execPath, [BIN, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const timed = (f) => {
  const t0 = performance.now();
  const out = f();
  return { out, seconds: (performance.now() - t0) / 1000 };
};

const find = timed(() => run(["find", ...common, "--batch-size", "32", "--batches", "400", "--quiet", "--json"]));
const peak = Number(JSON.parse(find.out).valley.toPrecision(2));
console.log(`range test: valley ${peak} (${find.seconds.toFixed(1)} s)`);
const sweep = ["sweep", ...common, "--peak", String(peak), "--epochs", "20", "--batch-size", "32", "--seed", "1,2,3,4,5", "--quiet"];
const full = timed(() => run([...sweep, "--out", join(dir, "full")]));
console.log(full.out);
console.log(`unsharded sweep: ${full.seconds.toFixed(1)} s`);

const started = performance.now();
await Promise.all(
  [1, 2, 3].map(
    (k) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...sweep, "--shard", `${k}/3`, "--out", join(dir, `shard-${k}`)], { stdio: "ignore" });
        child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`shard ${k} exited ${code}`))));
      }),
  ),
);
const shards = (performance.now() - started) / 1000;
const merge = timed(() => run(["sweep", "merge", ...[1, 2, 3].map((k) => join(dir, `shard-${k}`)), "--out", join(dir, "merged"), "--quiet"]));
const numbers = (d) => {
  const j = JSON.parse(readFileSync(join(dir, d, "results.json"), "utf8"));
  return JSON.stringify([j.summary, j.verdict, j.runs.map((r) => [r.key, r.steps, r.epochs.map(({ seconds: _s, ...e }) => e)])]);
};
console.log(`three shards at once: ${shards.toFixed(1)} s wall; merge: ${merge.seconds.toFixed(1)} s; merged numbers ${numbers("merged") === numbers("full") ? "equal" : "DIFFER FROM"} the unsharded sweep`);
console.log(`report: ${join(dir, "full", "index.html")}`);
