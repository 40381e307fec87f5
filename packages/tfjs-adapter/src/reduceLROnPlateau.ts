import { Callback } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import { checkChoice, checkKeys, checkNumber, checkObject } from "./checks";
import { getLearningRate, setLearningRate } from "./learningRate";
import { resolveLogs, type UnresolvedLogs } from "./logs";
import { modelOptimizer } from "./modelOptimizer";

export interface ReduceLROnPlateauOptions {
  /** Epoch log to watch. Default 'val_loss'. */
  readonly monitor?: string;
  /** Multiplier applied on a plateau, in [0, 1). Default 0.1. */
  readonly factor?: number;
  /** Epochs without improvement before reducing. Default 10. */
  readonly patience?: number;
  /** Print a line on each reduction. Default false. */
  readonly verbose?: boolean | number;
  /** 'min', 'max', or 'auto': 'max' when `monitor` contains 'acc', else 'min'. Default 'auto'. */
  readonly mode?: "auto" | "min" | "max";
  /** Least change that counts as an improvement. Default 1e-4. */
  readonly minDelta?: number;
  /** Epochs to wait after a reduction before counting again. Default 0. */
  readonly cooldown?: number;
  /** The rate never goes below this. Default 0. */
  readonly minLr?: number;
}

const OPTION_KEYS = ["monitor", "factor", "patience", "verbose", "mode", "minDelta", "cooldown", "minLr"] as const;

/**
 * Keras's `ReduceLROnPlateau` (the tf.keras 2 algorithm, which Keras 3 kept), as a tfjs
 * callback. At each epoch end:
 *
 * 1. `logs.lr` = the optimizer's current rate (so it lands in `history.history.lr`).
 * 2. If `logs[monitor]` is missing: warn and do nothing else.
 * 3. In cooldown: `cooldown -= 1`, `wait = 0`.
 * 4. If the value improves on `best` (`current < best - minDelta` in min mode,
 *    `current > best + minDelta` in max mode): `best = current`, `wait = 0`.
 * 5. Else, if not in cooldown: `wait += 1`; when `wait >= patience` and `f32(lr) > f32(minLr)`,
 *    the rate becomes `f32(max(f32(lr) * factor, minLr))`, then `cooldown = cooldown`, `wait = 0`.
 *
 * `best`, `wait` and the cooldown are reset when training begins. Rates are rounded to float32
 * where Keras stores them in a float32 variable, so the floor comparison behaves as in Keras.
 *
 * @example
 * await model.fit(xs, ys, {
 *   epochs: 50, validationSplit: 0.2,
 *   callbacks: [reduceLROnPlateau({ monitor: 'val_loss', factor: 0.5, patience: 3, minLr: 1e-4 })],
 * });
 */
export class ReduceLROnPlateauCallback extends Callback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly mode: "min" | "max";
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  private readonly verbose: boolean;
  private bestValue = Infinity;
  private waitCount = 0;
  private cooldownCounter = 0;

  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    const opts = checkObject("options", options);
    checkKeys("options", opts, OPTION_KEYS);
    const monitor = opts.monitor ?? "val_loss";
    if (typeof monitor !== "string" || monitor === "") {
      throw new LrschedError("monitor", "must be a non-empty log key such as 'val_loss'", monitor);
    }
    this.monitor = monitor;
    // Keras rejects factor >= 1.0 (it would not reduce).
    this.factor = checkNumber("factor", opts.factor ?? 0.1, { min: 0, below: 1 });
    this.patience = checkNumber("patience", opts.patience ?? 10, { integer: true, min: 0 });
    this.minDelta = checkNumber("minDelta", opts.minDelta ?? 1e-4);
    this.cooldown = checkNumber("cooldown", opts.cooldown ?? 0, { integer: true, min: 0 });
    this.minLr = checkNumber("minLr", opts.minLr ?? 0, { min: 0 });
    const mode = checkChoice("mode", opts.mode ?? "auto", ["auto", "min", "max"] as const);
    this.mode = mode === "auto" ? (monitor.includes("acc") ? "max" : "min") : mode;
    this.verbose = Boolean(opts.verbose);
    this.reset();
  }

  /** Best monitored value seen since training began. */
  get best(): number {
    return this.bestValue;
  }

  /** Epochs without improvement counted so far. */
  get wait(): number {
    return this.waitCount;
  }

  /** Epochs of cooldown left. */
  get cooldownLeft(): number {
    return this.cooldownCounter;
  }

  private reset(): void {
    this.bestValue = this.mode === "min" ? Infinity : -Infinity;
    this.waitCount = 0;
    this.cooldownCounter = 0;
  }

  private improves(current: number): boolean {
    return this.mode === "min" ? current < this.bestValue - this.minDelta : current > this.bestValue + this.minDelta;
  }

  override async onTrainBegin(): Promise<void> {
    this.reset();
  }

  override async onEpochEnd(epoch: number, rawLogs?: UnresolvedLogs): Promise<void> {
    const optimizer = modelOptimizer(this.model);
    const logs = await resolveLogs(rawLogs);
    logs.lr = getLearningRate(optimizer);
    const current = logs[this.monitor];
    if (typeof current !== "number") {
      console.warn(
        `Learning rate reduction is conditioned on metric \`${this.monitor}\` which is not available. ` +
          `Available metrics are: ${Object.keys(logs).join(",")}.`,
      );
      return;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.waitCount = 0;
    }
    if (this.improves(current)) {
      this.bestValue = current;
      this.waitCount = 0;
    } else if (this.cooldownCounter <= 0) {
      this.waitCount += 1;
      if (this.waitCount >= this.patience) {
        const oldLr = Math.fround(getLearningRate(optimizer));
        if (oldLr > Math.fround(this.minLr)) {
          const newLr = Math.fround(Math.max(oldLr * this.factor, this.minLr));
          setLearningRate(optimizer, newLr);
          if (this.verbose) console.log(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${newLr}.`);
          this.cooldownCounter = this.cooldown;
          this.waitCount = 0;
        }
      }
    }
  }
}

/**
 * Creates a {@link ReduceLROnPlateauCallback} with Keras's defaults: `monitor = 'val_loss'`,
 * `factor = 0.1`, `patience = 10`, `minDelta = 1e-4`, `mode = 'auto'`, `cooldown = 0`, `minLr = 0`.
 *
 * @throws LrschedError for a bad option (factor outside [0, 1), negative patience, ...).
 */
export function reduceLROnPlateau(options?: ReduceLROnPlateauOptions): ReduceLROnPlateauCallback {
  return new ReduceLROnPlateauCallback(options);
}
