import { LrschedError, TIMM_TYPES, timmOptions, type Schedule } from "@lrsched/ts-api";
import { isPlainObject } from "../checks";
import type { Optimizer, ParamGroup } from "../optimizer";
import { S, encodeNumber, readState, type StateDict, type StateSchema } from "../stateDict";
import { checkMetric, checkT, readNoise, setInitialLr, timmBaseValues, writeRates, type TimmNoise } from "./groups";

const camelToSnake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Rebuilds an LrschedError of a group's schedule with the path of the optimizer or kwarg. */
function groupError(e: unknown, i: number): unknown {
  if (e instanceof LrschedError && e.path === "lr") return new LrschedError(`optimizer.paramGroups[${i}].initialLr`, e.rule, e.got);
  return e;
}

/**
 * One of timm's closed-form schedulers (CosineLRScheduler, TanhLRScheduler, StepLRScheduler,
 * MultiStepLRScheduler, PolyLRScheduler) with timm's API and step semantics:
 *
 * - construction takes each group's base rate from `initialLr` (setting it from `lr` when absent),
 *   writes the base rate, then `warmupLrInit` when there is a warm-up;
 * - `step(epoch)` sets every group's rate to the schedule at `epoch` when `t_in_epochs` is true
 *   (the default) and does nothing otherwise; `stepUpdate(numUpdates)` is its mirror for
 *   `t_in_epochs: false`. Both remember the metric they are given;
 * - a group's `lrScale` multiplies every rate written to it (timm's `lr_scale`);
 * - `stateDict()` holds timm's fields (`base_values`, `t_initial`, `warmup_steps`, ...) and
 *   `loadStateDict()` takes a whole or partial dict, as timm's `__dict__.update` does.
 *
 * Rates are timm's `_get_lr(t)`: `schedules[i].at(t)` is group i's.
 *
 * @example
 * ```ts
 * import { TimmScheduler } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new TimmScheduler(optimizer, "CosineLRScheduler", { t_initial: 100 });
 * scheduler.step(50);
 * scheduler.getLastLr(); // → [0.05]
 * ```
 */
export class TimmScheduler {
  readonly className: string;
  readonly optimizer: Optimizer;
  /** create_scheduler_v2's epoch count, when the scheduler came from the factory. */
  readonly numEpochs?: number;
  baseValues: number[];
  tInEpochs: boolean;
  metric: number | null = null;
  /** Each group's rate as a schedule of t (timm's _get_lr for that group). */
  schedules: Schedule[];
  private options: Readonly<Record<string, unknown>>;
  private readonly groups: ParamGroup[];
  private readonly noise: TimmNoise;

  constructor(optimizer: Optimizer, className: string, kwargs: Readonly<Record<string, unknown>> = {}, numEpochs?: number) {
    if (!isPlainObject(kwargs)) throw new LrschedError("kwargs", "must be an object of keyword arguments", kwargs);
    const initialize = kwargs.initialize ?? true;
    const tInEpochs = kwargs.t_in_epochs ?? true;
    const { groups, bases } = timmBaseValues(optimizer, initialize !== false);
    const { options } = timmOptions(className, kwargs, bases[0]!);
    this.className = className;
    this.optimizer = optimizer;
    this.groups = groups;
    this.numEpochs = numEpochs;
    this.noise = readNoise(kwargs, 42);
    this.tInEpochs = tInEpochs as boolean;
    this.schedules = this.build(options, bases);
    this.options = this.schedules[0]!.options;
    this.baseValues = bases;
    // the base class writes the base rates, then a warm-up writes its start
    if (initialize !== false) setInitialLr(groups);
    writeRates(groups, bases);
    const w = this.options.warmupT as number;
    if (w) writeRates(groups, bases.map(() => this.options.warmupLrInit as number));
  }

  private build(options: Readonly<Record<string, unknown>>, bases: readonly number[]): Schedule[] {
    const type = TIMM_TYPES[this.className]!;
    return bases.map((lr, i) => {
      try {
        return type.create({ ...options, lr }, (f: string) => (f === "lr" ? "lr" : `kwargs.${camelToSnake(f)}`));
      } catch (e) {
        throw groupError(e, i);
      }
    });
  }

  /** timm's warmup_steps: each group's warm-up slope (1 when there is no warm-up). */
  get warmupSteps(): number[] {
    const w = this.options.warmupT as number;
    const init = this.options.warmupLrInit as number;
    if (!w) return this.baseValues.map(() => 1);
    // TanhLRScheduler without prefix ramps to its rate at warmupT; the others to the base rate
    const tanhTarget = this.className === "TanhLRScheduler" && this.options.warmupPrefix === false;
    return this.schedules.map((s, i) => ((tanhTarget ? s.at(w) : this.baseValues[i]!) - init) / w);
  }

