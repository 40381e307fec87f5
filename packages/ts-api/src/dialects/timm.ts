// timm's scheduler classes and its create_scheduler_v2 factory, read as lrsched schedules.
import { LrschedError } from "../errors";
import { isPlainObject } from "../options";
import type { Schedule } from "../schedule";
import { camelToSnake, type ScheduleType } from "../scheduleType";
import { timmCosineType } from "../schedules/timm/timmCosine";
import { timmMultiStepType } from "../schedules/timm/timmMultiStep";
import { timmPolyType } from "../schedules/timm/timmPoly";
import { timmStepType } from "../schedules/timm/timmStep";
import { timmTanhType } from "../schedules/timm/timmTanh";
import { pyFloorDiv } from "../pyMath";

/**
 * A timm scheduler as its constructor call: the class and its keyword arguments (snake_case, no optimizer).
 *
 * @example
 * ```ts
 * import { fromTimm, type TimmConfig } from "@lrsched/ts-api";
 * const config: TimmConfig = { class: "StepLRScheduler", kwargs: { decay_t: 30, decay_rate: 0.1 } };
 * fromTimm(config, { lr: 0.1 }).at(30); // → 0.01
 * ```
 */
export interface TimmConfig {
  readonly class: string;
  readonly kwargs?: Readonly<Record<string, unknown>>;
}

/**
 * A timm config resolved to one scheduler class (create_scheduler_v2 expanded).
 *
 * @example
 * ```ts
 * import { resolveTimmConfig, type ResolvedTimmConfig } from "@lrsched/ts-api";
 * const resolved: ResolvedTimmConfig = resolveTimmConfig({ class: "create_scheduler_v2", kwargs: { sched: "cosine", num_epochs: 100 } });
 * resolved.class; // → "CosineLRScheduler"
 * ```
 */
