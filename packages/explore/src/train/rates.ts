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

/** What the plateau policy watches: the validation loss or metric, or the training ones. */
export type Monitor = "val_loss" | "val_metric" | "loss" | "metric";

/** The plateau policy with every option resolved (steps counted in optimizer steps). */
export interface PlateauPolicy {
  readonly lr: number;
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: "rel" | "abs";
  readonly cooldown: number;
  readonly minLr: number;
  readonly eps: number;
  readonly monitor: Monitor;
  readonly mode: "min" | "max";
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