  private apply(t: number): void {
    const values = this.schedules.map((s) => s.at(t));
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) throw new LrschedError(`${this.className}.step`, `would set param group ${i}'s lr to a non-finite value`, values[i]);
    }
    writeRates(this.groups, values);
  }

  /** End of an epoch: `epoch` is the number of the next one (timm calls step(epoch + 1)). */
  step(epoch: number, metric?: number | null): void {
    const t = checkT("epoch", epoch);
    this.metric = checkMetric(metric);
    if (this.tInEpochs) this.apply(t);
  }

  /** After an optimizer update: `numUpdates` counts the updates so far. */
  stepUpdate(numUpdates: number, metric?: number | null): void {
    const t = checkT("numUpdates", numUpdates);
    this.metric = checkMetric(metric);
    if (!this.tInEpochs) this.apply(t);
  }

  /** The rates the groups hold now. */
  getLastLr(): number[] {
    return this.groups.map((g) => g.lr);
  }

  /** timm's state: `base_values`, `t_initial`, `warmup_steps` and the rest of the scheduler's fields. */
  stateDict(): StateDict {
    const own: StateDict = {};
    for (const [k, v] of Object.entries(this.options)) if (k !== "lr") own[camelToSnake(k)] = Array.isArray(v) ? v.slice() : v;
    return {
      param_group_field: "lr",
      _initial_param_group_field: "initial_lr",
      base_values: this.baseValues.slice(),
      metric: this.metric === null ? null : encodeNumber(this.metric),
      t_in_epochs: this.tInEpochs,
      noise_range_t: null,
      ...this.noise,
      ...own,
      warmup_steps: this.warmupSteps,
    };
  }

  /**
   * Loads a state dict (whole or partial, as timm's `__dict__.update`): the schedule is rebuilt from
   * the loaded fields, which are checked first; a bad dict throws and changes nothing.
   */
  loadStateDict(stateDict: unknown): void {
    const n = this.groups.length;
    const ownKeys = Object.keys(this.options).filter((k) => k !== "lr").map(camelToSnake);
    const any: StateField = { check: (v) => v, optional: true };
    const schema: StateSchema = {
      param_group_field: { check: S.oneOf("lr"), optional: true },
      _initial_param_group_field: { check: S.oneOf("initial_lr"), optional: true },
      base_values: { check: S.perGroup(n), optional: true },
      metric: { check: S.nullable(S.extended), optional: true },
      t_in_epochs: { check: S.boolean, optional: true },
      noise_range_t: { check: noNoise, optional: true },
      noise_pct: { check: S.number, optional: true },
      noise_type: { check: S.oneOf("normal", "uniform"), optional: true },
      noise_std: { check: S.number, optional: true },
      noise_seed: { check: S.integer, optional: true },
      ...Object.fromEntries(ownKeys.map((k) => [k, any])),
      warmup_steps: { check: S.perGroup(n), optional: true },
    };
    const st = readState(this.className, stateDict, schema, "stateDict");
    const options: Record<string, unknown> = { ...this.options };
    for (const k of ownKeys) {
      if (k in st) options[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = st[k];
    }
    const bases = (st.base_values as number[] | undefined) ?? this.baseValues;
    let schedules: Schedule[];
    try {
      schedules = this.build(options, bases);
    } catch (e) {
      if (e instanceof LrschedError) throw new LrschedError(e.path.replace(/^kwargs\./, "stateDict."), e.rule, e.got);
      throw e;
    }
    const before = { schedules: this.schedules, options: this.options, baseValues: this.baseValues };
    this.schedules = schedules;
    this.options = schedules[0]!.options;
    this.baseValues = bases;
    if (st.warmup_steps !== undefined) {
      const want = this.warmupSteps;
      const bad = (st.warmup_steps as number[]).findIndex((v, i) => Math.abs(v - want[i]!) > 1e-12 * Math.max(1, Math.abs(want[i]!)));
      if (bad >= 0) {
        Object.assign(this, before);
        throw new LrschedError(`stateDict.warmup_steps[${bad}]`, `must match base_values, warmup_lr_init and warmup_t (${want[bad]})`, (st.warmup_steps as number[])[bad]);
      }
    }
    if (st.metric !== undefined) this.metric = st.metric as number | null;
    if (st.t_in_epochs !== undefined) this.tInEpochs = st.t_in_epochs as boolean;
    const noise = this.noise as { -readonly [K in keyof TimmNoise]: TimmNoise[K] };
    if (st.noise_pct !== undefined) noise.noise_pct = st.noise_pct as number;
    if (st.noise_type !== undefined) noise.noise_type = st.noise_type as string;
    if (st.noise_std !== undefined) noise.noise_std = st.noise_std as number;
    if (st.noise_seed !== undefined) noise.noise_seed = st.noise_seed as number;
  }
}

type StateField = StateSchema[string];

const noNoise = (v: unknown, p: string) => {
  if (v !== null) throw new LrschedError(p, "must be null: timm's rate noise is not reproduced", v);
  return null;
};
