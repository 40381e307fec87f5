// `lrsched sweep` and `lrsched find` on a model and data of your own: a topology saved with tfjs and
// Gaussian blobs written as CSV here, end to end through the built binary.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lrsched, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const MODEL = join(dir, "model.json");
const DATA = join(dir, "blobs.csv");
const SLOW = 300_000;

beforeAll(() => {
  // three classes around three centres, 4 features; a seeded generator so the file is the same every time
  let s = 11;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
  const z = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const centres = [[0, 2, 0, 1], [2, 0, 1, 0], [0, -2, -1, 0]];
  const names = ["north", "east", "south"];
  const rows = ["f1,f2,f3,f4,label", ...Array.from({ length: 240 }, (_, r) => [...centres[r % 3].map((m) => (m + 1.2 * z()).toFixed(4)), names[r % 3]].join(","))];
  writeFileSync(DATA, `${rows.join("\n")}\n`);
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: "relu" }), tf.layers.dense({ units: 3, activation: "softmax" })] });
  writeFileSync(MODEL, JSON.stringify(model.toJSON(null, false)));
});

const CONFIG = JSON.stringify({
  schedules: [
    { label: "constant", spec: { type: "constant", value: 0.1 } },
    { label: "cosine", spec: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: { fraction: 1 } } },
  ],
  epochs: 2,
  batchSize: 24,
});
const USER = ["--model", MODEL, "--data", DATA, "--target", "label", "--config", CONFIG, "--seed", "1,2"];

/** results.json without timings: what two sweeps of one config must share. */
const numbers = (out: string) => {
  const j = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
  return { summary: j.summary, verdict: j.verdict, runs: j.runs.map((r: { epochs: { seconds: number }[] }) => ({ ...r, seconds: 0, epochs: r.epochs.map((e) => ({ ...e, seconds: 0 })) })) };
};

