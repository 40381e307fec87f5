import { LrschedError } from "@lrsched/ts-api";
import { bool, checkOptions, num, oneOf, perGroup } from "../checks";
import { camelToSnake } from "../fromTorchConfig";
import { checkOptimizer, type Optimizer, type ParamGroup } from "../optimizer";
import type { Scheduler, TorchConfig } from "../scheduler";
import { encodeNumber, readState, S, type StateDict, type StateSchema } from "../stateDict";
import { formatE4 } from "../verbose";
import { improves } from "../improvement";

/**
 * Options of `new GreedyLR(optimizer, options)`: transformers' GreedyLR arguments in camelCase.
 *
 * @example
 * ```ts
 * import { GreedyLR, type GreedyLROptions } from "@lrsched/torch-compat";
 * const options: GreedyLROptions = { mode: "min", factor: 0.9, patience: 10, minLr: 1e-5, maxLr: 1 };
 * new GreedyLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr(); // → [0.1]
 * ```
 */
export interface GreedyLROptions {
  /** 'min': the metric should fall; 'max': it should rise. Default 'min'. */
  readonly mode?: "min" | "max";
  /** Plateau: lr * factor; steady improvement: lr / factor (factor < 1). Default 0.95. */
  readonly factor?: number;
  /** Epochs of improvement (or of none) tolerated before the rate moves. Default 10. */
  readonly patience?: number;
  /** Least change that counts as an improvement. Default 1e-6. */
  readonly threshold?: number;
  /** 'abs': best -/+ threshold; 'rel': best * (1 -/+ threshold). Default 'abs'. */
  readonly thresholdMode?: "rel" | "abs";
  /** Epochs held after a reduction. Default 0. */
  readonly cooldown?: number;
  /** Epochs held after an increase. Default 0. */
  readonly warmup?: number;
  /** Floor of the rate, one value or one per group. Default 1e-3. */
  readonly minLr?: number | readonly number[];
  /** Ceiling of the rate, one value or one per group. Default 1. */
  readonly maxLr?: number | readonly number[];
  /** A change smaller than eps is skipped. Default 1e-8. */
  readonly eps?: number;
  readonly verbose?: boolean;
  /** Judge a running mean of the last `windowSize` metrics instead of the metric. Default false. */
  readonly smooth?: boolean;
  readonly windowSize?: number;
  /** Reductions at the floor (every group at minLr) before every rate resets to its start. Default 500. */
  readonly resetStart?: number;
}

const OPTIONS = [
  "mode", "factor", "patience", "threshold", "thresholdMode", "cooldown", "warmup", "minLr", "maxLr", "eps",
  "verbose", "smooth", "windowSize", "resetStart",
];

const checkFactor = (path: string, v: unknown) => {
  const f = num(path, v);
  if (!(f < 1)) throw new LrschedError(path, "must be < 1 (transformers: Factor should be < 1.0)", f);
  return f;
};

/** The running mean of the last `size` metrics, summed as transformers' StreamingAverage sums. */
class StreamingAverage {
  values: number[] = [];
  sum = 0;
  constructor(public size: number) {}

  add(value: number): number {
    this.values.push(value);
    this.sum += value;
    if (this.values.length > this.size) this.sum -= this.values.shift()!;
    return this.sum / this.values.length;
  }
}

/**
 * transformers' `GreedyLR` (get_scheduler name 'greedy'): a metric-driven scheduler that divides
 * every group's rate by `factor` after more than `patience` epochs of improvement and multiplies it
 * by `factor` after more than `patience` epochs without, within [minLr, maxLr]; `warmup` /
 * `cooldown` epochs are held after an increase / a reduction. After `resetStart` reductions with
 * every group at its floor, the rates return to their starting values.
 *
 * `patience: 2, factor: 0.8`, lr 0.1, a loss falling every epoch: the rate becomes 0.125 after the
 * third epoch, 0.15625 after the sixth.
 *
 * @example
 * ```ts
 * import { GreedyLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const s = new GreedyLR(optimizer, { patience: 2, factor: 0.8 });
 * for (let epoch = 0; epoch < 3; epoch++) s.step(1 - epoch / 10);
 * s.getLastLr(); // → [0.125]
 * ```
 */
