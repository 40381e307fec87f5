import { LrschedError, TIMM_PLATEAU_DEFAULTS } from "@lrsched/ts-api";
import { isPlainObject } from "../checks";
import type { Optimizer, ParamGroup } from "../optimizer";
import { ReduceLROnPlateau } from "../schedulers/ReduceLROnPlateau";
import { S, encodeNumber, readState, type StateDict } from "../stateDict";
import { checkMetric, checkT, readNoise, setInitialLr, timmBaseValues, writeRates } from "./groups";

const KWARGS = [...Object.keys(TIMM_PLATEAU_DEFAULTS), "noise_range_t", "noise_type", "noise_pct", "noise_std", "noise_seed", "initialize"];

// ReduceLROnPlateau's option names -> PlateauLRScheduler's keyword arguments, for error paths
const INNER_PATHS: Record<string, string> = {
  factor: "decay_rate", patience: "patience_t", threshold: "threshold", cooldown: "cooldown_t", minLr: "lr_min", mode: "mode",
};

/**
 * timm's `PlateauLRScheduler`: a linear warm-up over epochs 0..warmupT (inclusive: `step(epoch)`
 * with epoch <= warmupT writes `warmupLrInit + epoch * slope`, so step(0) without a warm-up
 * writes warmupLrInit), then PyTorch's ReduceLROnPlateau on the same groups, stepped with the
 * metric of each `step(epoch, metric)` that has one (steps without a metric change nothing).
 * `stepUpdate` does nothing. The state dict is timm's: the inner scheduler's `best` and
 * `last_epoch` only (its bad-epoch and cooldown counters are not saved).
 *
 * @example
 * ```ts
 * import { TimmPlateauScheduler } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new TimmPlateauScheduler(optimizer, { decay_rate: 0.5, patience_t: 1 });
 * for (let epoch = 1; epoch <= 3; epoch++) scheduler.step(epoch, 1.0);
 * scheduler.getLastLr(); // → [0.05]
 * ```
 */
export class TimmPlateauScheduler {
  readonly className = "PlateauLRScheduler";
  readonly optimizer: Optimizer;
  readonly numEpochs?: number;
  readonly baseValues: number[];
  readonly warmupT: number;
  readonly warmupLrInit: number;
  /** The PyTorch scheduler that follows the metric. */
  readonly lrScheduler: ReduceLROnPlateau;
  private readonly groups: ParamGroup[];

  constructor(optimizer: Optimizer, kwargs: Readonly<Record<string, unknown>> = {}, numEpochs?: number) {
    if (!isPlainObject(kwargs)) throw new LrschedError("kwargs", "must be an object of keyword arguments", kwargs);
    for (const key of Object.keys(kwargs)) {
      if (!KWARGS.includes(key)) throw new LrschedError(`kwargs.${key}`, `is not a keyword argument of PlateauLRScheduler (arguments: ${KWARGS.join(", ")})`);
    }
    if (kwargs.noise_range_t !== undefined && kwargs.noise_range_t !== null) {
      throw new LrschedError("kwargs.noise_range_t", "must be null: timm's rate noise (torch.Generator draws) is not reproduced; leave noise off", kwargs.noise_range_t);
    }
    readNoise(kwargs, null);
    const k = { ...TIMM_PLATEAU_DEFAULTS, ...kwargs } as Record<string, unknown>;
    const { groups, bases } = timmBaseValues(optimizer, k.initialize !== false);
    const warmupT = checkT("kwargs.warmup_t", k.warmup_t);
    const init = k.warmup_lr_init;
    if (typeof init !== "number" || !Number.isFinite(init)) throw new LrschedError("kwargs.warmup_lr_init", "must be a finite number", init);
    let inner: ReduceLROnPlateau;
    try {
      inner = new ReduceLROnPlateau(optimizer, {
        patience: k.patience_t as number, factor: k.decay_rate as number, threshold: k.threshold as number,
        cooldown: k.cooldown_t as number, mode: k.mode as "min" | "max", minLr: k.lr_min as number,
      });
    } catch (e) {
      if (e instanceof LrschedError && e.path in INNER_PATHS) throw new LrschedError(`kwargs.${INNER_PATHS[e.path]}`, e.rule, e.got);
      throw e;
    }
    this.optimizer = optimizer;
    this.groups = groups;
    this.numEpochs = numEpochs;
    this.baseValues = bases;
    this.warmupT = warmupT;
    this.warmupLrInit = init;
    this.lrScheduler = inner;
    if (k.initialize !== false) setInitialLr(groups);
    writeRates(groups, bases);
    if (warmupT) writeRates(groups, bases.map(() => init));
  }

  /** timm's warmup_steps: the warm-up slopes (1 without a warm-up). */
  get warmupSteps(): number[] {
    return this.baseValues.map((v) => (this.warmupT ? (v - this.warmupLrInit) / this.warmupT : 1));
  }

  /** timm's `step(epoch, metric)`: the warm-up's rate while it lasts, then the plateau policy on `metric` (a step without one changes nothing). */
  step(epoch: number, metric?: number | null): void {
    const e = checkT("epoch", epoch);
    const m = checkMetric(metric);
    if (e <= this.warmupT) {
      writeRates(this.groups, this.warmupSteps.map((s) => this.warmupLrInit + e * s));
    } else if (m !== null) {
      this.lrScheduler.step(m);
    }
  }

  /** Does nothing: timm's plateau scheduler only steps per epoch. */
  stepUpdate(_numUpdates: number, _metric?: number | null): void {}

  /** The rates of the param groups now. */
  getLastLr(): number[] {
    return this.groups.map((g) => g.lr);
  }

  /** timm's state: the inner scheduler's `best` and `last_epoch`. */
  stateDict(): StateDict {
    return { best: encodeNumber(this.lrScheduler.best), last_epoch: this.lrScheduler.lastEpoch };
  }

  /** Restores a state dict as timm does. */
  loadStateDict(stateDict: unknown): void {
    const st = readState("PlateauLRScheduler", stateDict, {
      best: { check: S.extended },
      last_epoch: { check: S.number, optional: true },
    }, "stateDict");
    this.lrScheduler.best = st.best as number;
    if (st.last_epoch !== undefined) this.lrScheduler.lastEpoch = st.last_epoch as number;
  }
}
