// optax's schedule functions, read as lrsched schedules (fromOptax) and written back (toOptax).
// Every function maps onto lrsched types that give optax's values at every step: transition_begin
// as a join after a constant, end_value as a clamp (a floor when decaying, a cap when growing),
// piecewise schedules as joins of constants or ramps.
import { LrschedError, describe } from "../errors";
import { isPlainObject } from "../options";
import type { Schedule } from "../schedule";
import { clamp } from "../schedules/clamp";
import { constant } from "../schedules/constant";
import { cosineDecay } from "../schedules/cosineDecay";
import { cosinePower } from "../schedules/cosinePower";
import { exponentialDecay } from "../schedules/exponentialDecay";
import { exponentialGrowth } from "../schedules/exponentialGrowth";
import { join } from "../schedules/join";
import { polynomialDecay } from "../schedules/polynomialDecay";
import { warmup } from "../schedules/warmup";

/**
 * An optax schedule as its call: the function's name and keyword arguments (snake_case).
 *
 * @example
 * ```ts
 * import { fromOptax, type OptaxConfig } from "@lrsched/ts-api";
 * const config: OptaxConfig = { fn: "exponential_decay", kwargs: { init_value: 0.1, transition_steps: 100, decay_rate: 0.5 } };
 * fromOptax(config).at(100); // → 0.05
 * ```
 */
export interface OptaxConfig {
  readonly fn: string;
  readonly kwargs: Readonly<Record<string, unknown>>;
}

/** Reads one function's keyword arguments, naming each in errors (`kwargs.decay_steps`). */
class Kwargs {
  constructor(
    readonly fn: string,
    readonly raw: Readonly<Record<string, unknown>>,
    readonly at: string,
    known: readonly string[],
  ) {
    for (const key of Object.keys(raw)) {
      if (!known.includes(key)) throw new LrschedError(`${at}.${key}`, `is not an argument of ${fn} (arguments: ${known.join(", ")})`);
    }
  }

  private value(key: string, def: unknown): unknown {
    const v = Object.prototype.hasOwnProperty.call(this.raw, key) ? this.raw[key] : def;
    if (v === undefined) throw new LrschedError(`${this.at}.${key}`, `is required by ${this.fn}`);
    return v;
  }

  number(key: string, def?: number, rule: { min?: number; integer?: boolean } = {}): number {
    const v = this.value(key, def);
    const what = `must be ${rule.integer ? "an integer" : "a finite number"}${rule.min !== undefined ? ` >= ${rule.min}` : ""}`;
    if (typeof v !== "number" || !Number.isFinite(v) || (rule.integer && !Number.isInteger(v)) || (rule.min !== undefined && v < rule.min)) {
      throw new LrschedError(`${this.at}.${key}`, what, v);
    }
    return v;
  }

  /** A rate: lrsched's rates are >= 0. */
  rate(key: string, def?: number): number {
    return this.number(key, def, { min: 0 });
  }

  nullableRate(key: string): number | null {
    const v = this.value(key, null);
    return v === null ? null : this.rate(key);
  }

  boolean(key: string, def: boolean): boolean {
    const v = this.value(key, def);
    if (typeof v !== "boolean") throw new LrschedError(`${this.at}.${key}`, "must be true or false", v);
    return v;
  }

  /** `{step: scale}` with string keys (JSON's), sorted by step as optax sorts them. */
  boundaries(key: string): [number, number][] {
    const v = this.value(key, null);
    if (v === null) return [];
    if (!isPlainObject(v)) throw new LrschedError(`${this.at}.${key}`, "must be an object {step: scale} (steps as string keys)", v);
    const out: [number, number][] = [];
    for (const [k, scale] of Object.entries(v)) {
      const where = `${this.at}.${key}.${k}`;
      if (!/^(0|[1-9]\d*)$/.test(k)) throw new LrschedError(where, "must be keyed by a non-negative integer step (digits, no sign or leading zero)", k);
      if (typeof scale !== "number" || !Number.isFinite(scale) || scale < 0) {
        throw new LrschedError(where, `must be a finite scale >= 0 (optax: ${this.fn} expects non-negative scale factors)`, scale);
      }
      out.push([Number(k), scale]);
    }
    return out.sort((a, b) => a[0] - b[0]);
  }
}

