import { LrschedError } from "@lrsched/ts-api";
import { checkOptions, comparable, num, oneOf, perGroup } from "../checks";
import { checkOptimizer, checkRates, writeLr, type Optimizer, type ParamGroup } from "../optimizer";
import { pyMax } from "../pyMath";
import { TORCH_PREFIX, type Scheduler, type TorchConfig } from "../scheduler";
import { jsonSafe, readState, S, type StateDict } from "../stateDict";
import { formatE4 } from "../verbose";
import { improves } from "../improvement";

/**
 * Options of `new ReduceLROnPlateau(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from "@lrsched/torch-compat";
 * const options: ReduceLROnPlateauOptions = { mode: "max", factor: 0.2, patience: 5, threshold: 0.01 };
 * new ReduceLROnPlateau({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr(); // → [0.1]
 * ```
 */
export interface ReduceLROnPlateauOptions {
  /** 'min': reduce when the metric stops decreasing; 'max': when it stops increasing. Default 'min'. */
  readonly mode?: "min" | "max";
  /** new lr = lr * factor (< 1). Default 0.1. */
  readonly factor?: number;
  /** Epochs without improvement tolerated before reducing (any number: PyTorch only compares it). Default 10. */
  readonly patience?: number;
  /** Least change that counts as an improvement. Default 1e-4. */
  readonly threshold?: number;
  /** 'rel': best * (1 -/+ threshold); 'abs': best -/+ threshold. Default 'rel'. */
  readonly thresholdMode?: "rel" | "abs";
  /** Epochs to wait after a reduction before counting bad epochs again (any number, as patience). Default 0. */
  readonly cooldown?: number;
  /** Floor of the rate, one value or one per group. Default 0. */
  readonly minLr?: number | readonly number[];
  /** A reduction smaller than eps is skipped. Default 1e-8. */
  readonly eps?: number;
  readonly verbose?: boolean;
}

const OPTIONS = ["mode", "factor", "patience", "threshold", "thresholdMode", "cooldown", "minLr", "eps", "verbose"];
const checkFactor = (path: string, v: unknown) => {
  const f = num(path, v);
  if (!(f < 1)) throw new LrschedError(path, "must be < 1 (PyTorch: factor should be < 1.0)", f);
  return f;
};

/**
 * PyTorch `ReduceLROnPlateau`: multiplies every group's rate by `factor` once the metric passed to
 * `step(metric)` has not improved for more than `patience` epochs, then waits `cooldown` epochs.
 *
 * `patience: 2, factor: 0.5`, lr 0.1, losses 1, 0.9, 0.9, 0.9, 0.9: the fifth step, the third in a
 * row without improvement, halves the rate to 0.05.
 *
 * @example
 * ```ts
 * import { ReduceLROnPlateau } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new ReduceLROnPlateau(optimizer, { factor: 0.5, patience: 2 });
 * for (const loss of [1, 0.9, 0.9, 0.9, 0.9]) scheduler.step(loss);
 * scheduler.getLastLr(); // → [0.05]
 * ```
 */
export class ReduceLROnPlateau implements Scheduler {
  readonly className: string = "ReduceLROnPlateau";
  readonly optimizer: Optimizer;
  mode: "min" | "max";
  factor: number;
  patience: number;
  threshold: number;
  thresholdMode: "rel" | "abs";
  cooldown: number;
  minLrs: number[];
  eps: number;
  verbose: boolean;
  /** Best metric so far (starts at the worst value of the mode: +inf for 'min'). */
  best: number;
  numBadEpochs = 0;
  cooldownCounter = 0;
  lastEpoch = 0;
  private lastLr: number[] | undefined;
  private readonly groups: ParamGroup[];
  private readonly minLrOption: unknown;

  constructor(optimizer: Optimizer, options: ReduceLROnPlateauOptions = {}) {
    this.groups = checkOptimizer(optimizer);
    this.optimizer = optimizer;
    const o = checkOptions("ReduceLROnPlateau", options, OPTIONS);
    this.factor = checkFactor("factor", o.factor ?? 0.1);
    this.minLrOption = o.minLr ?? 0;
    this.minLrs = perGroup("minLr", this.minLrOption, this.groups.length);
    this.patience = comparable("patience", o.patience ?? 10);
    this.verbose = Boolean(o.verbose ?? false);
    this.cooldown = comparable("cooldown", o.cooldown ?? 0);
    this.mode = oneOf("mode", o.mode ?? "min", ["min", "max"] as const, " (PyTorch: mode is unknown)");
    this.threshold = num("threshold", o.threshold ?? 1e-4);
    this.thresholdMode = oneOf("thresholdMode", o.thresholdMode ?? "rel", ["rel", "abs"] as const, " (PyTorch: threshold mode is unknown)");
    this.eps = num("eps", o.eps ?? 1e-8);
    this.best = this.modeWorse;
  }

