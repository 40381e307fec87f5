// What a finished run keeps: its numbers, the hashes of the config, model and data that made them,
// and the sweep's manifest, so a report can be written from run files alone (after a merge).
import type { Task } from "../data/task";
import type { MetricName } from "../stats/metrics";
import type { EpochRecord } from "../train/run";

/** Everything about a sweep a report shows, apart from the runs. */
export interface SweepManifest {
  readonly name: string;
  readonly task: Task & { readonly metric: MetricName };
  readonly model: { readonly description: string; readonly parameters: number };
  readonly data: {
    readonly description: string;
    readonly features: number;
    readonly trainRows: number;
    readonly validationRows: number;
    /** Set when validation rows are split off per seed. */
    readonly validationFraction: number | null;
  };
  readonly settings: {
    readonly epochs: number;
    readonly batchSize: number;
    readonly stepsPerEpoch: number;
    readonly optimizer: { readonly name: string; readonly momentum?: number };
  };
  readonly seeds: readonly number[];
  readonly baseline: string | null;
  /** In the sweep's order, with the specs as trained (step fields resolved). */
  readonly schedules: readonly { readonly label: string; readonly spec: unknown }[];
  /** TensorFlow.js backend: 'cpu' (pure JS) or 'tensorflow' (tfjs-node). */
  readonly backend: string;
}

export interface RunHashes {
  /** The sweep as a whole: manifest settings, schedules, seeds, baseline, model and data. */
  readonly config: string;
  readonly model: string;
  readonly data: string;
}

/** A finished run as stored in DIR/runs/KEY.json. */
export interface RunRecord {
  readonly format: number;
  /** Hash of what makes this run's numbers (not its label, not the other schedules). */
  readonly key: string;
  /** Position in the sweep's run order (schedule by schedule, seeds within). */
  readonly index: number;
  readonly label: string;
  readonly seed: number;
  readonly spec: unknown;
  readonly hashes: RunHashes;
  readonly manifest: SweepManifest;
  readonly epochs: readonly EpochRecord[];
  /** Per step: training loss of the batch, and the rate it trained with. */
  readonly steps: { readonly loss: readonly number[]; readonly lr: readonly number[] };
  /** Training seconds of the run (validation included; the process's one-off warm-up excluded). */
  readonly seconds: number;
}
