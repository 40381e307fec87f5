// What a sweep reports while it works, for progress bars and logs.
import type { EpochRecord } from "../train/run";

/** A run as progress events name it. */
export interface RunRef {
  /** Position in the sweep's run order, 0-based. */
  readonly index: number;
  readonly label: string;
  readonly seed: number;
  /** 1-based position among the runs this call handles, and how many those are. */
  readonly n: number;
  readonly of: number;
}

export type SweepProgress =
  | { readonly type: "plan"; readonly runs: number; readonly toTrain: number; readonly cached: number; readonly otherShards: number; readonly stepsPerRun: number }
  | { readonly type: "cached"; readonly run: RunRef }
  | { readonly type: "run"; readonly run: RunRef }
  | { readonly type: "batch"; readonly run: RunRef; readonly epoch: number; readonly epochs: number; readonly step: number; readonly steps: number; readonly loss: number }
  | { readonly type: "epoch"; readonly run: RunRef; readonly epochs: number; readonly record: EpochRecord }
  | { readonly type: "done"; readonly trained: number; readonly cached: number; readonly missing: number; readonly seconds: number };
