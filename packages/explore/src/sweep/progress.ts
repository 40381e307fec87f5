// What a sweep reports while it works, for progress bars and logs.
import type { EpochRecord } from "../train/run";

/**
 * A run as progress events name it.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep, type RunRef } from "@lrsched/explore";
 * const started: RunRef[] = [];
 * await sweep({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] }),
 *   data: { x: [[0], [1], [2], [3], [4]], y: [0, 2, 4, 6, 8] },
 *   schedules: [{ label: "constant", spec: { type: "constant", value: 0.01 } }],
 *   epochs: 1,
 *   seeds: [1, 2],
 *   onProgress: (e) => void (e.type === "run" && started.push(e.run)),
 * });
 * started.map((r) => `${r.label}/${r.seed}: ${r.n} of ${r.of}`); // → ["constant/1: 1 of 2", "constant/2: 2 of 2"]
 * ```
 */
export interface RunRef {
  /** Position in the sweep's run order, 0-based. */
  readonly index: number;
  /** The schedule's label. */
  readonly label: string;
  /** The run's seed. */
  readonly seed: number;
  /** 1-based position among the runs this call handles (cached or trained; not other shards'). */
  readonly n: number;
  /** How many runs this call handles. */
  readonly of: number;
}

/**
 * What a sweep reports while it works, through `onProgress`: the plan (runs in all, to train, found
 * cached, left to other shards; steps per run), each cached run, each run as it starts, every batch
 * (its 1-based epoch, 0-based step of the run and loss), every epoch's record, and the end (runs
 * trained, cached and still missing; seconds).
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep, type SweepProgress } from "@lrsched/explore";
 * const events: SweepProgress[] = [];
 * await sweep({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1 })] }),
 *   data: { x: [[0], [1], [2], [3], [4]], y: [0, 2, 4, 6, 8] },
 *   schedules: [{ label: "constant", spec: { type: "constant", value: 0.01 } }],
 *   epochs: 2,
 *   seeds: 1,
 *   onProgress: (e) => void events.push(e),
 * });
 * events.map((e) => e.type); // → ["plan", "run", "batch", "epoch", "batch", "epoch", "done"]
 * events[0]; // → { type: "plan", runs: 1, toTrain: 1, cached: 0, otherShards: 0, stepsPerRun: 2 }
 * ```
 */
export type SweepProgress =
  | {
      /** First, once: what this call will do. */
      readonly type: "plan";
      /** Runs of the whole sweep (schedules x seeds). */
      readonly runs: number;
      /** Runs this call trains. */
      readonly toTrain: number;
      /** Runs found finished in OUT/runs/. */
      readonly cached: number;
      /** Runs left to the other shards. */
      readonly otherShards: number;
      /** Optimizer steps of every run. */
      readonly stepsPerRun: number;
    }
  | {
      /** A run found finished in OUT/runs/ (one event each, after the plan). */
      readonly type: "cached";
      readonly run: RunRef;
    }
  | {
      /** A run starts training. */
      readonly type: "run";
      readonly run: RunRef;
    }
  | {
      /** A batch was trained. */
      readonly type: "batch";
      readonly run: RunRef;
      /** 1-based epoch, of `epochs`. */
      readonly epoch: number;
      readonly epochs: number;
      /** 0-based optimizer step of the run, of `steps`. */
      readonly step: number;
      readonly steps: number;
      /** Training loss of the batch. */
      readonly loss: number;
    }
  | {
      /** An epoch ended and was validated. */
      readonly type: "epoch";
      readonly run: RunRef;
      readonly epochs: number;
      readonly record: EpochRecord;
    }
  | {
      /** Last, once: runs trained, found cached and still missing (other shards'), and the seconds of the call. */
      readonly type: "done";
      readonly trained: number;
      readonly cached: number;
      readonly missing: number;
      readonly seconds: number;
    };
