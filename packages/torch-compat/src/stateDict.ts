// State dicts use PyTorch's field names and are strict JSON: inf / -inf / nan are written as the
// strings "inf" / "-inf" / "nan" (Python's float() spellings, the convention of tools/conformance),
// so JSON.stringify keeps them. Loading accepts the natural JSON form of a PyTorch 1.13 or 2.x
// state dict: those strings (or "Infinity" / "-Infinity" / "NaN"), a Counter as an object with
// string keys, tuples as lists, and callables left out.
import { LrschedError } from "@lrsched/ts-api";
import { isPlainObject } from "./checks";

/**
 * A scheduler's state with PyTorch's keys (`last_epoch`, `base_lrs`, `_last_lr`, ...).
 *
 * @example
 * ```ts
 * import { StepLR, type StateDict } from "@lrsched/torch-compat";
 * const a = new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 2 });
 * a.step();
 * const saved: StateDict = JSON.parse(JSON.stringify(a.stateDict()));
 * saved.last_epoch; // → 1
 * const b = new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 2 });
 * b.loadStateDict(saved);
 * b.lastEpoch; // → 1
 * ```
 */
export type StateDict = Record<string, unknown>;

/** A number as it is stored in a state dict. */
export function encodeNumber(x: number): number | string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return x;
}

/** A copy of `value` in which every non-finite number is written as a string (strict JSON). */
export function jsonSafe<T>(value: T): T {
  if (typeof value === "number") return encodeNumber(value) as T;
  if (Array.isArray(value)) return value.map(jsonSafe) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
    return out as T;
  }
  return value;
}

/** Validates a loaded value; returns its decoded form. */
export type StateCheck = (value: unknown, path: string) => unknown;

const fail = (path: string, rule: string, got: unknown): never => {
  throw new LrschedError(path, rule, got);
};

export const S: {
  number: StateCheck;
  extended: StateCheck;
  comparable: StateCheck;
  integer: StateCheck;
  boolean: StateCheck;
  verbose: StateCheck;
  oneOf: (...allowed: string[]) => StateCheck;
  nullable: (check: StateCheck) => StateCheck;
  perGroup: (groups: number, check?: StateCheck) => StateCheck;
} = {
  /** A finite number. */
  number: ((v, p) => (typeof v === "number" && Number.isFinite(v) ? v : fail(p, "must be a finite number", v))) as StateCheck,
  /** A number, or "inf" / "-inf" / "nan". */
  extended: ((v, p) => {
    if (typeof v === "number") return v;
    if (v === "inf" || v === "Infinity") return Infinity;
    if (v === "-inf" || v === "-Infinity") return -Infinity;
    if (v === "nan" || v === "NaN") return NaN;
    return fail(p, "must be a number or 'inf', '-inf', 'nan'", v);
  }) as StateCheck,
  /** A number or "inf" / "-inf", not NaN (a count or bound PyTorch compares with). */
  comparable: ((v, p) => {
    const x = S.extended(v, p);
    return Number.isNaN(x) ? fail(p, "must be a number or 'inf', '-inf'", v) : x;
  }) as StateCheck,
  integer: ((v, p) => (typeof v === "number" && Number.isInteger(v) ? v : fail(p, "must be an integer", v))) as StateCheck,
  boolean: ((v, p) => (typeof v === "boolean" ? v : fail(p, "must be true or false", v))) as StateCheck,
  /** PyTorch's `verbose`: a bool, an int (1.13 prints when it is truthy), or 2.x's "deprecated" (off). */
  verbose: ((v, p) => {
    if (typeof v === "boolean") return v;
    if (typeof v === "number" && Number.isFinite(v)) return v !== 0;
    if (v === "deprecated") return false;
    return fail(p, "must be true, false, a number or 'deprecated'", v);
  }) as StateCheck,
  oneOf: (...allowed: string[]): StateCheck => (v, p) =>
    typeof v === "string" && allowed.includes(v) ? v : fail(p, `must be one of ${allowed.map((a) => `'${a}'`).join(", ")}`, v),
  nullable: (check: StateCheck): StateCheck => (v, p) => (v === null ? null : check(v, p)),
  /** One finite number per param group. */
  perGroup: (groups: number, check: StateCheck = S.number): StateCheck => (v, p) => {
    if (!Array.isArray(v) || v.length !== groups) {
      return fail(p, `must be a list of ${groups} numbers (one per param group)`, v);
    }
    // an index loop: map would skip (and keep) the holes of a sparse array
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) out.push(check(v[i], `${p}[${i}]`));
    return out;
  },
};

export interface StateField {
  readonly check: StateCheck;
  /** Keys some PyTorch versions leave out (`verbose`, `_get_lr_called_within_step`). */
  readonly optional?: boolean;
}

export type StateSchema = Readonly<Record<string, StateField>>;

/**
 * The keys every LRScheduler subclass saves. PyTorch 1.13 adds `verbose`; 2.x drops it and adds
 * `_is_initial`; both carry `_get_lr_called_within_step`.
 */
export function baseStateSchema(groups: number): StateSchema {
  return {
    base_lrs: { check: S.perGroup(groups) },
    last_epoch: { check: S.number },
    verbose: { check: S.verbose, optional: true },
    _step_count: { check: S.integer },
    _get_lr_called_within_step: { check: S.boolean, optional: true },
    _is_initial: { check: S.boolean, optional: true },
    _last_lr: { check: S.perGroup(groups) },
  };
}

/**
 * Validates a whole state dict against a schema before anything is applied: an unknown key, a
 * missing key or a bad value throws and leaves the scheduler untouched.
 */
export function readState(cls: string, sd: unknown, schema: StateSchema, where: string): Record<string, unknown> {
  if (!isPlainObject(sd)) return fail(where, `must be a ${cls} state dict (an object)`, sd);
  for (const key of Object.keys(sd)) {
    if (!Object.prototype.hasOwnProperty.call(schema, key)) {
      fail(`${where}.${key}`, `is not a ${cls} state dict key (a dict of another scheduler class?)`, undefined);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) {
    if (!Object.prototype.hasOwnProperty.call(sd, key)) {
      if (field.optional) continue;
      fail(`${where}.${key}`, `is missing from the ${cls} state dict`, undefined);
    }
    out[key] = field.check(sd[key], `${where}.${key}`);
  }
  return out;
}

/**
 * The check of a composite's `_schedulers` entry: one state dict per child, each validated by the
 * child (its `prepareLoad`), whose appliers are collected into `appliers` to run only once every
 * part of the dict has been accepted.
 */
export function childStatesCheck(
  schedulers: readonly { prepareLoad(sd: unknown, where: string): () => void }[],
  appliers: Array<() => void>,
): StateCheck {
  return (v, p) => {
    if (!Array.isArray(v) || v.length !== schedulers.length) {
      throw new LrschedError(p, `must be a list of ${schedulers.length} state dicts`, v);
    }
    v.forEach((sd, i) => appliers.push(schedulers[i].prepareLoad(sd, `${p}[${i}]`)));
    return v;
  };
}