/** lrsched's join, dropping pieces that a boundary of 0 or a repeated boundary leaves with no steps. */
function joined(schedules: Schedule[], boundaries: number[]): Schedule {
  const keep: Schedule[] = [];
  const bounds: number[] = [];
  schedules.forEach((s, i) => {
    const start = i === 0 ? 0 : boundaries[i - 1]!;
    const end = i < boundaries.length ? boundaries[i]! : Infinity;
    if (end <= start) return; // never selected: a later piece starts at the same step
    if (keep.length > 0) bounds.push(start);
    keep.push(s);
  });
  return keep.length === 1 ? keep[0]! : join(keep, bounds);
}

/** A schedule held at `init` until `begin`, then `s` on its own clock (optax's transition_begin). */
const after = (init: number, begin: number, s: Schedule) => (begin > 0 ? join([constant({ value: init }), s], [begin]) : s);

/** transition_begin: an integer; optax treats a negative one as 0. */
const begin = (k: Kwargs) => Math.max(0, k.number("transition_begin", 0, { integer: true }));

function polynomial(k: Kwargs, power: number): Schedule {
  const init = k.rate("init_value");
  const end = k.rate("end_value");
  const steps = k.number("transition_steps");
  if (steps <= 0) return constant({ value: init }); // optax: a non-positive transition_steps holds init_value
  if (steps < 1) throw new LrschedError(`${k.at}.transition_steps`, "must be >= 1 (or <= 0 for a constant)", steps);
  const b = begin(k);
  // 0 ** 0 is 1: a power of 0 holds init_value
  if (power === 0) return constant({ value: init });
  return after(init, b, polynomialDecay({ initialLearningRate: init, decaySteps: steps, endLearningRate: end, power }));
}

function exponential(k: Kwargs, initKey = "init_value"): Schedule {
  const init = k.rate(initKey);
  const steps = k.number("transition_steps");
  const rate = k.number("decay_rate", undefined, { min: 0 });
  const b = begin(k);
  const stair = k.boolean("staircase", false);
  const end = k.nullableRate("end_value");
  // optax holds init_value for a non-positive transition_steps or a zero decay_rate
  if (steps <= 0 || rate === 0) return constant({ value: init });
  if (steps < 1) throw new LrschedError(`${k.at}.transition_steps`, "must be >= 1 (or <= 0 for a constant)", steps);
  // end_value clips every value, the held start included: a floor when decaying, a cap otherwise
  const clip = (v: number) => (end === null ? v : rate < 1 ? Math.max(v, end) : Math.min(v, end));
  let s: Schedule;
  if (rate > 1 && end !== null) {
    // capped growth holds its cap at every later step
    s = exponentialGrowth({ initialLearningRate: init, growthSteps: steps, growthRate: rate, staircase: stair, maxLr: end });
  } else {
    s = exponentialDecay({ initialLearningRate: init, decaySteps: steps, decayRate: rate, staircase: stair });
    if (end !== null) s = rate < 1 ? clamp(s, { min: end }) : clamp(s, { max: end });
  }
  return after(clip(init), b, s);
}

function cosine(k: Kwargs, init: number, decaySteps: number, alpha: number, exponent: number, alphaKey = "alpha"): Schedule {
  const stepsKey = "decay_steps";
  if (!(decaySteps > 0)) throw new LrschedError(`${k.at}.${stepsKey}`, "must be positive (optax: cosine_decay_schedule requires positive decay_steps)", decaySteps);
  if (decaySteps < 1) throw new LrschedError(`${k.at}.${stepsKey}`, "must be >= 1", decaySteps);
  if (!(alpha >= 0 && alpha <= 1)) {
    const rule = alphaKey === "alpha" ? "must be in [0, 1]" : "must be <= peak_value (its ratio, alpha, must be in [0, 1])";
    throw new LrschedError(`${k.at}.${alphaKey}`, `${rule}: lrsched's cosine stays between its floor and its start`, alphaKey === "alpha" ? alpha : k.raw[alphaKey]);
  }
  if (!(exponent > 0)) throw new LrschedError(`${k.at}.exponent`, "must be > 0", exponent);
  return exponent === 1
    ? cosineDecay({ initialLearningRate: init, decaySteps, alpha })
    : cosinePower({ initialLearningRate: init, decaySteps, alpha, exponent });
}

