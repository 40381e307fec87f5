import { Callback, type Optimizer } from "@tensorflow/tfjs";
import { constant, LrschedError, warmup, type Schedule } from "@lrsched/ts-api";
import { checkChoice, checkKeys, checkNumber, checkObject } from "./checks";
import { KerasPlateau, type PlateauOptions } from "./kerasPlateau";
import { getLearningRate, setLearningRate } from "./learningRate";
import { resolveLogs, type UnresolvedLogs } from "./logs";
import { modelOptimizer } from "./modelOptimizer";

/**
 * A per-batch ramp to the optimizer's compiled rate before the plateau policy starts.
 *
 * @example
 * ```ts
 * import { reduceLROnPlateau, type PlateauWarmup } from "@lrsched/tfjs-adapter";
 * const warmup: PlateauWarmup = { steps: 500, initialLr: 0, shape: "linear" };
 * reduceLROnPlateau({ monitor: "loss", warmup }) !== undefined; // → true
 * ```
 */
export interface PlateauWarmup {
  /** Batches of the ramp (>= 0). */
  readonly steps: number;
  /** Rate at the first batch. Default 0 (must be > 0 for the exponential shape). */
  readonly initialLr?: number;
  /** Ramp shape, as ts-api's `warmup`. Default 'linear'. */
  readonly shape?: "linear" | "cosine" | "exponential";
}

/**
 * Keras's ReduceLROnPlateau arguments in camelCase, and an optional per-batch warm-up before them.
 *
 * @example
 * ```ts
 * import { reduceLROnPlateau, type ReduceLROnPlateauOptions } from "@lrsched/tfjs-adapter";
 * const options: ReduceLROnPlateauOptions = { monitor: "val_loss", factor: 0.2, patience: 5, minLr: 1e-5 };
 * reduceLROnPlateau(options) !== undefined; // → true
 * ```
 */
export interface ReduceLROnPlateauOptions extends PlateauOptions {
  /** Ramp the rate per batch first; the plateau policy runs from the end of the ramp. */
  readonly warmup?: PlateauWarmup;
}

function checkWarmup(value: unknown): Required<PlateauWarmup> {
  const w = checkObject("warmup", value);
  checkKeys("warmup", w, ["steps", "initialLr", "shape"]);
  const steps = checkNumber("warmup.steps", w.steps, { integer: true, min: 0 });
  const initialLr = checkNumber("warmup.initialLr", w.initialLr ?? 0, { min: 0 });
  const shape = checkChoice("warmup.shape", w.shape ?? "linear", ["linear", "cosine", "exponential"] as const);
  if (shape === "exponential" && !(initialLr > 0)) {
    throw new LrschedError("warmup.initialLr", "must be > 0 for the exponential shape", initialLr);
  }
  return { steps, initialLr, shape };
}

