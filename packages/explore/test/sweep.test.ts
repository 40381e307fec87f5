import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReduceLROnPlateau } from "@lrsched/torch-compat";
import { constant, cosineDecay, warmup } from "@lrsched/ts-api";
import { describeSample, escapeHtml, loadTable, mergeSweeps, sweep, type SweepOptions, type SweepResult, type Table } from "../src/index";
import { blobModel, blobTopology, blobsCsv, CLASSES } from "./blobs";

const dir = mkdtempSync(join(tmpdir(), "lrsched-sweep-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let table: Table;
let topology: string;
beforeAll(async () => {
  blobsCsv(join(dir, "blobs.csv"), 300);
  table = await loadTable(join(dir, "blobs.csv"), { target: "label" });
  topology = blobTopology();
});

const options = (over: Partial<SweepOptions> = {}): SweepOptions => ({
  model: topology,
  data: table,
  schedules: [
    { label: "constant", spec: { type: "constant", value: 0.1 } },
    { label: "cosine", spec: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: { fraction: 1 } } },
  ],
  epochs: 2,
  batchSize: 30,
  seeds: [1, 2],
  ...over,
});

/** What must agree between two sweeps of the same config: everything but timings. */
const numbers = (r: SweepResult) => ({
  summary: r.summary,
  verdict: r.verdict,
  hashes: r.hashes,
  runs: r.runs.map((x) => ({ key: x.key, label: x.label, seed: x.seed, steps: x.steps, epochs: x.epochs.map(({ seconds: _s, ...e }) => e) })),
});

let plain: SweepResult;

describe("sweep() on a model and data made here", () => {
  it("trains every schedule with every seed and summarises them paired by seed", async () => {
    const out = join(dir, "plain");
    const events: string[] = [];
    plain = await sweep(options({ out, onProgress: (e) => events.push(e.type) }));
    expect(plain.complete).toBe(true);
    expect(plain.task).toMatchObject({ kind: "classification", loss: "sparseCategoricalCrossentropy", metric: "accuracy", classes: [...CLASSES].sort() });
    // 300 rows, 20 % held out per seed: 240 training rows in batches of 30
    expect(plain.data).toMatchObject({ trainRows: 240, validationRows: 60, validationFraction: 0.2, features: 4 });
    expect(plain.settings.stepsPerEpoch).toBe(8);
    expect(plain.runs.map((r) => `${r.label}/${r.seed}`)).toEqual(["constant/1", "constant/2", "cosine/1", "cosine/2"]);
    expect(events.filter((e) => e === "run")).toHaveLength(4);
    expect(events.filter((e) => e === "batch")).toHaveLength(4 * 16);
    expect(readdirSync(out).sort()).toEqual(["index.html", "results.csv", "results.json", "runs"]);

    // the summary from the runs' final validation accuracy, by hand
    const final = (label: string, seed: number) => {
      const run = plain.runs.find((r) => r.label === label && r.seed === seed)!;
      return run.epochs[run.epochs.length - 1].valMetric;
    };
    for (const s of plain.summary) {
      const d = describeSample([final(s.label, 1), final(s.label, 2)]);
      expect(s.mean).toBe(d.mean);
      expect(s.ci95).toEqual(d.ci95);
    }
    const diffs = [1, 2].map((seed) => final("cosine", seed) - final("constant", seed));
    const cos = plain.summary[1];
    expect(cos.vsBaseline?.meanDiff).toBe(describeSample(diffs).mean);
    expect(cos.vsBaseline?.ci95).toEqual(describeSample(diffs).ci95);
    const [lo] = cos.vsBaseline!.ci95!;
    expect(plain.verdict?.significant).toBe(plain.verdict?.best === "cosine" && lo > 0);
    expect(plain.baseline).toBe("constant");
    // the report's headline is the verdict
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain(`<p class="verdict${plain.verdict?.significant ? " significant" : ""}">${escapeHtml(plain.verdict!.text)}</p>`);
    expect(JSON.parse(readFileSync(join(out, "results.json"), "utf8")).verdict).toEqual(plain.verdict);
  });

  it("same seed: same initial weights and batches for every schedule; another seed: others", () => {
    const run = (label: string, seed: number) => plain.runs.find((r) => r.label === label && r.seed === seed)!;
    // the first batch's loss is measured before any update: it depends only on weights and batch
    expect(run("cosine", 1).steps.loss[0]).toBe(run("constant", 1).steps.loss[0]);
    expect(run("cosine", 2).steps.loss[0]).toBe(run("constant", 2).steps.loss[0]);
    expect(run("constant", 2).steps.loss[0]).not.toBe(run("constant", 1).steps.loss[0]);
    // the rates trained are the schedule's, step by step
    const cosine = cosineDecay({ initialLearningRate: 0.1, decaySteps: 16 });
    expect(run("cosine", 1).steps.lr).toEqual(Array.from({ length: 16 }, (_, i) => cosine.at(i)));
  });

  it("a model factory trains exactly like its topology", async () => {
    const fromFactory = await sweep(options({ model: blobModel }));
    expect(numbers(fromFactory).runs).toEqual(numbers(plain).runs);
    expect(fromFactory.summary).toEqual(plain.summary);
  });

  it("a rerun in the same directory trains nothing and gives the same numbers", async () => {
    let toTrain = -1;
    const again = await sweep(options({ out: join(dir, "plain"), onProgress: (e) => e.type === "plan" && (toTrain = e.toTrain) }));
    expect(toTrain).toBe(0);
    expect(numbers(again)).toEqual(numbers(plain));
  });
});

describe("shards", () => {
  it("shard 1/2 and 2/2 in separate directories, merged, equal the unsharded sweep", async () => {
    const trained: number[] = [];
    for (const index of [1, 2]) {
      const part = await sweep(options({ out: join(dir, `s${index}`), shard: { index, count: 2 }, onProgress: (e) => e.type === "plan" && trained.push(e.toTrain) }));
      expect(part.complete).toBe(false);
      expect(existsSync(join(dir, `s${index}`, "index.html"))).toBe(false);
    }
    expect(trained).toEqual([2, 2]);
    // runs 0 and 2 in shard 1, runs 1 and 3 in shard 2
    const ran = (d: string) => readdirSync(join(dir, d, "runs")).length;
    expect([ran("s1"), ran("s2")]).toEqual([2, 2]);
    const merged = await mergeSweeps([join(dir, "s1"), join(dir, "s2")], join(dir, "merged"));
    expect(numbers(merged)).toEqual(numbers(plain));
    expect(readFileSync(join(dir, "merged", "index.html"), "utf8")).toContain("<h2>Summary</h2>");
  });

  it("three shards sharing a directory, then the unsharded command: nothing left to train, same numbers", async () => {
    const shared = join(dir, "shared");
    for (const index of [1, 2, 3]) await sweep(options({ out: shared, shard: { index, count: 3 } }));
    let toTrain = -1;
    const whole = await sweep(options({ out: shared, onProgress: (e) => e.type === "plan" && (toTrain = e.toTrain) }));
    expect(toTrain).toBe(0);
    expect(numbers(whole)).toEqual(numbers(plain));
  });

  it("merge refuses runs of another config and an incomplete set", async () => {
    await sweep(options({ out: join(dir, "other"), epochs: 1, shard: { index: 1, count: 2 } }));
    await expect(mergeSweeps([join(dir, "s2"), join(dir, "other")], join(dir, "bad"))).rejects.toThrow(/other\/runs\/\w+\.json comes from a different sweep config than .*s2\/runs\/\w+\.json \(config hash \w+ vs \w+\); merge only shards of one sweep$/);
    await expect(mergeSweeps([join(dir, "s1")], join(dir, "bad"))).rejects.toThrow("merge is missing 2 of 4 runs ('constant' seed 2, 'cosine' seed 2): is a shard unfinished?");
  });
});

describe("bad options: one error naming the option", () => {
  const cases: [string, Partial<SweepOptions>, string][] = [
    ["a typo", { epoch: 3 } as never, "epoch is not an option; expected one of model, data,"],
    ["epochs", { epochs: 0 }, "epochs must be an integer in 1..100000, got 0"],
    ["seeds", { seeds: [1, 1] }, "seeds must not repeat a seed"],
    ["baseline", { baseline: "flat" }, "baseline must be the label of one of the schedules (constant, cosine), got \"flat\""],
    ["shard", { shard: { index: 3, count: 2 } }, "shard.index must be an integer in 1..2 (1-based), got 3"],
    ["metric for the task", { metric: "accuracy", loss: "mse", data: { x: [[1, 2, 3, 4], [2, 3, 4, 5]], y: [[0, 1, 0], [1, 0, 0]] } }, "'accuracy' needs a classification task"],
    ["a model output that does not fit the classes", { model: blobTopology().replace('"units":3', '"units":4') }, "model output size 4 does not match the 3 classes of column 'label' of"],
    ["a schedule too short for the run", { schedules: [{ label: "a", spec: { type: "oneCycle", maxLr: 0.1, totalSteps: 10 } }] }, "schedules[0].spec must give a rate at every step of the run (0..15)"],
  ];
  it.each(cases)("%s", async (_what, over, message) => {
    await expect(sweep(options(over))).rejects.toThrow(message);
  });
});

describe("the plateau policy in a sweep", () => {
  it("reduces where PyTorch's ReduceLROnPlateau says for the run's validation losses, after a per-step warm-up", async () => {
    const plateau = { lr: 0.1, factor: 0.5, patience: 0, threshold: 0.3, warmup: { steps: { epochs: 1 }, initialLr: 0.01 } };
    const r = await sweep(options({ epochs: 4, schedules: [{ label: "constant", spec: { type: "constant", value: 0.1 } }, { label: "plateau", plateau }] }));
    const spec = r.schedules[1].spec as { plateau: Record<string, unknown> };
    expect(spec.plateau).toMatchObject({ lr: 0.1, factor: 0.5, patience: 0, threshold: 0.3, thresholdMode: "rel", cooldown: 0, minLr: 0, monitor: "val_loss", mode: "min", warmup: { steps: 8, initialLr: 0.01, shape: "linear" } });
    let reductions = 0;
    for (const run of r.runs.filter((x) => x.label === "plateau")) {
      // the warm-up: ts-api's ramp on every step of the first epoch
      const ramp = warmup(constant({ value: 0.1 }), { warmupSteps: 8, initialLr: 0.01 });
      expect(run.steps.lr.slice(0, 8)).toEqual(Array.from({ length: 8 }, (_, i) => ramp.at(i)));
      // then torch-compat's ReduceLROnPlateau fed the same validation losses; epoch 1 ended inside the warm-up
      const group = { lr: 0.1 };
      const reference = new ReduceLROnPlateau({ paramGroups: [group] }, { factor: 0.5, patience: 0, threshold: 0.3 });
      for (let e = 1; e < 4; e++) {
        expect(run.steps.lr.slice(e * 8, (e + 1) * 8)).toEqual(new Array(8).fill(group.lr));
        reference.step(run.epochs[e].valLoss);
      }
      reductions += run.steps.lr.filter((v, i) => i > 8 && v < run.steps.lr[i - 1]).length;
    }
    expect(reductions).toBeGreaterThan(0);
    expect(r.summary.map((s) => s.label)).toEqual(["constant", "plateau"]);
  });

  it("bad plateau options: one error naming the field", async () => {
    const bad = (plateau: unknown) => sweep(options({ schedules: [{ label: "p", plateau: plateau as never }] }));
    await expect(bad({ lr: 0.1, factor: 2 })).rejects.toThrow("schedules[0].plateau.factor must be < 1 (PyTorch: factor should be < 1.0), got 2");
    await expect(bad({ factor: 0.5 })).rejects.toThrow("schedules[0].plateau.lr must be a finite number > 0 (the rate it starts from)");
    await expect(bad({ lr: 0.1, monitor: "val_acc" })).rejects.toThrow("schedules[0].plateau.monitor must be one of val_loss, val_metric, loss, metric, got \"val_acc\"");
    await expect(bad({ lr: 0.1, patience: "5" })).rejects.toThrow("schedules[0].plateau.patience must be a number, got \"5\"");
    await expect(bad({ lr: 0.1, thresholdMode: "relative" })).rejects.toThrow(/^schedules\[0\]\.plateau\.thresholdMode /);
  });
});