/** optax's linear warm-up: a linear_schedule from init_value to peak_value over warmup_steps. */
function linearWarmup(k: Kwargs): { warm: Schedule; steps: number } {
  const init = k.rate("init_value");
  const peak = k.rate("peak_value");
  const steps = k.number("warmup_steps", undefined, { integer: true, min: 0 });
  const warm = steps <= 0 ? constant({ value: init }) : polynomialDecay({ initialLearningRate: init, decaySteps: steps, endLearningRate: peak, power: 1 });
  return { warm, steps };
}

function warmupCosine(k: Kwargs): Schedule {
  const { warm, steps } = linearWarmup(k);
  const peak = k.rate("peak_value");
  const end = k.rate("end_value", 0);
  const alpha = peak === 0 ? 0 : end / peak;
  const decay = k.number("decay_steps");
  return joined([warm, cosine(k, peak, decay - steps, alpha, k.number("exponent", 1), "end_value")], [steps]);
}

/** The values between boundaries of piecewise_interpolate_schedule, joined linearly or by half-cosines. */
function interpolate(k: Kwargs, shape: "linear" | "cosine", init: number, pairs: [number, number][]): Schedule {
  const values = [init];
  for (const [, scale] of pairs) values.push(values[values.length - 1]! * scale);
  const pieces: Schedule[] = [];
  const bounds: number[] = [];
  let start = 0;
  pairs.forEach(([b], i) => {
    // the interval [start, b) ramps from values[i] to values[i + 1]; empty when b is 0
    if (b > start) {
      if (pieces.length > 0) bounds.push(start);
      pieces.push(warmup(constant({ value: values[i + 1]! }), { warmupSteps: b - start, initialLr: values[i]!, shape }));
    }
    start = Math.max(start, b);
  });
  if (pieces.length > 0) bounds.push(start);
  pieces.push(constant({ value: values[values.length - 1]! }));
  return pieces.length === 1 ? pieces[0]! : join(pieces, bounds);
}

/** A Python dict literal with integer keys: a repeated key keeps the last value. */
function dict(entries: [number, number][]): [number, number][] {
  const m = new Map<number, number>();
  for (const [key, v] of entries) m.set(key, v);
  return [...m.entries()].sort((a, b) => a[0] - b[0]);
}

function onecycle(k: Kwargs, shape: "linear" | "cosine"): Schedule {
  const steps = k.number("transition_steps");
  if (steps <= 0) throw new LrschedError(`${k.at}.transition_steps`, "must be positive (optax: a onecycle schedule needs a positive transition_steps)", steps);
  if (!Number.isInteger(steps)) throw new LrschedError(`${k.at}.transition_steps`, "must be an integer", steps);
  const peak = k.rate("peak_value");
  const pctStart = k.number("pct_start", 0.3, { min: 0 });
  const div = k.number("div_factor", 25);
  const finalDiv = k.number("final_div_factor", 1e4);
  if (!(div > 0)) throw new LrschedError(`${k.at}.div_factor`, "must be > 0", div);
  if (!(finalDiv > 0)) throw new LrschedError(`${k.at}.final_div_factor`, "must be > 0", finalDiv);
  // optax truncates the phase boundaries with int(); a boundary met twice keeps its last scale
  const entries: [number, number][] = shape === "linear"
    ? [[Math.trunc(pctStart * steps), div], [Math.trunc(k.number("pct_final", 0.85, { min: 0 }) * steps), 1 / div], [steps, 1 / finalDiv]]
    : [[Math.trunc(pctStart * steps), div], [steps, 1 / (div * finalDiv)]];
  return interpolate(k, shape, peak / div, dict(entries));
}

