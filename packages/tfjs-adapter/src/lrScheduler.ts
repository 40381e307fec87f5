import { Callback, type Optimizer } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import { checkChoice, checkKeys, checkNumber, checkObject, checkRate } from "./checks";
import { KerasPlateau, type PlateauOptions } from "./kerasPlateau";
import { getLearningRate, setLearningRate } from "./learningRate";
import { resolveLogs, type UnresolvedLogs } from "./logs";
import { modelOptimizer } from "./modelOptimizer";

/**
 * Anything with a pure `at(step)`: every `@lrsched/ts-api` schedule.
 *
 * @example
 * ```ts
 * import { lrScheduler, type StepSchedule } from "@lrsched/tfjs-adapter";
 * const halving: StepSchedule = { at: (step) => 0.1 * 0.5 ** Math.floor(step / 100) };
 * lrScheduler(halving, { per: "batch" }).constructor.name; // → "LrSchedulerCallback"
 * ```
 */
export interface StepSchedule {
  /** The learning rate at `step`. */
  at(step: number): number;
}

/**
 * The part of a `@lrsched/torch-compat` scheduler the callback uses: PyTorch's `step()` and
 * `get_last_lr()`. Typed structurally so any object with these methods works.
 *
 * @example
 * ```ts
 * import { StepLR } from "@lrsched/torch-compat";
 * import { lrScheduler, type TorchLikeScheduler } from "@lrsched/tfjs-adapter";
 * const scheduler: TorchLikeScheduler = new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 30 });
 * lrScheduler(scheduler, { per: "epoch" }) !== undefined; // → true
 * ```
 */
export interface TorchLikeScheduler {
  /** Advances one epoch or batch (a metric-driven scheduler takes the metric). */
  step(metric?: number): void;
  /** The rates the last step set, one per param group. */
  getLastLr(): readonly number[];
}

/**
 * What drives the rate: a schedule, a torch-compat scheduler, or a function of the step.
 *
 * @example
 * ```ts
 * import { cosineDecay } from "@lrsched/ts-api";
 * import { lrScheduler, type LrSource } from "@lrsched/tfjs-adapter";
 * const sources: LrSource[] = [cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 }), (step) => 0.1 / Math.sqrt(step + 1)];
 * sources.map((s) => lrScheduler(s)).length; // → 2
 * ```
 */
export type LrSource = StepSchedule | TorchLikeScheduler | ((step: number) => number);

/**
 * How `lrScheduler()` applies its source: per batch or per epoch, and what it reports.
 *
 * @example
 * ```ts
 * import { warmupCosine } from "@lrsched/ts-api";
 * import { lrScheduler, type LrSchedulerOptions } from "@lrsched/tfjs-adapter";
 * const options: LrSchedulerOptions = { per: "epoch", verbose: true };
 * lrScheduler(warmupCosine({ learningRate: 0.1, warmupSteps: 5, totalSteps: 90 }), options) !== undefined; // → true
 * ```
 */
export interface LrSchedulerOptions {
  /** Update the rate before every batch (default) or before every epoch. */
  readonly per?: "batch" | "epoch";
  /** Print the rate at the start of each epoch. Default false. */
  readonly verbose?: boolean | number;
  /**
   * Per-batch mode: the step of the first batch. Default 0. The counter then carries on across
   * `fit` calls made with the same callback.
   */
  readonly initialStep?: number;
  /**
   * Torch-compat schedulers in per-epoch mode: the log key passed to `step(metric)` at each
   * epoch end (e.g. 'val_loss' for a plateau scheduler).
   */
  readonly metric?: string;
  /**
   * Schedules and functions: Keras's plateau policy on top of the schedule. At each epoch end the
   * plateau algorithm watches `monitor`; every reduction multiplies a running factor by `factor`,
   * and the rate is `max(at(step) * runningFactor, min(at(step), minLr))`: the schedule's own
   * shape, scaled down on plateaus, never pushed below `minLr` by a reduction.
   */
  readonly plateau?: PlateauOptions;
}

const OPTION_KEYS = ["per", "verbose", "initialStep", "metric", "plateau"] as const;

type Source =
  | { readonly kind: "schedule"; readonly at: (step: number) => number }
  | { readonly kind: "torch"; readonly scheduler: TorchLikeScheduler };

