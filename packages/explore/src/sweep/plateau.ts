// The plateau policy as a sweep entry: PyTorch's ReduceLROnPlateau options in camelCase, plus the
// rate it starts from, what it watches, and an optional warm-up.
import { LrschedError } from "@lrsched/ts-api";
import { ReduceLROnPlateau } from "@lrsched/torch-compat";
import type { Monitor, PlateauPolicy } from "../train/rates";
import { resolveSteps } from "./schedules";

/**
 * The plateau policy as a sweep entry: PyTorch's ReduceLROnPlateau options in camelCase (checked by
 * torch-compat's `ReduceLROnPlateau`, defaults PyTorch's), plus the rate it starts from, what it
 * watches, and an optional per-step warm-up. Stepped once per epoch with the monitored value.
 *
 * @example
 * ```ts
 * import { plateauRates, type PlateauOptions } from "@lrsched/explore";
 * const plateau: PlateauOptions = { lr: 0.05, factor: 0.2, patience: 5, threshold: 0.01, warmup: { steps: { epochs: 1 } } };
 * // a sweep entry: { label: "plateau", plateau }; replayed on a series, 10 steps per epoch
 * plateauRates(plateau, [1, 0.8], 10).rates[5]; // → 0.025
 * ```
 */
export interface PlateauOptions {
  /** The rate it starts from (after the warm-up), a finite number > 0. */
  readonly lr: number;
  /** What the rate is multiplied by at each reduction (< 1). Default 0.1. */
  readonly factor?: number;
  /** Epochs without improvement tolerated: the next one in a row reduces the rate. Default 10. */
  readonly patience?: number;
  /** How much better than the best a value must be to count as an improvement. Default 1e-4. */
  readonly threshold?: number;
  /** 'rel' (better by a fraction `threshold` of the best) or 'abs' (by `threshold` itself). Default 'rel'. */
  readonly thresholdMode?: "rel" | "abs";
  /** Epochs after a reduction during which bad epochs are not counted. Default 0. */
  readonly cooldown?: number;
  /** Floor of the rate. Default 0. */
  readonly minLr?: number;
  /** A reduction smaller than this is skipped. Default 1e-8. */
  readonly eps?: number;
  /** 'val_loss' (default), 'val_metric' (the sweep's metric on the validation rows), 'loss' or 'metric' (training). */
  readonly monitor?: Monitor;
  /** 'min': reduce when the value stops falling; 'max': when it stops rising. Default: 'max' when the value watched is the accuracy ('val_metric' or 'metric' of a sweep ranked by accuracy), 'min' otherwise. */
  readonly mode?: "min" | "max";
  /**
   * Per-step ramp to `lr` first (ts-api's `warmup`): `steps` an integer >= 0, `{epochs: n}` or
   * `{fraction: f}` of the run; `initialLr` a number >= 0 (> 0 for 'exponential'), default 0;
   * `shape` 'linear' (default), 'cosine' or 'exponential'. Epochs that end inside the warm-up
   * neither count toward patience nor reduce. Default: no warm-up.
   */
  readonly warmup?: {
    /** Steps of the ramp: an integer >= 0, `{epochs: n}` or `{fraction: f}`. */
    readonly steps: unknown;
    /** Rate of the first step. Default 0. */
    readonly initialLr?: number;
    /** Shape of the ramp. Default 'linear'. */
    readonly shape?: "linear" | "cosine" | "exponential";
  };
}

const KEYS = ["lr", "factor", "patience", "threshold", "thresholdMode", "cooldown", "minLr", "eps", "monitor", "mode", "warmup"];
const MONITORS: readonly Monitor[] = ["val_loss", "val_metric", "loss", "metric"];

/** Checks the options (through torch-compat's own checks) and fills in every default. */
export function resolvePlateau(options: PlateauOptions, perEpoch: number, total: number, higherIsBetter: boolean, path: string): PlateauPolicy {
  if (typeof options !== "object" || options === null || Array.isArray(options)) throw new LrschedError(path, "must be an object { lr, factor, patience, ... }", options);
  for (const k of Object.keys(options)) if (!KEYS.includes(k)) throw new LrschedError(`${path}.${k}`, `is not an option; expected one of ${KEYS.join(", ")}`);
  const lr = options.lr;
  if (typeof lr !== "number" || !(lr > 0) || !Number.isFinite(lr)) throw new LrschedError(`${path}.lr`, "must be a finite number > 0 (the rate it starts from)", lr);
  const monitor = options.monitor ?? "val_loss";
  if (!MONITORS.includes(monitor)) throw new LrschedError(`${path}.monitor`, `must be one of ${MONITORS.join(", ")}`, monitor);
  const watchesMetric = monitor === "val_metric" || monitor === "metric";
  const mode = options.mode ?? (watchesMetric && higherIsBetter ? "max" : "min");
  let plateau: ReduceLROnPlateau;
  const { lr: _lr, monitor: _m, warmup: _w, ...torchOptions } = options;
  try {
    plateau = new ReduceLROnPlateau({ paramGroups: [{ lr }] }, { ...torchOptions, mode });
  } catch (e) {
    if (e instanceof LrschedError) throw new LrschedError(`${path}.${e.path}`, e.rule, e.got);
    throw e;
  }
  let warmup: PlateauPolicy["warmup"] = null;
  if (options.warmup !== undefined) {
    const w = options.warmup as Record<string, unknown>;
    if (typeof w !== "object" || w === null) throw new LrschedError(`${path}.warmup`, "must be an object { steps, initialLr, shape }", w);
    for (const k of Object.keys(w)) if (!["steps", "initialLr", "shape"].includes(k)) throw new LrschedError(`${path}.warmup.${k}`, "is not an option; expected steps, initialLr, shape");
    const steps = resolveSteps(w.steps, perEpoch, total, `${path}.warmup.steps`);
    if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0) throw new LrschedError(`${path}.warmup.steps`, "must be an integer >= 0, {epochs: n} or {fraction: f}", w.steps);
    const initialLr = w.initialLr ?? 0;
    if (typeof initialLr !== "number" || !(initialLr >= 0) || !Number.isFinite(initialLr)) throw new LrschedError(`${path}.warmup.initialLr`, "must be a finite number >= 0", initialLr);
    const shape = w.shape ?? "linear";
    if (!["linear", "cosine", "exponential"].includes(shape as string)) throw new LrschedError(`${path}.warmup.shape`, "must be one of linear, cosine, exponential", shape);
    if (shape === "exponential" && !(initialLr > 0)) throw new LrschedError(`${path}.warmup.initialLr`, "must be > 0 for the exponential shape", initialLr);
    warmup = { steps, initialLr, shape: shape as "linear" | "cosine" | "exponential" };
  }
  return {
    lr,
    factor: plateau.factor,
    patience: plateau.patience,
    threshold: plateau.threshold,
    thresholdMode: plateau.thresholdMode,
    cooldown: plateau.cooldown,
    minLr: plateau.minLrs[0],
    eps: plateau.eps,
    monitor,
    mode,
    warmup,
  };
}
