// Declarative option descriptors: one table per schedule type drives validation, defaults,
// spec round-trips, JSON Schema and the CLI's `list` / `describe`.
import { LrschedError, guarded } from "./errors";
import { isSchedule, type Schedule } from "./schedule";

export interface NumberField {
  readonly kind: "number";
  readonly doc: string;
  readonly default?: number;
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Exclusive lower bound. */
  readonly above?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  /** Exclusive upper bound. */
  readonly below?: number;
  readonly integer?: boolean;
}

export interface NullableNumberField extends Omit<NumberField, "kind" | "default"> {
  readonly kind: "nullableNumber";
  readonly default: null;
}

export interface BooleanField {
  readonly kind: "boolean";
  readonly doc: string;
  readonly default?: boolean;
}

export interface NumberListField {
  readonly kind: "numberList";
  readonly doc: string;
  readonly minLength?: number;
  readonly min?: number;
  readonly increasing?: boolean;
  readonly default?: readonly number[];
}

export interface NameField {
  readonly kind: "name";
  readonly doc: string;
}

export interface ChoiceField {
  readonly kind: "choice";
  readonly doc: string;
  readonly choices: readonly string[];
  /** null: the option may be left unset (the schedule then picks its own default). */
  readonly default?: string | null;
}

/** Builds a schedule from a spec found at `prefix` (the registry's fromSpec). */
export type SpecResolver = (spec: unknown, prefix: string) => Schedule;

/**
 * A nested schedule: a Schedule value, or its spec when read from JSON, built by `resolve`. The
 * field carries the registry's resolver (specFields.ts), so only schedules that nest others pull
 * every type into a bundle.
 */
export interface ScheduleField {
  readonly kind: "schedule";
  readonly doc: string;
  readonly resolve: SpecResolver;
}

export interface ScheduleListField {
  readonly kind: "scheduleList";
  readonly doc: string;
  readonly minLength: number;
  readonly maxLength?: number;
  readonly resolve: SpecResolver;
}

/** A JS function (no spec form: schedules holding one evaluate curves in JS). */
export interface FunctionField {
  readonly kind: "function";
  readonly doc: string;
  readonly default: null;
}

/**
 * An option descriptor: its kind, meaning, default and rules; one table of them per schedule type drives validation, specs, the JSON Schema and `lrsched describe`.
 *
 * @example
 * ```ts
 * import { scheduleType, type Field } from "@lrsched/ts-api";
 * const f: Field = scheduleType("cosineDecay")!.fields.alpha;
 * f.kind; // → "number"
 * f.doc; // → "Floor, as a fraction of the peak rate."
 * ```
 */
export type Field =
  | NumberField
  | NullableNumberField
  | BooleanField
  | NumberListField
  | NameField
  | ChoiceField
  | ScheduleField
  | ScheduleListField
  | FunctionField;

/**
 * How deep schedules may nest: a composite holds schedules that may be composites, at most this
 * many levels below the outermost one. One limit for every way of building a composite
 * (factories, specs, Keras and PyTorch configs), so `fromSpec(s.toSpec())` rebuilds any `s`.
 *
 * @example
 * ```ts
 * import { MAX_NESTING } from "@lrsched/ts-api";
 * MAX_NESTING; // → 32
 * ```
 */
export const MAX_NESTING = 32;

/** The error for a schedule nested deeper than MAX_NESTING. */
export const nestingError = (path: string) =>
  new LrschedError(path, `nests schedules deeper than ${MAX_NESTING} levels (lrsched's limit for composites)`);

// nesting of the specs being resolved: a spec is checked before its own schedule is built, so a
// 1e5-deep spec is refused at level MAX_NESTING + 1 instead of exhausting the stack
let depth = 0;

function checkSchedule(path: string, v: unknown, resolve: SpecResolver): Schedule {
  if (isSchedule(v)) return v;
  if (!isPlainObject(v)) throw new LrschedError(path, "must be a schedule or a schedule spec", v);
  if (typeof v.at === "function" || typeof v.curve === "function") {
    // an object shaped like a schedule that lrsched did not build: its values cannot be trusted
    throw new LrschedError(path, "must be a schedule built by lrsched (a factory, fromSpec or fromKeras) or a spec; an object with at()/curve() methods is neither");
  }
  if (depth >= MAX_NESTING) throw nestingError(path);
  depth++;
  try {
    return resolve(v, `${path}.`);
  } finally {
    depth--;
  }
}
/**
 * A schedule type's option table: option name to descriptor.
 *
 * @example
 * ```ts
 * import { scheduleType, type Fields } from "@lrsched/ts-api";
 * const fields: Fields = scheduleType("constant")!.fields;
 * Object.keys(fields); // → ["value"]
 * ```
 */
export type Fields = Readonly<Record<string, Field>>;

const MAX_LIST = 1_000_000;

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

const bound = (v: number) => (v === 2 ** 53 ? "2^53" : String(v));

function boundsRule(f: Omit<NumberField, "kind" | "doc" | "default">): string {
  const what = f.integer ? "an integer" : "a finite number";
  const lo = f.above !== undefined ? `(${bound(f.above)}` : f.min !== undefined ? `[${bound(f.min)}` : undefined;
  const hi = f.below !== undefined ? `${bound(f.below)})` : f.max !== undefined ? `${bound(f.max)}]` : undefined;
  if (lo && hi) return `must be ${what} in ${lo}, ${hi}`;
  if (lo) return `must be ${what} ${f.above !== undefined ? ">" : ">="} ${lo.slice(1)}`;
  if (hi) return `must be ${what} ${f.below !== undefined ? "<" : "<="} ${hi.slice(0, -1)}`;
  return `must be ${what}`;
}

