// fromKeras: a serialized Keras schedule ({class_name, config}) as an lrsched schedule. Every
// config Keras's get_config() writes, or its constructor takes, imports and evaluates as Keras
// evaluates it; where lrsched cannot follow Keras exactly it says so in a warning, never by
// refusing. Only values that make Keras's own rates meaningless (a negative rate, a period that
// never starts) are refused, each with the rule it breaks.
import { LrschedError } from "./errors";
import { isPlainObject, readOwn } from "./options";
import { scheduleTypes } from "./registry";
import type { Schedule } from "./schedule";
import { camelToSnake } from "./scheduleType";
import { lastShrinkingStep } from "./schedules/shrinkingRestarts";
import { warn } from "./warnings";

/**
 * How `fromKeras()` reports where lrsched's rates differ in kind from Keras's.
 *
 * @example
 * ```ts
 * import { fromKeras, type FromKerasOptions } from "@lrsched/ts-api";
 * const warnings: string[] = [];
 * const options: FromKerasOptions = { onWarning: (m) => void warnings.push(m) };
 * fromKeras({ class_name: "CosineDecay", config: { initial_learning_rate: 0.1, decay_steps: 100 } }, options).at(50); // → 0.05
 * ```
 */
export interface FromKerasOptions {
  /** Receives each warning. Default: `console.warn`, prefixed "lrsched warning:". */
  readonly onWarning?: (message: string) => void;
}

/** Keys some Keras versions add to a config that change nothing in the rates. */
const HARMLESS_CONFIG_KEYS = ["dtype"];

/** Rewrites a class's Keras-only forms into options (mutating both); returns its warnings. */
type Adapter = (config: Record<string, unknown>, options: Record<string, unknown>) => string[];

const isFiniteList = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((x) => typeof x === "number" && Number.isFinite(x));

/**
 * PiecewiseConstantDecay adds up, for a step, values[0] if step <= b[0], values[n] if step >
 * b[n-1], and values[j] for every j with b[j-1] < step <= b[j]. With boundaries that do not
 * strictly increase, ranges overlap or vanish; the same function has sorted, distinct boundaries
 * and per-range sums as values.
 */
const overlappingRanges: Adapter = (config, options) => {
  const b = config.boundaries;
  const v = config.values;
  if (!isFiniteList(b) || !isFiniteList(v) || b.length === 0 || v.length !== b.length + 1) return []; // the factory says why
  if (b.every((x, i) => i === 0 || x > b[i - 1])) return [];
  const cuts = [...new Set(b)].sort((x, y) => x - y);
  const values = Array.from({ length: cuts.length + 1 }, (_, k) => {
    // the range (lo, hi] between consecutive cuts: every Keras comparison is constant on it
    const lo = k === 0 ? -Infinity : cuts[k - 1];
    const hi = k === cuts.length ? Infinity : cuts[k];
    const atOrBelow = (x: number) => hi <= x;
    const above = (x: number) => lo >= x;
    let sum = (atOrBelow(b[0]) ? v[0] : 0) + (above(b[b.length - 1]) ? v[v.length - 1] : 0);
    for (let j = 1; j < b.length; j++) if (above(b[j - 1]) && atOrBelow(b[j])) sum += v[j];
    return sum;
  });
  delete config.boundaries;
  delete config.values;
  options.boundaries = cuts;
  options.values = values;
  return [
    `keras.config.boundaries [${b.join(", ")}] do not strictly increase: Keras adds up the values of every range a step lies in; imported as boundaries [${cuts.join(", ")}] with values [${values.join(", ")}], the same rates`,
  ];
};

/** tf-keras's `seed` (an int or None) seeds lrsched's own noise; the samples are not tf-keras's. */
const noiseSeed: Adapter = (config, options) => {
  const notes: string[] = [];
  if (Object.prototype.hasOwnProperty.call(config, "seed")) {
    const seed = config.seed;
    delete config.seed;
    if (seed !== null) {
      if (typeof seed !== "number" || !Number.isInteger(seed)) {
        throw new LrschedError("keras.config.seed", "must be an integer or null (tf-keras's seed)", seed);
      }
      const wrapped = ((seed % 2 ** 32) + 2 ** 32) % 2 ** 32;
      if (wrapped !== seed) notes.push(`keras.config.seed ${seed} is taken modulo 2^32 (${wrapped}), lrsched's seed range`);
      options.seed = wrapped;
    }
  }
  if (config.initial_variance !== 0) {
    notes.push(
      `NoisyLinearCosineDecay: the noise comes from lrsched's seeded generator (seed ${String(options.seed ?? 0)}), not tf-keras's random draws: the mean and the variance of every step match tf-keras, the samples do not`,
    );
  }
  return notes;
};