export interface ResolvedTimmConfig {
  readonly class: TimmClassName;
  /** The class's keyword arguments, snake_case, as given or as the factory passes them. */
  readonly kwargs: Readonly<Record<string, unknown>>;
  /** create_scheduler_v2's second return value; undefined for a class config. */
  readonly numEpochs?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = ScheduleType<any>;

/**
 * timm's closed-form scheduler classes and the lrsched type of each.
 *
 * @example
 * ```ts
 * import { TIMM_TYPES } from "@lrsched/ts-api";
 * TIMM_TYPES.CosineLRScheduler.type; // → "timmCosine"
 * ```
 */
export const TIMM_TYPES: Readonly<Record<string, AnyType>> = /* @__PURE__ */ Object.freeze({
  CosineLRScheduler: timmCosineType,
  TanhLRScheduler: timmTanhType,
  StepLRScheduler: timmStepType,
  MultiStepLRScheduler: timmMultiStepType,
  PolyLRScheduler: timmPolyType,
});

/**
 * Every timm scheduler class lrsched reads: the closed-form ones and PlateauLRScheduler.
 *
 * @example
 * ```ts
 * import { TIMM_CLASSES } from "@lrsched/ts-api";
 * TIMM_CLASSES.includes("PlateauLRScheduler"); // → true
 * ```
 */
// (pure calls, here and below: a bundle that uses none of this leaves it out)
export const TIMM_CLASSES = /* @__PURE__ */ (() => [...Object.keys(TIMM_TYPES), "PlateauLRScheduler"] as const)();
/**
 * The name of a timm scheduler class lrsched reads.
 *
 * @example
 * ```ts
 * import type { TimmClassName } from "@lrsched/ts-api";
 * const name: TimmClassName = "CosineLRScheduler";
 * name.endsWith("LRScheduler"); // → true
 * ```
 */
export type TimmClassName = "CosineLRScheduler" | "TanhLRScheduler" | "StepLRScheduler" | "MultiStepLRScheduler" | "PolyLRScheduler" | "PlateauLRScheduler";

/**
 * PlateauLRScheduler's own keyword arguments and defaults (it follows a metric: no closed form).
 *
 * @example
 * ```ts
 * import { TIMM_PLATEAU_DEFAULTS } from "@lrsched/ts-api";
 * TIMM_PLATEAU_DEFAULTS.decay_rate; // → 0.1
 * ```
 */
export const TIMM_PLATEAU_DEFAULTS = /* @__PURE__ */ Object.freeze({
  decay_rate: 0.1,
  patience_t: 10,
  threshold: 1e-4,
  cooldown_t: 0,
  warmup_t: 0,
  warmup_lr_init: 0,
  lr_min: 0,
  mode: "max",
});

/** Keyword arguments of every timm class that do not change its rates (noise must stay off). */
const COMMON_KWARGS = ["t_in_epochs", "noise_range_t", "noise_pct", "noise_std", "noise_seed", "initialize"];

/** create_scheduler_v2's arguments and defaults (optimizer aside). */
const FACTORY_DEFAULTS: Readonly<Record<string, unknown>> = /* @__PURE__ */ Object.freeze({
  sched: "cosine",
  num_epochs: 300,
  decay_epochs: 90,
  decay_milestones: [90, 180, 270],
  cooldown_epochs: 0,
  patience_epochs: 10,
  decay_rate: 0.1,
  min_lr: 0,
  warmup_lr: 1e-5,
  warmup_epochs: 0,
  warmup_prefix: false,
  noise: null,
  noise_pct: 0.67,
  noise_std: 1,
  noise_seed: 42,
  cycle_mul: 1,
  cycle_decay: 0.1,
  cycle_limit: 1,
  k_decay: 1,
  plateau_mode: "max",
  step_on_epochs: true,
  updates_per_epoch: 0,
});

const SCHEDS: Readonly<Record<string, TimmClassName>> = {
  cosine: "CosineLRScheduler",
  tanh: "TanhLRScheduler",
  step: "StepLRScheduler",
  multistep: "MultiStepLRScheduler",
  plateau: "PlateauLRScheduler",
  poly: "PolyLRScheduler",
};

const num = (path: string, v: unknown, rule = "must be a finite number"): number => {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new LrschedError(path, rule, v);
  return v;
};

/** Refuses timm's learning-rate noise, which draws from torch's generator. */
function checkNoNoise(path: string, v: unknown): void {
  if (v !== null && v !== undefined) {
    throw new LrschedError(path, "must be null: timm's rate noise (torch.Generator draws) is not reproduced; leave noise off", v);
  }
}

/** The length timm's get_cycle_length() reports for a cycle class's kwargs. */
function cycleLength(kw: Readonly<Record<string, unknown>>): number {
  const tInitial = kw.t_initial as number;
  const mul = (kw.cycle_mul as number | undefined) ?? 1;
  const limit = (kw.cycle_limit as number | undefined) ?? 1;
  const cycles = Math.max(1, limit);
  const t = mul === 1 ? tInitial * cycles : Math.floor((-tInitial * (mul ** cycles - 1)) / (1 - mul));
  return kw.warmup_prefix === true ? t + ((kw.warmup_t as number | undefined) ?? 0) : t;
}

/**
 * create_scheduler_v2's choices, as timm makes them: per-update lengths when step_on_epochs is
 * false, the factory's own defaults (cycle_decay 0.1, warmup_lr 1e-5, warmup_prefix false even for
 * the step classes), PlateauLRScheduler without cooldown, and the epoch count it returns.
 */
function expandFactory(raw: Readonly<Record<string, unknown>>): ResolvedTimmConfig {
  for (const key of Object.keys(raw)) {
    if (!(key in FACTORY_DEFAULTS)) {
      throw new LrschedError(`kwargs.${key}`, `is not an argument of create_scheduler_v2 (arguments: ${Object.keys(FACTORY_DEFAULTS).join(", ")})`);
    }
  }
  const a = { ...FACTORY_DEFAULTS, ...raw } as Record<string, unknown>;
  const sched = a.sched;
  if (typeof sched !== "string" || !(sched in SCHEDS)) {
    throw new LrschedError("kwargs.sched", `must be one of ${Object.keys(SCHEDS).map((s) => `'${s}'`).join(", ")} (timm returns no scheduler for others)`, sched);
  }
  checkNoNoise("kwargs.noise", a.noise);
  if (typeof a.step_on_epochs !== "boolean") throw new LrschedError("kwargs.step_on_epochs", "must be true or false", a.step_on_epochs);
  if (typeof a.warmup_prefix !== "boolean") throw new LrschedError("kwargs.warmup_prefix", "must be true or false", a.warmup_prefix);
  const onEpochs = a.step_on_epochs;
  const perEpoch = num("kwargs.updates_per_epoch", a.updates_per_epoch);
  if (!onEpochs && !(perEpoch > 0)) {
    throw new LrschedError("kwargs.updates_per_epoch", "must be > 0 when step_on_epochs is false (timm: set it to the number of dataloader batches)", perEpoch);
  }
  const scale = onEpochs ? 1 : perEpoch;
  const tInitial = num("kwargs.num_epochs", a.num_epochs) * scale;
  const warmupT = num("kwargs.warmup_epochs", a.warmup_epochs) * scale;
  const decayT = num("kwargs.decay_epochs", a.decay_epochs) * scale;
  const cooldownT = num("kwargs.cooldown_epochs", a.cooldown_epochs) * scale;
  if (!Array.isArray(a.decay_milestones)) throw new LrschedError("kwargs.decay_milestones", "must be a list of numbers", a.decay_milestones);
  const milestones = a.decay_milestones.map((d, i) => num(`kwargs.decay_milestones[${i}]`, d) * scale);
  const warmup = { warmup_lr_init: a.warmup_lr, warmup_t: warmupT, warmup_prefix: a.warmup_prefix };
  const cycles = { cycle_mul: a.cycle_mul, cycle_decay: a.cycle_decay, cycle_limit: a.cycle_limit };
  const cls = SCHEDS[sched]!;
  let kwargs: Record<string, unknown>;
  switch (sched) {
    case "cosine":
      kwargs = { t_initial: tInitial, lr_min: a.min_lr, t_in_epochs: onEpochs, ...cycles, ...warmup, k_decay: a.k_decay };
      break;
    case "tanh":
      kwargs = { t_initial: tInitial, lr_min: a.min_lr, t_in_epochs: onEpochs, ...cycles, ...warmup };
      break;
    case "step":
      kwargs = { decay_t: decayT, decay_rate: a.decay_rate, t_in_epochs: onEpochs, ...warmup };
      break;
    case "multistep":
      kwargs = { decay_t: milestones, decay_rate: a.decay_rate, t_in_epochs: onEpochs, ...warmup };
      break;
    case "poly":
      // the factory passes decay_rate as the polynomial's power
      kwargs = { power: a.decay_rate, t_initial: tInitial, lr_min: a.min_lr, t_in_epochs: onEpochs, k_decay: a.k_decay, ...cycles, ...warmup };
      break;
    default: {
      if (!onEpochs) throw new LrschedError("kwargs.step_on_epochs", "must be true for sched 'plateau' (timm: Plateau LR only supports step per epoch)", false);
      kwargs = {
        decay_rate: a.decay_rate, patience_t: a.patience_epochs, cooldown_t: 0,
        warmup_lr_init: a.warmup_lr, warmup_t: warmupT, lr_min: a.min_lr, mode: a.plateau_mode,
      };
    }
  }
  let numEpochs = num("kwargs.num_epochs", a.num_epochs);
  if (sched === "cosine" || sched === "tanh" || sched === "poly") {
    const t = cycleLength(kwargs) + cooldownT;
    numEpochs = onEpochs ? t : pyFloorDiv(t, perEpoch);
  } else if (a.warmup_prefix) {
    numEpochs += a.warmup_epochs as number;
  }
  return { class: cls, kwargs, numEpochs };
}

/**
 * Checks a timm config and expands `create_scheduler_v2` into the scheduler class it builds.
 * Class kwargs are checked by fromTimm / fromTimmConfig when the scheduler is built.
 *
 * @example
 * ```ts
 * import { resolveTimmConfig } from "@lrsched/ts-api";
 * resolveTimmConfig({ class: "TanhLRScheduler", kwargs: { t_initial: 10 } }).kwargs.t_initial; // → 10
 * ```
 */
export function resolveTimmConfig(config: unknown): ResolvedTimmConfig {
  if (!isPlainObject(config)) throw new LrschedError("timm", "must be an object {class, kwargs}", config);
  for (const key of Object.keys(config)) {
    if (key !== "class" && key !== "kwargs") throw new LrschedError(`timm.${key}`, "is not a key of a timm config (class, kwargs)");
  }
  const kwargs = config.kwargs ?? {};
  if (!isPlainObject(kwargs)) throw new LrschedError("kwargs", "must be an object of keyword arguments", kwargs);
  if ("optimizer" in kwargs) throw new LrschedError("kwargs.optimizer", "is not a keyword argument here: the optimizer is passed separately");
  const cls = config.class;
  if (cls === "create_scheduler_v2") return expandFactory(kwargs);
  if (typeof cls !== "string" || !(TIMM_CLASSES as readonly string[]).includes(cls)) {
    throw new LrschedError("class", `must be one of ${[...TIMM_CLASSES, "create_scheduler_v2"].join(", ")}`, cls);
  }
  return { class: cls as TimmClassName, kwargs };
}

const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The lrsched options of a closed-form timm class from its kwargs: unknown keywords are refused,
 * noise must be off, and the keywords that do not change the rate (t_in_epochs, initialize, noise
 * settings) are checked and dropped.
 *
 * @example
 * ```ts
 * import { timmOptions } from "@lrsched/ts-api";
 * const { type, options } = timmOptions("CosineLRScheduler", { t_initial: 100, lr_min: 0.001 }, 0.1);
 * [type.type, options.tInitial, options.lrMin]; // → ["timmCosine", 100, 0.001]
 * ```
 */
export function timmOptions(cls: string, kwargs: Readonly<Record<string, unknown>>, lr: number): { type: AnyType; options: Record<string, unknown> } {
  const type = TIMM_TYPES[cls];
  if (!type) {
    throw new LrschedError("class", `${cls} has no closed form: its rate follows the metric passed to step(); use fromTimmConfig from @lrsched/torch-compat`);
  }
  const options: Record<string, unknown> = { lr };
  for (const [key, value] of Object.entries(kwargs)) {
    if (COMMON_KWARGS.includes(key)) {
      if (key === "noise_range_t") checkNoNoise(`kwargs.${key}`, value);
      else if ((key === "t_in_epochs" || key === "initialize") && typeof value !== "boolean") {
        throw new LrschedError(`kwargs.${key}`, "must be true or false", value);
      }
      continue;
    }
    const camel = snakeToCamel(key);
    if (camel === "lr" || !Object.prototype.hasOwnProperty.call(type.fields, camel) || key !== camelToSnake(camel)) {
      const known = Object.keys(type.fields).filter((k) => k !== "lr").map(camelToSnake);
      throw new LrschedError(`kwargs.${key}`, `is not a keyword argument of ${cls} (arguments: ${[...known, ...COMMON_KWARGS].join(", ")})`);
    }
    options[camel] = value;
  }
  return { type, options };
}

/** Error paths of a timm schedule's options: `lr`, or the kwarg's own snake_case name. */
export const timmPath = (field: string) => (field === "lr" ? "lr" : `kwargs.${camelToSnake(field)}`);

/**
 * A timm scheduler (`{class, kwargs}`, or `{class: 'create_scheduler_v2', kwargs}`) as a schedule
 * of t equal to timm's `_get_lr(t)` for a param group whose base rate is `lr`. t counts epochs, or
 * updates when the scheduler steps per update (t_in_epochs false, step_on_epochs false).
 * PlateauLRScheduler follows a metric and has no such schedule.
 *
 * @example
 * ```ts
 * import { fromTimm } from "@lrsched/ts-api";
 * const s = fromTimm({ class: "CosineLRScheduler", kwargs: { t_initial: 30, lr_min: 0.005, warmup_t: 5, warmup_lr_init: 0.001 } }, { lr: 0.1 });
 * [0, 5, 40].map((t) => s.at(t)); // → [0.001, 0.0936362, 0.005]
 * ```
 */
export function fromTimm(config: TimmConfig, options: { lr: number }): Schedule {
  const resolved = resolveTimmConfig(config);
  if (!isPlainObject(options)) throw new LrschedError("options", "must be an object {lr}", options);
  const lr = num("lr", options.lr, "must be a finite number >= 0 (the param group's base rate)");
  const { type, options: opts } = timmOptions(resolved.class, resolved.kwargs, lr);
  return type.create(opts, timmPath);
}