  /** The worst metric for the mode: what `best` resets to. */
  get modeWorse(): number {
    return this.mode === "min" ? Infinity : -Infinity;
  }

  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /** Whether `a` improves on `best` by more than the threshold. */
  isBetter(a: number, best: number): boolean {
    return improves(this, a, best);
  }

  /** Records one epoch's metric (NaN counts as no improvement, as in PyTorch). */
  step(metric?: number, epoch?: number): void {
    if (typeof metric !== "number") {
      throw new LrschedError("metric", "must be a number: ReduceLROnPlateau.step(metric) needs the monitored value", metric);
    }
    checkRates(this.groups);
    const e = epoch === undefined ? this.lastEpoch + 1 : num("epoch", epoch);
    this.lastEpoch = e;
    if (this.isBetter(metric, this.best)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0; // bad epochs during cooldown do not count
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr(e);
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.groups.map((g) => g.lr);
  }

  private reduceLr(epoch: number): void {
    this.groups.forEach((g, i) => {
      const old = g.lr;
      const next = pyMax(old * this.factor, this.minLrs[i]);
      if (old - next > this.eps) {
        writeLr(g, next);
        if (this.verbose) {
          const at = Number.isInteger(epoch) ? String(epoch).padStart(5, "0") : epoch.toFixed(2);
          console.log(`Epoch ${at}: reducing learning rate of group ${i} to ${formatE4(next)}.`);
        }
      }
    });
  }

  /** The rates after the last step (the optimizer's current rates before the first). */
  getLastLr(): number[] {
    return this.lastLr ? this.lastLr.slice() : this.groups.map((g) => g.lr);
  }

  /** The state with PyTorch 1.13's keys, as strict JSON (non-finite numbers as "inf" / "-inf" / "nan"). */
  stateDict(): StateDict {
    const st: StateDict = {
      factor: this.factor,
      min_lrs: this.minLrs.slice(),
      patience: this.patience,
      verbose: this.verbose,
      cooldown: this.cooldown,
      cooldown_counter: this.cooldownCounter,
      mode: this.mode,
      threshold: this.threshold,
      threshold_mode: this.thresholdMode,
      best: this.best,
      num_bad_epochs: this.numBadEpochs,
      mode_worse: this.modeWorse,
      eps: this.eps,
      last_epoch: this.lastEpoch,
    };
    if (this.lastLr) st._last_lr = this.lastLr.slice();
    return jsonSafe(st);
  }

  prepareLoad(stateDict: unknown, where: string): () => void {
    const n = this.groups.length;
    const st = readState("ReduceLROnPlateau", stateDict, {
      factor: { check: (v, p) => checkFactor(p, v) },
      min_lrs: { check: S.perGroup(n) },
      default_min_lr: { check: S.nullable(S.number), optional: true }, // PyTorch 2.x
      patience: { check: S.comparable },
      verbose: { check: S.verbose, optional: true },
      cooldown: { check: S.comparable },
      cooldown_counter: { check: S.comparable },
      mode: { check: S.oneOf("min", "max") },
      threshold: { check: S.number },
      threshold_mode: { check: S.oneOf("rel", "abs") },
      best: { check: S.extended },
      num_bad_epochs: { check: S.comparable },
      mode_worse: { check: S.extended },
      eps: { check: S.number },
      last_epoch: { check: S.number },
      _last_lr: { check: S.perGroup(n), optional: true },
    }, where);
    return () => {
      this.factor = st.factor as number;
      this.minLrs = st.min_lrs as number[];
      this.patience = st.patience as number;
      if (st.verbose !== undefined) this.verbose = st.verbose as boolean;
      this.cooldown = st.cooldown as number;
      this.cooldownCounter = st.cooldown_counter as number;
      this.mode = st.mode as "min" | "max";
      this.threshold = st.threshold as number;
      this.thresholdMode = st.threshold_mode as "rel" | "abs";
      this.best = st.best as number;
      this.numBadEpochs = st.num_bad_epochs as number;
      this.eps = st.eps as number;
      this.lastEpoch = st.last_epoch as number;
      this.lastLr = st._last_lr as number[] | undefined;
    };
  }

  loadStateDict(stateDict: unknown): void {
    this.prepareLoad(stateDict, "stateDict")();
  }

  toTorchConfig(): TorchConfig {
    return {
      _target_: TORCH_PREFIX + this.className,
      mode: this.mode,
      factor: this.factor,
      patience: this.patience,
      threshold: this.threshold,
      threshold_mode: this.thresholdMode,
      cooldown: this.cooldown,
      min_lr: this.minLrOption,
      eps: this.eps,
      verbose: this.verbose,
    };
  }
}