const ARGS: Readonly<Record<string, readonly string[]>> = {
  constant_schedule: ["value"],
  polynomial_schedule: ["init_value", "end_value", "power", "transition_steps", "transition_begin"],
  linear_schedule: ["init_value", "end_value", "transition_steps", "transition_begin"],
  piecewise_constant_schedule: ["init_value", "boundaries_and_scales"],
  exponential_decay: ["init_value", "transition_steps", "decay_rate", "transition_begin", "staircase", "end_value"],
  cosine_decay_schedule: ["init_value", "decay_steps", "alpha", "exponent"],
  warmup_constant_schedule: ["init_value", "peak_value", "warmup_steps"],
  warmup_cosine_decay_schedule: ["init_value", "peak_value", "warmup_steps", "decay_steps", "end_value", "exponent"],
  warmup_exponential_decay_schedule: ["init_value", "peak_value", "warmup_steps", "transition_steps", "decay_rate", "transition_begin", "staircase", "end_value"],
  sgdr_schedule: ["cosine_kwargs"],
  linear_onecycle_schedule: ["transition_steps", "peak_value", "pct_start", "pct_final", "div_factor", "final_div_factor"],
  cosine_onecycle_schedule: ["transition_steps", "peak_value", "pct_start", "div_factor", "final_div_factor"],
  piecewise_interpolate_schedule: ["interpolate_type", "init_value", "boundaries_and_scales"],
  join_schedules: ["schedules", "boundaries"],
};

/**
 * optax's schedule functions fromOptax reads.
 *
 * @example
 * ```ts
 * import { OPTAX_FUNCTIONS } from "@lrsched/ts-api";
 * OPTAX_FUNCTIONS.includes("warmup_cosine_decay_schedule"); // → true
 * ```
 */
export const OPTAX_FUNCTIONS: readonly string[] = Object.freeze(Object.keys(ARGS));