/** Shrinking periods end the schedule; say where. */
const shrinkingPeriods: Adapter = (config) => {
  const { t_mul: t, first_decay_steps: first } = config;
  if (typeof t !== "number" || !(t > 0 && t < 1) || typeof first !== "number" || !(first > 0)) return [];
  const last = lastShrinkingStep(first, t);
  return [`keras.config.t_mul ${t} < 1: the periods shrink and add up to ${first / (1 - t)} steps; the schedule ends at step ${last} (Keras's rates are NaN from step ${last + 1})`];
};

const ADAPTERS: Readonly<Record<string, Adapter>> = {
  PiecewiseConstantDecay: overlappingRanges,
  NoisyLinearCosineDecay: noiseSeed,
  CosineDecayRestarts: shrinkingPeriods,
};

const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Builds a schedule from Keras's serialized form `{class_name, config}` (Keras 3's `module` and
 * `registered_name` keys are accepted). Config keys are Keras's snake_case `get_config()` keys,
 * plus keys some Keras versions add that change nothing (`dtype`); a key Keras's constructor
 * would not take is refused. Warnings (see FromKerasOptions) say where lrsched's rates differ in
 * kind from Keras's or where Keras's own rates stop.
 *
 * @example
 * ```ts
 * import { fromKeras } from "@lrsched/ts-api";
 * const s = fromKeras({ class_name: "ExponentialDecay", config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 } });
 * s.at(10); // → 0.05
 * ```
 */
export function fromKeras(input: unknown, opts: FromKerasOptions = {}): Schedule {
  if (!isPlainObject(opts)) throw new LrschedError("options", "must be an object", opts);
  const onWarning = opts.onWarning ?? warn;
  if (typeof onWarning !== "function") throw new LrschedError("options.onWarning", "must be a function", onWarning);
  // one copy of the caller's object (and of its config), read once: getters and Proxy traps
  // that throw are reported against the key they guard
  const keras = readOwn(input, (key) => `keras.${key}`, "keras", "must be an object {class_name, config}");
  if (isPlainObject(keras.config)) keras.config = readOwn(keras.config, (key) => `keras.config.${key}`, "keras.config", "must be an object");
  for (const key of Object.keys(keras)) {
    if (!["class_name", "config", "module", "registered_name"].includes(key)) {
      throw new LrschedError(`keras.${key}`, "is not a key of a serialized Keras schedule (class_name, config, module, registered_name)");
    }
  }
  const { class_name: className, config } = keras as Record<string, unknown>;
  // a missing class_name must not match the types that have no Keras class
  const t = typeof className === "string" ? scheduleTypes.find((x) => x.keras?.className === className) : undefined;
  if (!t) {
    const known = scheduleTypes.flatMap((x) => (x.keras ? [x.keras.className] : [])).join(", ");
    throw new LrschedError("keras.class_name", `must be one of ${known}`, className);
  }
  if (!isPlainObject(config)) throw new LrschedError("keras.config", "must be an object", config);
  const rest: Record<string, unknown> = { ...config };
  for (const key of HARMLESS_CONFIG_KEYS) delete rest[key];
  const options: Record<string, unknown> = {};
  const warnings = ADAPTERS[className as string]?.(rest, options) ?? [];
  for (const [key, value] of Object.entries(rest)) {
    const camel = snakeToCamel(key);
    const known = Object.prototype.hasOwnProperty.call(t.fields, camel) && !t.keras!.localOnly?.includes(camel);
    if (!known || key !== key.toLowerCase()) {
      throw new LrschedError(`keras.config.${key}`, `is not a ${className} config key`);
    }
    options[camel] = value;
  }
  const schedule = t.create(options, (field) => `keras.config.${camelToSnake(field)}`);
  for (const message of warnings) onWarning(message);
  return schedule;
}