function toSource(source: unknown): Source {
  if (typeof source === "function") return { kind: "schedule", at: source as (step: number) => number };
  if (typeof source === "object" && source !== null) {
    const s = source as Partial<StepSchedule & TorchLikeScheduler>;
    if (typeof s.at === "function") return { kind: "schedule", at: (step) => s.at!(step) };
    if (typeof s.step === "function" && typeof s.getLastLr === "function") {
      return { kind: "torch", scheduler: source as TorchLikeScheduler };
    }
  }
  throw new LrschedError(
    "schedule",
    "must be a schedule (with at(step)), a torch-compat scheduler (with step() and getLastLr()) or a function of the step",
    source,
  );
}

/**
 * A `model.fit` / `model.fitDataset` callback that sets the optimizer's learning rate from a
 * schedule and records it as `lr` in the epoch logs (so `history.history.lr` holds one rate per
 * epoch: the one in force at the epoch's last batch).
 *
 * - Schedule or function, `per: 'batch'`: before each batch, rate = `at(step)`, where `step` is
 *   a global batch counter (from `initialStep`, continuing across `fit` calls).
 * - Schedule or function, `per: 'epoch'`: before each epoch, rate = `at(epoch)`, with `epoch` as
 *   `fit` numbers it (so `initialEpoch` resumes the schedule), as Keras's LearningRateScheduler.
 * - Torch-compat scheduler: before each batch/epoch the rate is `getLastLr()[0]`; after it,
 *   `step()` is called (PyTorch's order: the constructor already set the first rate). The
 *   scheduler may drive `torchOptimizer(model.optimizer)` or any other `{paramGroups}` object.
 * - `plateau: {...}` (schedules and functions): Keras's plateau policy at every epoch end, each
 *   reduction multiplying the schedule by `factor` from then on, so "cosine × plateau" works.
 *
 * Use one rate-setting callback per fit: another one (such as {@link reduceLROnPlateau}) would
 * be overwritten before the next batch.
 *
 * @example
 * const schedule = cosineDecay({ initialLearningRate: 0, decaySteps: 900, warmupTarget: 0.1, warmupSteps: 100 });
 * const history = await model.fit(xs, ys, { epochs: 10, batchSize: 64, callbacks: [lrScheduler(schedule)] });
 * history.history.lr; // [rate at step 99, rate at step 199, ...] for 100 batches per epoch
 */
export class LrSchedulerCallback extends Callback {
  readonly per: "batch" | "epoch";
  private readonly source: Source;
  private readonly verbose: boolean;
  private readonly metric: string | undefined;
  private stepCount: number;
  private optimizer: Optimizer | undefined;
  private lastLr: number | undefined;
  private epoch = 0;
  private announced = -1;
  private readonly plateau: KerasPlateau | undefined;
  /** The product of the plateau's reductions so far. */
  private plateauFactor = 1;

  constructor(source: LrSource, options: LrSchedulerOptions = {}) {
    super();
    const opts = checkObject("options", options);
    checkKeys("options", opts, OPTION_KEYS);
    this.source = toSource(source);
    this.per = checkChoice("per", opts.per ?? "batch", ["batch", "epoch"] as const);
    this.verbose = Boolean(opts.verbose);
    this.stepCount = checkNumber("initialStep", opts.initialStep ?? 0, { integer: true, min: 0 });
    if (opts.metric !== undefined && typeof opts.metric !== "string") {
      throw new LrschedError("metric", "must be a log key such as 'val_loss'", opts.metric);
    }
    this.metric = opts.metric as string | undefined;
    if (this.metric !== undefined && !(this.source.kind === "torch" && this.per === "epoch")) {
      throw new LrschedError("metric", "applies only to a torch-compat scheduler with per: 'epoch'");
    }
    if (opts.plateau !== undefined) {
      if (this.source.kind === "torch") {
        throw new LrschedError("plateau", "applies to schedules and functions (a torch-compat scheduler has its own ReduceLROnPlateau)");
      }
      this.plateau = new KerasPlateau(opts.plateau, "plateau");
    }
  }

  /** The product of the plateau reductions so far (1 without `plateau`). */
  get factor(): number {
    return this.plateauFactor;
  }

  /** Per-batch mode: the step the next batch will use. */
  get step(): number {
    return this.stepCount;
  }

  /** The rate set most recently, or undefined before training starts. */
  get lr(): number | undefined {
    return this.lastLr;
  }

