// What sets the rate of every step: a closed-form schedule, or the plateau policy, which also listens
// to the end of every epoch.
import { constant, warmup, type Schedule } from "@lrsched/ts-api";
import { ReduceLROnPlateau } from "@lrsched/torch-compat";
import type { EpochRecord } from "./run";

/** A fresh rate source for one run. */
export interface RateControl {
  /** Rate of optimizer step `step` (0-based). */
  at(step: number): number;
  /** Told after every epoch (1-based), with what it measured. */
  endEpoch(epoch: number, record: EpochRecord): void;
}

/** A closed-form schedule: the rate depends on the step alone. */
export const scheduleControl = (schedule: Schedule): RateControl => ({ at: (step) => schedule.at(step), endEpoch: () => {} });

/**
 * What the plateau policy watches: the validation loss or metric ('val_loss', 'val_metric'), or the
 * training ones ('loss', 'metric'), each as measured at the end of an epoch.
 *
 * @example
 * ```ts
 * import type { Monitor, PlateauOptions } from "@lrsched/explore";
 * const monitor: Monitor = "val_metric";
 * const plateau: PlateauOptions = { lr: 0.05, monitor, patience: 3 };
 * plateau.monitor; // → "val_metric"
 * ```
 */
export type Monitor = "val_loss" | "val_metric" | "loss" | "metric";

/**
 * The plateau policy with every option resolved (warm-up steps counted in optimizer steps): what a
 * sweep trains with and records as the entry's spec (`{plateau: policy}`).
 *
 * @example
 * ```ts
 * import { plateauRates, type PlateauPolicy } from "@lrsched/explore";
 * const policy: PlateauPolicy = plateauRates({ lr: 0.1, warmup: { steps: { fraction: 0.5 } } }, [1, 1, 1, 1], 5).policy;
 * policy; // → { lr: 0.1, factor: 0.1, patience: 10, cooldown: 0, mode: "min", warmup: { steps: 10, initialLr: 0, shape: "linear" } }
 * ```
 */
export interface PlateauPolicy {
  /** The rate it starts from (after the warm-up). */
  readonly lr: number;
  /** What the rate is multiplied by at each reduction. */
  readonly factor: number;
  /** Epochs without improvement tolerated before a reduction. */
  readonly patience: number;
  /** Least change that counts as an improvement. */
  readonly threshold: number;
  /** Whether `threshold` is relative to the best value or absolute. */
  readonly thresholdMode: "rel" | "abs";
  /** Epochs after a reduction during which bad epochs are not counted. */
  readonly cooldown: number;
  /** Floor of the rate. */
  readonly minLr: number;
  /** A reduction smaller than this is skipped. */
  readonly eps: number;
  /** The value watched at the end of every epoch. */
  readonly monitor: Monitor;
  /** 'min': reduce when the value stops falling; 'max': when it stops rising. */
  readonly mode: "min" | "max";
  /** The per-step ramp to `lr` first, in optimizer steps; null without one. */
  readonly warmup: { readonly steps: number; readonly initialLr: number; readonly shape: "linear" | "cosine" | "exponential" } | null;
}

const monitored = (record: EpochRecord, monitor: Monitor) =>
  monitor === "val_loss" ? record.valLoss : monitor === "val_metric" ? record.valMetric : monitor === "loss" ? record.loss : record.metric;

/**
 * PyTorch's ReduceLROnPlateau (torch-compat, its exact algorithm) stepped once per epoch with the
 * monitored value, after an optional per-step warm-up from `initialLr` to `lr`. Epochs that end inside
 * the warm-up neither count toward patience nor reduce.
 */
export function plateauControl(p: PlateauPolicy, stepsPerEpoch: number): RateControl {
  const group = { lr: p.lr };
  const plateau = new ReduceLROnPlateau(
    { paramGroups: [group] },
    { mode: p.mode, factor: p.factor, patience: p.patience, threshold: p.threshold, thresholdMode: p.thresholdMode, cooldown: p.cooldown, minLr: p.minLr, eps: p.eps },
  );
  const ramp: Schedule | null = p.warmup && p.warmup.steps > 0 ? warmup(constant({ value: p.lr }), { warmupSteps: p.warmup.steps, initialLr: p.warmup.initialLr, shape: p.warmup.shape }) : null;
  const warmupSteps = ramp ? (p.warmup as NonNullable<PlateauPolicy["warmup"]>).steps : 0;
  return {
    at: (step) => (step < warmupSteps && ramp ? ramp.at(step) : group.lr),
    endEpoch(epoch, record) {
      if (epoch * stepsPerEpoch <= warmupSteps) return; // the epoch's last step was still warming up
      plateau.step(monitored(record, p.monitor));
    },
  };
}