export class GreedyLR implements Scheduler {
  readonly className: string = "GreedyLR";
  readonly optimizer: Optimizer;
  mode: "min" | "max";
  factor: number;
  patience: number;
  threshold: number;
  thresholdMode: "rel" | "abs";
  cooldown: number;
  warmup: number;
  minLrs: number[];
  maxLrs: number[];
  eps: number;
  verbose: boolean;
  smooth: boolean;
  windowSize: number;
  resetStart: number;
  resetStartOriginal: number;
  best: number;
  numBadEpochs = 0;
  numGoodEpochs = 0;
  cooldownCounter = 0;
  warmupCounter = 0;
  lastEpoch = 0;
  /** The rates the scheduler started from (a reset returns to them). */
  initLrs: number[];
  private lastLr: number[];
  private average: StreamingAverage | undefined;
  private readonly groups: ParamGroup[];
  private readonly options: Record<string, unknown>;

  constructor(optimizer: Optimizer, options: GreedyLROptions = {}) {
    this.groups = checkOptimizer(optimizer);
    this.optimizer = optimizer;
    const o = checkOptions("GreedyLR", options, OPTIONS);
    this.options = { ...o };
    const n = this.groups.length;
    this.factor = checkFactor("factor", o.factor ?? 0.95);
    this.patience = num("patience", o.patience ?? 10, { integer: true, min: 0 });
    this.verbose = bool("verbose", o.verbose ?? false);
    this.cooldown = num("cooldown", o.cooldown ?? 0, { integer: true, min: 0 });
    this.warmup = num("warmup", o.warmup ?? 0, { integer: true, min: 0 });
    this.mode = oneOf("mode", o.mode ?? "min", ["min", "max"] as const, " (transformers: mode is unknown)");
    this.threshold = num("threshold", o.threshold ?? 1e-6);
    this.thresholdMode = oneOf("thresholdMode", o.thresholdMode ?? "abs", ["rel", "abs"] as const, " (transformers: threshold mode is unknown)");
    this.eps = num("eps", o.eps ?? 1e-8);
    this.smooth = bool("smooth", o.smooth ?? false);
    this.windowSize = num("windowSize", o.windowSize ?? 50, { integer: true, min: 1 });
    this.resetStart = num("resetStart", o.resetStart ?? 500, { integer: true });
    this.resetStartOriginal = this.resetStart;
    this.minLrs = perGroup("minLr", o.minLr ?? 1e-3, n);
    this.maxLrs = perGroup("maxLr", o.maxLr ?? 1.0, n);
    this.initLrs = this.groups.map((g) => g.lr);
    this.lastLr = this.initLrs.slice();
    this.best = this.modeWorse;
    if (this.smooth) this.average = new StreamingAverage(this.windowSize);
  }

  get modeWorse(): number {
    return this.mode === "min" ? Infinity : -Infinity;
  }

  /** Whether `current` improves on `best` by more than the threshold. */
  isBetter(current: number, best: number): boolean {
    return improves(this, current, best);
  }

