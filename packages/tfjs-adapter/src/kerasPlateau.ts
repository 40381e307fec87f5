// Keras's plateau decision (the tf.keras 2 algorithm, which Keras 3 kept), apart from what it
// acts on: reduceLROnPlateau applies it to the optimizer's rate, lrScheduler to a factor that
// multiplies a schedule.
import { LrschedError } from "@lrsched/ts-api";
import { checkChoice, checkKeys, checkNumber, checkObject } from "./checks";

/**
 * Keras `ReduceLROnPlateau`'s arguments in camelCase.
 *
 * @example
 * ```ts
 * import { KerasPlateau, type PlateauOptions } from "@lrsched/tfjs-adapter";
 * const options: PlateauOptions = { monitor: "val_acc", mode: "max", patience: 3 };
 * new KerasPlateau(options, "options").patience; // → 3
 * ```
 */
export interface PlateauOptions {
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

export const PLATEAU_KEYS = ["monitor", "factor", "patience", "verbose", "mode", "minDelta", "cooldown", "minLr"] as const;

/**
 * One epoch at a time (Keras's `on_epoch_end` once the monitored value is known):
 *
 * 1. In cooldown: `cooldown -= 1`, `wait = 0`.
 * 2. If the value improves on `best` (`current < best - minDelta` in min mode,
 *    `current > best + minDelta` in max mode): `best = current`, `wait = 0`.
 * 3. Else, if not in cooldown: `wait += 1`; when `wait >= patience` and `f32(lr) > f32(minLr)`
 *    the rate is reduced, then `cooldown = cooldown`, `wait = 0`.
 *
 * @example
 * ```ts
 * import { KerasPlateau } from "@lrsched/tfjs-adapter";
 * const plateau = new KerasPlateau({ patience: 1, factor: 0.5 }, "options");
 * [1, 1, 1].map((loss) => plateau.epochEnd(loss, 0.1)); // → [false, true, true]
 * ```
 */
export class KerasPlateau {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly mode: "min" | "max";
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  readonly verbose: boolean;
  best = Infinity;
  wait = 0;
  cooldownLeft = 0;

  /** Validates `options` (errors name `${path}.field`, or the bare field when path is ''). */
  constructor(options: unknown, path: string, extraKeys: readonly string[] = []) {
    const field = (k: string) => (path === "" ? k : `${path}.${k}`);
    const opts = checkObject(path || "options", options);
    checkKeys(path || "options", opts, [...PLATEAU_KEYS, ...extraKeys]);
    const monitor = opts.monitor ?? "val_loss";
    if (typeof monitor !== "string" || monitor === "") {
      throw new LrschedError(field("monitor"), "must be a non-empty log key such as 'val_loss'", monitor);
    }
    this.monitor = monitor;
    // Keras rejects factor >= 1.0 (it would not reduce).
    this.factor = checkNumber(field("factor"), opts.factor ?? 0.1, { min: 0, below: 1 });
    this.patience = checkNumber(field("patience"), opts.patience ?? 10, { integer: true, min: 0 });
    this.minDelta = checkNumber(field("minDelta"), opts.minDelta ?? 1e-4);
    this.cooldown = checkNumber(field("cooldown"), opts.cooldown ?? 0, { integer: true, min: 0 });
    this.minLr = checkNumber(field("minLr"), opts.minLr ?? 0, { min: 0 });
    const mode = checkChoice(field("mode"), opts.mode ?? "auto", ["auto", "min", "max"] as const);
    this.mode = mode === "auto" ? (monitor.includes("acc") ? "max" : "min") : mode;
    this.verbose = Boolean(opts.verbose);
    this.reset();
  }

  /** What Keras resets when training begins. */
  reset(): void {
    this.best = this.mode === "min" ? Infinity : -Infinity;
    this.wait = 0;
    this.cooldownLeft = 0;
  }

  private improves(current: number): boolean {
    return this.mode === "min" ? current < this.best - this.minDelta : current > this.best + this.minDelta;
  }

  /** Takes one epoch's value with `lr` the rate in force; true when the rate is to be reduced now. */
  epochEnd(current: number, lr: number): boolean {
    if (this.cooldownLeft > 0) {
      this.cooldownLeft -= 1;
      this.wait = 0;
    }
    if (this.improves(current)) {
      this.best = current;
      this.wait = 0;
      return false;
    }
    if (this.cooldownLeft > 0) return false;
    this.wait += 1;
    if (this.wait < this.patience || !(Math.fround(lr) > Math.fround(this.minLr))) return false;
    this.cooldownLeft = this.cooldown;
    this.wait = 0;
    return true;
  }

  /** Keras's reduced rate: `f32(max(f32(lr) * factor, minLr))` (its variable is float32). */
  reduced(lr: number): number {
    return Math.fround(Math.max(Math.fround(lr) * this.factor, this.minLr));
  }

  /** The monitored value from epoch logs, or undefined with Keras's warning when it is missing. */
  read(logs: Readonly<Record<string, unknown>>): number | undefined {
    const current = logs[this.monitor];
    if (typeof current === "number") return current;
    console.warn(
      `Learning rate reduction is conditioned on metric \`${this.monitor}\` which is not available. ` +
        `Available metrics are: ${Object.keys(logs).join(",")}.`,
    );
    return undefined;
  }
}