function build(config: unknown, at: string): Schedule {
  if (!isPlainObject(config)) throw new LrschedError(at, "must be an object {fn, kwargs}", config);
  for (const key of Object.keys(config)) {
    if (key !== "fn" && key !== "kwargs") throw new LrschedError(`${at}.${key}`, "is not a key of an optax schedule (fn, kwargs)");
  }
  const fn = typeof config.fn === "string" ? config.fn.replace(/^optax\.(schedules\.)?/, "") : config.fn;
  if (typeof fn !== "string" || !Object.prototype.hasOwnProperty.call(ARGS, fn)) {
    throw new LrschedError(`${at}.fn`, `must be one of ${OPTAX_FUNCTIONS.join(", ")}`, config.fn);
  }
  const raw = config.kwargs ?? {};
  if (!isPlainObject(raw)) throw new LrschedError(`${at}.kwargs`, "must be an object of keyword arguments", raw);
  const k = new Kwargs(fn, raw, `${at}.kwargs`, ARGS[fn]!);
  switch (fn) {
    case "constant_schedule":
      return constant({ value: k.rate("value") });
    case "polynomial_schedule": {
      const power = k.number("power", undefined, { min: 0 });
      return polynomial(k, power);
    }
    case "linear_schedule":
      return polynomial(k, 1);
    case "piecewise_constant_schedule": {
      // the value is multiplied by each scale once step >= its boundary
      let v = k.rate("init_value");
      const values: Schedule[] = [];
      const bounds: number[] = [];
      for (const [b, scale] of k.boundaries("boundaries_and_scales")) {
        if (b > 0) {
          if (values.length === 0) values.push(constant({ value: v }));
          bounds.push(b);
        }
        v = scale * v;
        if (b > 0) values.push(constant({ value: v }));
      }
      return values.length === 0 ? constant({ value: v }) : join(values, bounds);
    }
    case "exponential_decay":
      return exponential(k);
    case "cosine_decay_schedule":
      return cosine(k, k.rate("init_value"), k.number("decay_steps"), k.number("alpha", 0), k.number("exponent", 1));
    case "warmup_constant_schedule":
      return linearWarmup(k).warm;
    case "warmup_cosine_decay_schedule":
      return warmupCosine(k);
    case "warmup_exponential_decay_schedule": {
      const { warm, steps } = linearWarmup(k);
      return joined([warm, exponential(k, "peak_value")], [steps]);
    }
    case "sgdr_schedule": {
      const list = raw.cosine_kwargs;
      if (!Array.isArray(list) || list.length === 0) throw new LrschedError(`${at}.kwargs.cosine_kwargs`, "must be a non-empty list of warmup_cosine_decay_schedule keyword arguments", list);
      const pieces: Schedule[] = [];
      const bounds: number[] = [];
      let step = 0;
      list.forEach((kw, i) => {
        const where = `${at}.kwargs.cosine_kwargs[${i}]`;
        if (!isPlainObject(kw)) throw new LrschedError(where, "must be an object of keyword arguments", kw);
        const ck = new Kwargs("warmup_cosine_decay_schedule", kw, where, ARGS.warmup_cosine_decay_schedule!);
        pieces.push(warmupCosine(ck));
        step += ck.number("decay_steps", undefined, { integer: true, min: 1 });
        bounds.push(step);
      });
      return joined(pieces, bounds.slice(0, -1));
    }
    case "linear_onecycle_schedule":
      return onecycle(k, "linear");
    case "cosine_onecycle_schedule":
      return onecycle(k, "cosine");
    case "piecewise_interpolate_schedule": {
      const type = raw.interpolate_type;
      if (type !== "linear" && type !== "cosine") {
        throw new LrschedError(`${at}.kwargs.interpolate_type`, "must be 'linear' or 'cosine'", type);
      }
      return interpolate(k, type, k.rate("init_value"), k.boundaries("boundaries_and_scales"));
    }
    default: {
      // join_schedules: each schedule sees step - its boundary
      const list = raw.schedules;
      const bounds = raw.boundaries;
      if (!Array.isArray(list) || list.length === 0) throw new LrschedError(`${at}.kwargs.schedules`, "must be a non-empty list of {fn, kwargs}", list);
      if (!Array.isArray(bounds) || bounds.length !== list.length - 1) {
        throw new LrschedError(`${at}.kwargs.boundaries`, `must be a list of ${list.length - 1} step(s), one fewer than schedules`, bounds);
      }
      bounds.forEach((b, i) => {
        const where = `${at}.kwargs.boundaries[${i}]`;
        if (typeof b !== "number" || !Number.isInteger(b) || b < 0) throw new LrschedError(where, "must be an integer step >= 0", b);
        if (i > 0 && b < (bounds[i - 1] as number)) throw new LrschedError(where, `must be >= the boundary before (${describe(bounds[i - 1])})`, b);
      });
      return joined(list.map((c, i) => build(c, `${at}.kwargs.schedules[${i}]`)), bounds as number[]);
    }
  }
}

/**
 * An optax schedule (`{fn: 'warmup_cosine_decay_schedule', kwargs: {...}}`, keyword arguments in
 * optax's snake_case; `boundaries_and_scales` an object with string keys; join_schedules'
 * `schedules` a list of such configs) as an lrsched schedule with optax's value at every step.
 * optax's own fallbacks are kept: a non-positive transition_steps or a zero decay_rate holds
 * init_value, a negative transition_begin counts as 0.
 *
 * @example
 * ```ts
 * import { fromOptax } from "@lrsched/ts-api";
 * const s = fromOptax({ fn: "warmup_cosine_decay_schedule", kwargs: { init_value: 0, peak_value: 0.1, warmup_steps: 100, decay_steps: 1000 } });
 * s.at(50); // → 0.05
 * s.at(100); // → 0.1
 * s.at(1000); // → 0
 * ```
 */
export function fromOptax(config: OptaxConfig): Schedule {
  return build(config, "optax");
}