describe("lrsched sweep on your model and data", () => {
  it("trains, prints the summary and the verdict, writes the report", () => {
    const out = join(dir, "sweep");
    const r = lrsched(["sweep", ...USER, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^schedule\s+val accuracy\s+95 % interval\s+vs constant\s+95 % interval \(paired\)\s+time$/m);
    const j = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(r.stdout.trimEnd().endsWith(j.verdict.text)).toBe(true);
    expect(j.task).toMatchObject({ kind: "classification", loss: "sparseCategoricalCrossentropy", classes: ["east", "north", "south"] });
    expect(j.data).toMatchObject({ trainRows: 192, validationRows: 48, validationFraction: 0.2 });
    expect(j.summary.map((s: { label: string; seeds: number }) => [s.label, s.seeds])).toEqual([["constant", 2], ["cosine", 2]]);
    expect(r.stderr).toContain("[1/4] constant (seed 1): epoch 1/2");
    expect(r.stderr).toContain("4 run(s) trained, 0 from cache");
  }, SLOW);

  it("--shard 1/2 and 2/2, then sweep merge: the numbers of the unsharded sweep", () => {
    for (const k of [1, 2]) {
      const r = lrsched(["sweep", ...USER, "--shard", `${k}/2`, "--out", join(dir, `shard${k}`)]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("2 of 4 runs belong to other shards");
    }
    const merged = lrsched(["sweep", "merge", join(dir, "shard1"), join(dir, "shard2"), "--out", join(dir, "merged")]);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stderr).toMatch(/merged 4 runs from 2 directories/);
    expect(numbers(join(dir, "merged"))).toEqual(numbers(join(dir, "sweep")));
  }, SLOW);

  it("pandas' index column is skipped and --ignore leaves out a column: the same runs as the plain file", () => {
    // DataFrame.to_csv(): the row index first under an empty name; a date column the model must not see
    const [head, ...rows] = readFileSync(DATA, "utf8").trimEnd().split("\n");
    const pandas = join(dir, "pandas.csv");
    writeFileSync(pandas, [`,${head.replace("f3,", "f3,day,")}`, ...rows.map((l, i) => {
      const cells = l.split(",");
      cells.splice(3, 0, `2024-01-${String((i % 28) + 1).padStart(2, "0")}`);
      return `${i},${cells.join(",")}`;
    })].join("\n"));
    const args = USER.map((a) => (a === DATA ? pandas : a));
    expect(lrsched(["sweep", ...args, "--out", join(dir, "no-ignore"), "--quiet"]).stderr).toMatch(/^lrsched sweep: .*pandas\.csv row 1 \(line 2\), column 'day' must be a number, got "2024-01-01"\n$/);
    const r = lrsched(["sweep", ...args, "--ignore", "day", "--out", join(dir, "pandas"), "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "pandas", "results.json"), "utf8")).data.features).toBe(4);
    expect(numbers(join(dir, "pandas")).summary).toEqual(numbers(join(dir, "sweep")).summary);
  }, SLOW);

  it("a separate validation file; a regression target with --loss mse", () => {
    const val = join(dir, "val.csv");
    writeFileSync(val, readFileSync(DATA, "utf8").split("\n").slice(0, 31).join("\n"));
    const one = USER.map((a) => (a === "1,2" ? "1" : a));
    const r = lrsched(["sweep", ...one, "--validation", val, "--out", join(dir, "val"), "--quiet"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/one seed cannot show a lift|No schedule beat the fixed rate 'constant'/);
    expect(JSON.parse(readFileSync(join(dir, "val", "results.json"), "utf8")).data).toMatchObject({ trainRows: 240, validationRows: 30, validationFraction: null });

    // y = f1 - f2 from the same features, a one-output model: mean squared error, ranked by validation loss
    const lines = readFileSync(DATA, "utf8").trimEnd().split("\n");
    const reg = join(dir, "reg.csv");
    writeFileSync(reg, ["f1,f2,f3,f4,y", ...lines.slice(1).map((l) => {
      const [a, b, c, d] = l.split(",").map(Number);
      return [a, b, c, d, (a - b).toFixed(4)].join(",");
    })].join("\n"));
    const one4 = join(dir, "one.json");
    writeFileSync(one4, readFileSync(MODEL, "utf8").replace('"units":3', '"units":1').replace('"activation":"softmax"', '"activation":"linear"'));
    const g = lrsched(["sweep", "--model", one4, "--data", reg, "--target", "y", "--loss", "mse", "--config", CONFIG.replace(/0\.1/g, "0.01"), "--seed", "1,2", "--out", join(dir, "reg"), "--quiet"]);
    expect(g.status, g.stderr).toBe(0);
    expect(g.stdout).toMatch(/^schedule\s+val loss\s+95 % interval/m);
    expect(JSON.parse(readFileSync(join(dir, "reg", "results.json"), "utf8")).task).toMatchObject({ kind: "regression", loss: "meanSquaredError", metric: "loss" });
  }, SLOW);

  // every bad input: exit 2, one line naming the file, row and column (or the layer, or the field)
  const bad = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const cases: [string, () => string[], RegExp][] = [
    ["a non-numeric feature", () => ["--data", bad("nn.csv", "f1,f2,f3,f4,label\n1,2,3,4,north\n1,two,3,4,east\n")], /^lrsched sweep: .*nn\.csv row 2 \(line 3\), column 'f2' must be a number, got "two"$/],
    ["an empty cell", () => ["--data", bad("empty.csv", "f1,f2,f3,f4,label\n1,2,,4,north\n")], /^lrsched sweep: .*empty\.csv row 1 \(line 2\), column 'f3' is empty; every feature cell needs a number$/],
    ["a ragged row", () => ["--data", bad("ragged.csv", "f1,f2,f3,f4,label\n1,2,3,4,north\n1,2,3,east\n")], /^lrsched sweep: .*ragged\.csv row 2 \(line 3\) has 4 cells, the header has 5 columns$/],
    ["an unknown target column", () => ["--target", "class"], /^lrsched sweep: .*blobs\.csv: target column 'class' is not in the file; columns: f1, f2, f3, f4, label$/],
    ["a model output size that does not match the classes", () => ["--model", bad("four.json", readFileSync(MODEL, "utf8").replace('"units":3', '"units":4'))], /^lrsched sweep: model output size 4 does not match the 3 classes of column 'label' of .*blobs\.csv \(east, north, south\)$/],
    ["features the model does not take", () => ["--data", bad("five.csv", "f1,f2,f3,f4,f5,label\n1,2,3,4,5,north\n")], /^lrsched sweep: model input shape \[4\] does not match the data's rows of shape \[5\]/],
    ["an unsupported layer", () => ["--model", bad("odd.json", readFileSync(MODEL, "utf8").replace('"class_name":"Dense"', '"class_name":"FancyDense"'))], /^lrsched sweep: model: layer 'dense_Dense\d+' has class FancyDense, which TensorFlow.js does not support$/],
    ["a model file that is not JSON", () => ["--model", bad("broken.json", "{ not json")], /^lrsched sweep: .*broken\.json is not valid JSON: /],
    ["a missing data file", () => ["--data", join(dir, "nope.csv")], /^lrsched sweep: .*nope\.csv cannot be read: no such file or directory$/],
    ["a validation class the training rows lack", () => ["--validation", bad("newclass.csv", "f1,f2,f3,f4,label\n1,2,3,4,west\n")], /^lrsched sweep: .*newclass\.csv row 1 holds class 'west', which the training rows do not have \(east, north, south\)$/],
    ["--data without --target", () => ["--target", ""], /^lrsched sweep: /],
    ["a bad shard", () => ["--shard", "3/2"], /^lrsched sweep: --shard must be K\/N with 1 <= K <= N, e\.g\. 2\/4, got "3\/2"$/],
  ];
  it.each(cases)("%s: exit 2, one line", (_what, extra, message) => {
    const args = [...USER, "--out", join(dir, "never")];
    for (let i = 0, more = extra(); i < more.length; i += 2) {
      const at = args.indexOf(more[i]);
      if (at >= 0) args[at + 1] = more[i + 1];
      else args.push(more[i], more[i + 1]);
    }
    const r = lrsched(["sweep", ...args]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
  });

  it("sweep merge refuses an unfinished set and a directory that is not a sweep", () => {
    const r = lrsched(["sweep", "merge", join(dir, "shard1"), "--out", join(dir, "m2")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("lrsched sweep: merge is missing 2 of 4 runs ('constant' seed 2, 'cosine' seed 2): is a shard unfinished?\n");
    const none = lrsched(["sweep", "merge", dir, "--out", join(dir, "m3")]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/has no runs\/ directory: not a sweep output directory\n$/);
  });
});

describe("lrsched find on your model and data", () => {
  it("prints three suggestions and writes the chart", () => {
    const out = join(dir, "range");
    const r = lrsched(["find", "--model", MODEL, "--data", DATA, "--target", "label", "--batches", "40", "--batch-size", "16", "--max", "100", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split("\n").map((l) => l.split(/\s+/)[0])).toEqual(["valley", "steepest", "minimum/10"]);
    expect(r.stderr).toMatch(/^lrsched find: .*model\.json on .*blobs\.csv, batch 16, lr 1e-5 -> 100: /);
    const json = JSON.parse(readFileSync(join(out, "range-test.json"), "utf8"));
    const diverged = json.rawDivergedAt ?? Infinity;
    for (const s of json.suggestions) expect(s.batch).toBeLessThan(diverged);
  }, SLOW);
});