  /** Records one epoch's metric. */
  step(metric?: number, epoch?: number): void {
    if (typeof metric !== "number") {
      throw new LrschedError("metric", "must be a number: GreedyLR.step(metric) needs the monitored value", metric);
    }
    const current = this.average ? this.average.add(metric) : metric;
    const e = epoch === undefined ? this.lastEpoch + 1 : num("epoch", epoch);
    this.lastEpoch = e;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
      this.numGoodEpochs = 0;
    } else if (this.warmupCounter > 0) {
      this.warmupCounter -= 1;
      this.numBadEpochs = 0;
      this.numGoodEpochs = 0;
    } else {
      if (this.isBetter(current, this.best)) {
        this.best = current;
        this.numBadEpochs = 0;
        this.numGoodEpochs += 1;
      } else {
        this.numBadEpochs += 1;
        this.numGoodEpochs = 0;
      }
      if (this.numGoodEpochs > this.patience) {
        this.increaseLr(e);
        this.warmupCounter = this.warmup;
        this.numGoodEpochs = 0;
      } else if (this.numBadEpochs > this.patience) {
        this.reduceLr(e);
        this.cooldownCounter = this.cooldown;
        this.numBadEpochs = 0;
      }
    }
    this.lastLr = this.groups.map((g) => g.lr);
  }

  private say(epoch: number, what: string, group: number, lr: number): void {
    if (this.verbose) console.log(`Epoch ${epoch}: ${what} learning rate of group ${group} to ${formatE4(lr)}.`);
  }

  private reduceLr(epoch: number): void {
    let allAtMin = true;
    this.groups.forEach((g, i) => {
      const old = g.lr;
      const next = Math.max(old * this.factor, this.minLrs[i]);
      if (old - next > this.eps) {
        g.lr = next;
        this.say(epoch, "reducing", i, next);
      }
      if (g.lr > this.minLrs[i]) allAtMin = false;
    });
    if (allAtMin) {
      this.resetStart -= 1;
      if (this.resetStart <= 0) this.reset();
    }
  }

  private increaseLr(epoch: number): void {
    this.groups.forEach((g, i) => {
      const old = g.lr;
      const next = Math.min(old / this.factor, this.maxLrs[i]);
      if (next - old > this.eps) {
        g.lr = next;
        this.say(epoch, "increasing", i, next);
      }
    });
    this.resetStart = this.resetStartOriginal;
  }

  private reset(): void {
    this.groups.forEach((g, i) => (g.lr = this.initLrs[i]));
    this.best = this.modeWorse;
    this.numBadEpochs = 0;
    this.numGoodEpochs = 0;
    this.cooldownCounter = 0;
    this.warmupCounter = 0;
    this.resetStart = this.resetStartOriginal;
    if (this.average) this.average = new StreamingAverage(this.windowSize);
    if (this.verbose) console.log("Scheduler reset to initial state.");
  }

  getLastLr(): number[] {
    return this.lastLr.slice();
  }

  /** transformers' keys; `_streaming_avg` only when smoothing. */
  stateDict(): StateDict {
    const st: StateDict = {
      factor: this.factor,
      min_lrs: this.minLrs.slice(),
      max_lrs: this.maxLrs.slice(),
      patience: this.patience,
      verbose: this.verbose,
      cooldown: this.cooldown,
      warmup: this.warmup,
      cooldown_counter: this.cooldownCounter,
      warmup_counter: this.warmupCounter,
      mode: this.mode,
      threshold: this.threshold,
      threshold_mode: this.thresholdMode,
      best: encodeNumber(this.best),
      num_bad_epochs: this.numBadEpochs,
      num_good_epochs: this.numGoodEpochs,
      eps: this.eps,
      last_epoch: this.lastEpoch,
      smooth: this.smooth,
      window_size: this.windowSize,
      reset_start: this.resetStart,
      reset_start_original: this.resetStartOriginal,
      _last_lr: this.lastLr.map(encodeNumber),
      _init_lrs: this.initLrs.slice(),
    };
    if (this.average) {
      st._streaming_avg = { window_size: this.average.size, values: this.average.values.slice(), sum: this.average.sum };
    }
    return st;
  }

  prepareLoad(stateDict: unknown, where: string): () => void {
    const n = this.groups.length;
    // transformers reads every key with a fallback to the current value: all are optional
    const fields: Record<string, StateSchema[string]["check"]> = {
      factor: (v, p) => checkFactor(p, v),
      min_lrs: S.perGroup(n),
      max_lrs: S.perGroup(n),
      patience: S.integer,
      verbose: S.boolean,
      cooldown: S.integer,
      warmup: S.integer,
      cooldown_counter: S.integer,
      warmup_counter: S.integer,
      mode: S.oneOf("min", "max"),
      threshold: S.number,
      threshold_mode: S.oneOf("rel", "abs"),
      best: S.extended,
      num_bad_epochs: S.integer,
      num_good_epochs: S.integer,
      eps: S.number,
      last_epoch: S.number,
      smooth: S.boolean,
      window_size: S.integer,
      reset_start: S.integer,
      reset_start_original: S.integer,
      _last_lr: S.perGroup(n, S.extended),
      _init_lrs: S.perGroup(n),
      _streaming_avg: checkAverage,
    };
    const schema: StateSchema = Object.fromEntries(Object.entries(fields).map(([k, check]) => [k, { check, optional: true }]));
    const st = readState("GreedyLR", stateDict, schema, where);
    return () => {
      const has = (k: string) => st[k] !== undefined;
      if (has("factor")) this.factor = st.factor as number;
      if (has("min_lrs")) this.minLrs = st.min_lrs as number[];
      if (has("max_lrs")) this.maxLrs = st.max_lrs as number[];
      if (has("patience")) this.patience = st.patience as number;
      if (has("verbose")) this.verbose = st.verbose as boolean;
      if (has("cooldown")) this.cooldown = st.cooldown as number;
      if (has("warmup")) this.warmup = st.warmup as number;
      if (has("cooldown_counter")) this.cooldownCounter = st.cooldown_counter as number;
      if (has("warmup_counter")) this.warmupCounter = st.warmup_counter as number;
      if (has("mode")) this.mode = st.mode as "min" | "max";
      if (has("threshold")) this.threshold = st.threshold as number;
      if (has("threshold_mode")) this.thresholdMode = st.threshold_mode as "rel" | "abs";
      if (has("best")) this.best = st.best as number;
      if (has("num_bad_epochs")) this.numBadEpochs = st.num_bad_epochs as number;
      if (has("num_good_epochs")) this.numGoodEpochs = st.num_good_epochs as number;
      if (has("eps")) this.eps = st.eps as number;
      if (has("last_epoch")) this.lastEpoch = st.last_epoch as number;
      if (has("smooth")) this.smooth = st.smooth as boolean;
      if (has("window_size")) this.windowSize = st.window_size as number;
      if (has("reset_start")) this.resetStart = st.reset_start as number;
      if (has("reset_start_original")) this.resetStartOriginal = st.reset_start_original as number;
      if (has("_init_lrs")) this.initLrs = st._init_lrs as number[];
      if (has("_streaming_avg")) {
        const a = st._streaming_avg as { window_size: number; values: number[]; sum: number };
        this.average = new StreamingAverage(a.window_size);
        this.average.values = a.values.slice();
        this.average.sum = a.sum;
      }
      // as in transformers, the saved rates go back into the optimizer
      if (has("_last_lr")) {
        this.lastLr = (st._last_lr as number[]).slice();
        this.groups.forEach((g, i) => (g.lr = this.lastLr[i]));
      }
    };
  }

  loadStateDict(stateDict: unknown): void {
    this.prepareLoad(stateDict, "stateDict")();
  }

  /** The constructor call (transformers' class: fromTorchConfig builds torch.optim classes only). */
  toTorchConfig(): TorchConfig {
    const kwargs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.options)) kwargs[camelToSnake(k)] = v;
    return { _target_: "transformers.optimization.GreedyLR", ...kwargs };
  }
}

function checkAverage(v: unknown, p: string): unknown {
  const a = v as { window_size?: unknown; values?: unknown; sum?: unknown } | null;
  if (typeof a !== "object" || a === null || !Array.isArray(a.values)) {
    throw new LrschedError(p, "must be {window_size, values, sum} (a StreamingAverage state)", v);
  }
  S.integer(a.window_size, `${p}.window_size`);
  a.values.forEach((x, i) => S.number(x, `${p}.values[${i}]`));
  S.number(a.sum, `${p}.sum`);
  return a;
}
