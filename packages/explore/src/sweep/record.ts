// What a finished run keeps: its numbers, the hashes of the config, model and data that made them,
// and the sweep's manifest, so a report can be written from run files alone (after a merge).
import type { Task } from "../data/task";
import type { MetricName } from "../stats/metrics";
import type { EpochRecord } from "../train/run";

/**
 * Everything about a sweep a report shows, apart from the runs: what was trained on what, and how.
 * Every run file carries it, so a report can be written from run files alone.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep, type SweepManifest } from "@lrsched/explore";
 * const x = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * const manifest: SweepManifest = await sweep({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] }),
 *   data: { x, y: x.map(([a, b]) => (a + b > 1 ? "high" : "low")) },
 *   schedules: [{ label: "cosine", spec: { type: "cosineDecay", initialLearningRate: 0.5, decaySteps: { fraction: 1 } } }],
 *   epochs: 2,
 *   batchSize: 8,
 *   seeds: [1],
 * });
 * manifest.settings; // → { epochs: 2, batchSize: 8, stepsPerEpoch: 4, optimizer: { name: "momentum", momentum: 0.9 } }
 * manifest.schedules[0].spec; // → { type: "cosineDecay", initialLearningRate: 0.5, decaySteps: 8 }
 * manifest.task; // → { kind: "classification", classes: ["high", "low"], metric: "accuracy" }
 * manifest.model.parameters; // → 6
 * ```
 */
export interface SweepManifest {
  /** Title of the report: the `name` option, or one made from the schedules, the data file and the seeds. */
  readonly name: string;
  /** What the model learns, and the metric the schedules are ranked by. */
  readonly task: Task & { readonly metric: MetricName };
  /** The model as reports show it: a one-line description and its number of parameters. */
  readonly model: { readonly description: string; readonly parameters: number };
  /** Where the data came from ("arrays", or the file and target column), features per row, and the rows trained and validated on per run. */
  readonly data: {
    /** "arrays", or the file(s) and the target column. */
    readonly description: string;
    /** Features per row. */
    readonly features: number;
    /** Rows every run trains on. */
    readonly trainRows: number;
    /** Rows every run is validated on. */
    readonly validationRows: number;
    /** Set when validation rows are split off per seed. */
    readonly validationFraction: number | null;
  };
  /** The training settings with defaults filled in; `stepsPerEpoch` counts the partial last batch. */
  readonly settings: {
    /** Epochs of every run. */
    readonly epochs: number;
    /** Rows per batch. */
    readonly batchSize: number;
    /** Optimizer steps per epoch, the partial last batch counted. */
    readonly stepsPerEpoch: number;
    /** The optimizer's name, and its momentum for 'momentum'. */
    readonly optimizer: { readonly name: string; readonly momentum?: number };
  };
  /** Seeds of every schedule, in order. */
  readonly seeds: readonly number[];
  /** Label of the fixed-rate reference; null when there is none. */
  readonly baseline: string | null;
  /** In the sweep's order, with the specs as trained (step fields resolved). */
  readonly schedules: readonly { readonly label: string; readonly spec: unknown }[];
  /** TensorFlow.js backend: 'cpu' (pure JS) or 'tensorflow' (tfjs-node). */
  readonly backend: string;
}

/**
 * Content hashes (20 hex digits of sha256) of what made a sweep's runs; {@link mergeSweeps} refuses
 * runs whose hashes differ.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep, type RunHashes } from "@lrsched/explore";
 * const options = {
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] }),
 *   data: { x: [[0], [1], [2], [3], [4]], y: [0, 2, 4, 6, 8] },
 *   schedules: [{ label: "constant", spec: { type: "constant", value: 0.01 } }],
 *   epochs: 1,
 *   seeds: 1,
 * };
 * const a: RunHashes = (await sweep(options)).hashes;
 * const b: RunHashes = (await sweep({ ...options, epochs: 2 })).hashes;
 * [a.model === b.model, a.data === b.data, a.config === b.config]; // → [true, true, false]
 * ```
 */
export interface RunHashes {
  /** The sweep as a whole: manifest settings, schedules, seeds, baseline, model and data. */
  readonly config: string;
  /** The model's topology, with layer names made positional. */
  readonly model: string;
  /** Every feature and target value and the class names. */
  readonly data: string;
}

/**
 * A finished run as stored in DIR/runs/KEY.json: its numbers, and the hashes and manifest of the
 * sweep that made it.
 *
 * @example
 * ```ts
 * import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep, type RunRecord } from "@lrsched/explore";
 * const dir = mkdtempSync(join(tmpdir(), "lrsched-runs-"));
 * const x = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * await sweep({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] }),
 *   data: { x, y: x.map(([a, b]) => (a + b > 1 ? "high" : "low")) },
 *   schedules: [{ label: "cosine", spec: { type: "cosineDecay", initialLearningRate: 0.5, decaySteps: { fraction: 1 } } }],
 *   epochs: 2,
 *   batchSize: 8,
 *   seeds: [7],
 *   out: dir,
 * });
 * const [file] = readdirSync(join(dir, "runs"));
 * const run: RunRecord = JSON.parse(readFileSync(join(dir, "runs", file), "utf8"));
 * [file === `${run.key}.json`, run.label, run.seed, run.epochs.length]; // → [true, "cosine", 7, 2]
 * [run.steps.lr.length, run.steps.lr[0]]; // → [8, 0.5]
 * rmSync(dir, { recursive: true });
 * ```
 */
export interface RunRecord {
  /** Version of the run format: files of another version are trained again. */
  readonly format: number;
  /** Hash of what makes this run's numbers (not its label, not the other schedules). */
  readonly key: string;
  /** Position in the sweep's run order (schedule by schedule, seeds within). */
  readonly index: number;
  /** The schedule's label. */
  readonly label: string;
  /** The seed of its initial weights, validation rows and batch order. */
  readonly seed: number;
  /** The schedule as trained, as JSON (step fields resolved). */
  readonly spec: unknown;
  /** The hashes of the sweep it belongs to. */
  readonly hashes: RunHashes;
  /** The sweep it belongs to. */
  readonly manifest: SweepManifest;
  /** One record per epoch. */
  readonly epochs: readonly EpochRecord[];
  /** Per step: training loss of the batch, and the rate it trained with. */
  readonly steps: {
    /** Training loss of every step's batch (NaN after a divergence). */
    readonly loss: readonly number[];
    /** The rate every step trained with. */
    readonly lr: readonly number[];
  };
  /** Training seconds of the run (validation included; the process's one-off warm-up excluded). */
  readonly seconds: number;
}