  /** Checks the model's optimizer and sets the first rate. */
  override async onTrainBegin(): Promise<void> {
    this.optimizer = modelOptimizer(this.model);
    this.plateau?.reset();
  }

  /** Sets the epoch's rate (per 'epoch') and reports it when verbose. */
  override async onEpochBegin(epoch: number): Promise<void> {
    this.epoch = epoch;
    if (this.per === "epoch") this.apply(epoch);
  }

  /** Sets the batch's rate (per 'batch'). */
  override async onBatchBegin(_batch: number, logs?: UnresolvedLogs): Promise<void> {
    if (this.per !== "batch") return;
    this.apply(this.stepCount);
    if (logs) logs.lr = this.lastLr;
  }

  /** Counts the batch as a step. */
  override async onBatchEnd(): Promise<void> {
    if (this.per !== "batch") return;
    this.stepCount += 1;
    if (this.source.kind === "torch") this.source.scheduler.step();
  }

  /** Logs the rate as `lr` in the epoch's logs (and the model's history). */
  override async onEpochEnd(epoch: number, logs?: UnresolvedLogs): Promise<void> {
    const optimizer = this.optimizer ?? modelOptimizer(this.model);
    if (logs) logs.lr = this.lastLr ?? getLearningRate(optimizer);
    if (this.plateau) await this.plateauEpochEnd(epoch, logs);
    if (this.per === "epoch" && this.source.kind === "torch") {
      if (this.metric === undefined) {
        this.source.scheduler.step();
      } else {
        const value = (await resolveLogs(logs))[this.metric];
        if (typeof value !== "number") {
          throw new LrschedError("metric", `names no numeric epoch log; logs have ${Object.keys(logs ?? {}).join(", ")}`, this.metric);
        }
        this.source.scheduler.step(value);
      }
    }
  }

  /** Keras's plateau decision for the epoch; a reduction scales every later rate. */
  private async plateauEpochEnd(epoch: number, logs: UnresolvedLogs | undefined): Promise<void> {
    const plateau = this.plateau!;
    const current = plateau.read(await resolveLogs(logs));
    if (current === undefined || this.lastLr === undefined) return;
    if (plateau.epochEnd(current, this.lastLr)) {
      this.plateauFactor *= plateau.factor;
      if (plateau.verbose) console.log(`\nEpoch ${epoch + 1}: lrScheduler plateau: rate factor now ${this.plateauFactor}.`);
    }
  }

  /** Computes the rate for `step` (epoch in per-epoch mode) and hands it to the optimizer. */
  private apply(step: number): void {
    const optimizer = this.optimizer ?? (this.optimizer = modelOptimizer(this.model));
    let lr: number;
    if (this.source.kind === "schedule") {
      lr = checkRate(`schedule at step ${step}`, this.source.at(step));
      if (this.plateauFactor !== 1) lr = Math.max(lr * this.plateauFactor, Math.min(lr, this.plateau!.minLr));
    } else {
      lr = checkRate("scheduler.getLastLr()[0]", this.source.scheduler.getLastLr()[0]);
    }
    setLearningRate(optimizer, lr);
    this.lastLr = lr;
    if (this.verbose && this.announced !== this.epoch) {
      this.announced = this.epoch;
      const where = this.per === "batch" ? ` (step ${step})` : "";
      console.log(`Epoch ${this.epoch + 1}: lrScheduler setting learning rate to ${lr}${where}.`);
    }
  }
}

/**
 * Creates an {@link LrSchedulerCallback}: pass it in `callbacks` of `model.fit` or
 * `model.fitDataset`.
 *
 * @throws LrschedError for an unknown source or a bad option.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { warmupCosine } from "@lrsched/ts-api";
 * import { lrScheduler } from "@lrsched/tfjs-adapter";
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * model.compile({ optimizer: tf.train.sgd(0.1), loss: "meanSquaredError" });
 * const history = await model.fit(tf.ones([8, 1]), tf.ones([8, 1]), {
 *   epochs: 2, batchSize: 4, verbose: 0,
 *   callbacks: [lrScheduler(warmupCosine({ learningRate: 0.1, warmupSteps: 2, totalSteps: 4 }))],
 * });
 * history.history.lr; // → [0.05, 0.05]
 * ```
 */
export function lrScheduler(source: LrSource, options?: LrSchedulerOptions): LrSchedulerCallback {
  return new LrSchedulerCallback(source, options);
}