export function checkNumber(path: string, v: unknown, f: Omit<NumberField, "kind" | "doc" | "default">): number {
  const rule = boundsRule(f);
  if (typeof v !== "number" || !Number.isFinite(v)) throw new LrschedError(path, rule, v);
  if (f.integer && !Number.isInteger(v)) throw new LrschedError(path, rule, v);
  if (f.above !== undefined && !(v > f.above)) throw new LrschedError(path, rule, v);
  if (f.min !== undefined && !(v >= f.min)) throw new LrschedError(path, rule, v);
  if (f.below !== undefined && !(v < f.below)) throw new LrschedError(path, rule, v);
  if (f.max !== undefined && !(v <= f.max)) throw new LrschedError(path, rule, v);
  return v;
}

/**
 * `list.map(fn)` into a plain array. Array.prototype.map builds its result through
 * `list.constructor`, which an outside object may have replaced with an own `constructor` key.
 */
function mapList<T>(list: readonly unknown[], fn: (x: unknown, i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) out.push(fn(list[i], i));
  return out;
}

function checkField(path: string, v: unknown, f: Field): unknown {
  switch (f.kind) {
    case "number":
      return checkNumber(path, v, f);
    case "nullableNumber":
      return v === null ? null : checkNumber(path, v, f);
    case "boolean":
      if (typeof v !== "boolean") throw new LrschedError(path, "must be true or false", v);
      return v;
    case "name":
      if (v !== null && typeof v !== "string") throw new LrschedError(path, "must be a string or null", v);
      return v;
    case "choice":
      if (v === null && f.default === null) return v;
      if (typeof v !== "string" || !f.choices.includes(v)) {
        throw new LrschedError(path, `must be one of ${f.choices.map((c) => `'${c}'`).join(", ")}`, v);
      }
      return v;
    case "function":
      if (v !== null && typeof v !== "function") throw new LrschedError(path, "must be a function", v);
      return v;
    case "schedule":
      return checkSchedule(path, v, f.resolve);
    case "scheduleList": {
      if (!Array.isArray(v)) throw new LrschedError(path, "must be an array of schedules", v);
      if (v.length < f.minLength) throw new LrschedError(path, `must hold at least ${f.minLength} schedules`, v);
      if (f.maxLength !== undefined && v.length > f.maxLength) {
        throw new LrschedError(path, `must hold at most ${f.maxLength} schedules`, v);
      }
      return Object.freeze(mapList(v, (x, i) => checkSchedule(`${path}[${i}]`, x, f.resolve)));
    }
    case "numberList": {
      if (!Array.isArray(v)) throw new LrschedError(path, "must be an array of numbers", v);
      if (v.length > MAX_LIST) throw new LrschedError(path, `must have at most ${MAX_LIST} entries`, v);
      if (f.minLength !== undefined && v.length < f.minLength) {
        throw new LrschedError(path, `must have at least ${f.minLength} entr${f.minLength === 1 ? "y" : "ies"}`, v);
      }
      const out = mapList(v, (x, i) => checkNumber(`${path}[${i}]`, x, { min: f.min }));
      if (f.increasing) {
        for (let i = 1; i < out.length; i++) {
          if (!(out[i] > out[i - 1])) {
            throw new LrschedError(`${path}[${i}]`, `must be greater than ${path}[${i - 1}] (${out[i - 1]}): boundaries must strictly increase`, out[i]);
          }
        }
      }
      return Object.freeze(out);
    }
  }
}

/**
 * A plain copy of a caller's object: each own enumerable key read once, a throwing getter reported
 * against its own path (`schedule.value`). Keys are copied as own properties, `__proto__` too,
 * as JSON.parse makes them.
 */
export function readOwn(o: unknown, path: PathFn, where: string, rule: string): Record<string, unknown> {
  const keys = guarded(where, () => {
    if (!isPlainObject(o)) throw new LrschedError(where, rule, o);
    return Object.keys(o);
  });
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = guarded(path(key), () => (o as Record<string, unknown>)[key]);
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Maps an option name to the path errors report (`schedules[1].decaySteps`, `config.decay_steps`). */
export type PathFn = (field: string) => string;

export const prefixPath = (prefix: string): PathFn => (field) => `${prefix}${field}`;

/**
 * Validates `raw` against `fields`: rejects unknown keys, applies defaults, checks every rule.
 * Returns a frozen options object.
 */
export function readOptions<T>(type: string, fields: Fields, raw: unknown, path: PathFn = prefixPath("")): T {
  const keys = guarded(`${type} options`, () => {
    if (!isPlainObject(raw)) throw new LrschedError(`${type} options`, "must be an object", raw);
    return Object.keys(raw);
  });
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) {
      const known = Object.keys(fields).join(", ");
      throw new LrschedError(path(key), `is not an option of ${type} (options: ${known})`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(fields)) {
    const v = guarded(path(key), () => (Object.prototype.hasOwnProperty.call(raw, key) ? (raw as Record<string, unknown>)[key] : undefined));
    if (v === undefined) {
      if (f.kind === "name") continue;
      if (f.kind === "schedule" || f.kind === "scheduleList" || f.default === undefined) throw new LrschedError(path(key), `is required by ${type}`);
      out[key] = f.default;
      continue;
    }
    out[key] = guarded(path(key), () => checkField(path(key), v, f));
  }
  return Object.freeze(out) as T;
}