/**
 * Keras's `ReduceLROnPlateau` (the tf.keras 2 algorithm, which Keras 3 kept; see
 * {@link KerasPlateau}), as a tfjs callback. At each epoch end `logs.lr` is set to the rate in force
 * (so it lands in `history.history.lr`); if `logs[monitor]` is missing the callback warns and does
 * nothing else. `best`, `wait` and the cooldown are reset when training begins. Rates are rounded
 * to float32 where Keras stores them in a float32 variable, so the floor comparison behaves as in
 * Keras.
 *
 * With `warmup: {steps, initialLr, shape}` the first `steps` batches (counted across `fit` calls)
 * ramp the rate from `initialLr` to the rate the optimizer had when training began, exactly as
 * ts-api's `warmup(constant(rate), {warmupSteps: steps, initialLr, shape})`; epochs that end inside
 * the ramp neither count toward patience nor reduce, and the plateau policy starts from the first
 * epoch that ends after it.
 *
 * @example
 * await model.fit(xs, ys, {
 *   epochs: 50, validationSplit: 0.2,
 *   callbacks: [reduceLROnPlateau({ factor: 0.2, patience: 5, warmup: { steps: 500 } })],
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
  readonly warmup: Required<PlateauWarmup> | undefined;
  private readonly plateau: KerasPlateau;
  /** The ramp, built when training first begins (its target is the optimizer's rate then). */
  private ramp: Schedule | undefined;
  private batchesDone = 0;
  private handedOver = false;

  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    const opts = checkObject("options", options);
    this.plateau = new KerasPlateau(opts, "", ["warmup"]);
    ({ monitor: this.monitor, factor: this.factor, patience: this.patience, mode: this.mode } = this.plateau);
    ({ minDelta: this.minDelta, cooldown: this.cooldown, minLr: this.minLr } = this.plateau);
    this.warmup = opts.warmup === undefined ? undefined : checkWarmup(opts.warmup);
    this.handedOver = !this.warmup || this.warmup.steps === 0;
  }

  /** Best monitored value seen since training began. */
  get best(): number {
    return this.plateau.best;
  }

  /** Epochs without improvement counted so far. */
  get wait(): number {
    return this.plateau.wait;
  }

  /** Epochs of cooldown left. */
  get cooldownLeft(): number {
    return this.plateau.cooldownLeft;
  }

  /** Batches of the warm-up ramp still to run (0 without a warm-up). */
  get warmupLeft(): number {
    return this.warmup ? Math.max(0, this.warmup.steps - this.batchesDone) : 0;
  }

  /** Checks the optimizer, resets the plateau state and starts the warm-up. */
  override async onTrainBegin(): Promise<void> {
    this.plateau.reset();
    if (this.warmup && !this.ramp && this.warmupLeft > 0) {
      const target = getLearningRate(modelOptimizer(this.model));
      if (this.warmup.shape === "exponential" && !(target > 0)) {
        throw new LrschedError("warmup.shape", "'exponential' needs an optimizer rate above 0 to ramp to", target);
      }
      const { steps, initialLr, shape } = this.warmup;
      this.ramp = warmup(constant({ value: target }), { warmupSteps: steps, initialLr, shape });
    }
  }

  /** Sets the warm-up's rate while the ramp lasts. */
  override async onBatchBegin(): Promise<void> {
    if (this.handedOver) return;
    const optimizer = modelOptimizer(this.model);
    if (this.warmupLeft > 0) setLearningRate(optimizer, this.ramp!.at(this.batchesDone));
    else this.handOver(optimizer);
  }

  /** Counts the batch as a warm-up step. */
  override async onBatchEnd(): Promise<void> {
    this.batchesDone += 1;
  }

  /** Applies Keras's plateau decision to the epoch's monitored value and logs `lr`. */
  override async onEpochEnd(epoch: number, rawLogs?: UnresolvedLogs): Promise<void> {
    const optimizer = modelOptimizer(this.model);
    const logs = await resolveLogs(rawLogs);
    logs.lr = getLearningRate(optimizer);
    if (this.warmupLeft > 0) return; // an epoch inside the warm-up
    if (!this.handedOver) this.handOver(optimizer); // the ramp ended with this epoch's last batch
    const current = this.plateau.read(logs);
    if (current === undefined) return;
    const lr = getLearningRate(optimizer);
    if (this.plateau.epochEnd(current, lr)) {
      const newLr = this.plateau.reduced(lr);
      setLearningRate(optimizer, newLr);
      if (this.plateau.verbose) console.log(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${newLr}.`);
    }
  }

  /** The ramp is over: the optimizer gets the rate it ramped to, which the plateau policy then owns. */
  private handOver(optimizer: Optimizer): void {
    setLearningRate(optimizer, this.ramp!.at(this.warmup!.steps));
    this.handedOver = true;
  }
}

/**
 * Creates a {@link ReduceLROnPlateauCallback} with Keras's defaults: `monitor = 'val_loss'`,
 * `factor = 0.1`, `patience = 10`, `minDelta = 1e-4`, `mode = 'auto'`, `cooldown = 0`, `minLr = 0`.
 *
 * @throws LrschedError for a bad option (factor outside [0, 1), negative patience, ...).
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { reduceLROnPlateau } from "@lrsched/tfjs-adapter";
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * model.compile({ optimizer: tf.train.sgd(0), loss: "meanSquaredError" });
 * // a rate of 0 never improves the loss: the rate is cut after each patience epoch
 * const history = await model.fit(tf.ones([4, 1]), tf.ones([4, 1]), {
 *   epochs: 3, verbose: 0, callbacks: [reduceLROnPlateau({ monitor: "loss", patience: 1, factor: 0.5 })],
 * });
 * history.history.lr.length; // → 3
 * ```
 */
export function reduceLROnPlateau(options?: ReduceLROnPlateauOptions): ReduceLROnPlateauCallback {
  return new ReduceLROnPlateauCallback(options);
}
