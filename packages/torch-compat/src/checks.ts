// Option checks shared by the scheduler classes. Every failure is an LrschedError naming the option.
import { LrschedError } from "@lrsched/ts-api";

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** Rejects a non-object and any key not in `known` (a misspelt option must not be ignored). */
export function checkOptions(cls: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw new LrschedError(`${cls} options`, "must be an object", options);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new LrschedError(key, `is not an option of ${cls} (options: ${known.join(", ")})`);
    }
  }
  return options;
}

export interface NumberRule {
  integer?: boolean;
  min?: number;
  above?: number;
  max?: number;
}

function rule(r: NumberRule): string {
  const parts = [r.integer ? "an integer" : "a finite number"];
  if (r.above !== undefined) parts.push(`> ${r.above}`);
  if (r.min !== undefined) parts.push(`>= ${r.min}`);
  if (r.max !== undefined) parts.push(`<= ${r.max}`);
  return `must be ${parts.join(" ")}`;
}

export function num(path: string, v: unknown, r: NumberRule = {}, why = ""): number {
  const bad = () => new LrschedError(path, rule(r) + why, v);
  if (typeof v !== "number" || !Number.isFinite(v)) throw bad();
  if (r.integer && !Number.isInteger(v)) throw bad();
  if (r.above !== undefined && !(v > r.above)) throw bad();
  if (r.min !== undefined && !(v >= r.min)) throw bad();
  if (r.max !== undefined && !(v <= r.max)) throw bad();
  return v;
}

export function bool(path: string, v: unknown): boolean {
  if (typeof v !== "boolean") throw new LrschedError(path, "must be true or false", v);
  return v;
}

export function oneOf<T extends string>(path: string, v: unknown, allowed: readonly T[], why = ""): T {
  if (typeof v !== "string" || !allowed.includes(v as T)) {
    throw new LrschedError(path, `must be one of ${allowed.map((a) => `'${a}'`).join(", ")}${why}`, v);
  }
  return v as T;
}

/**
 * `lastEpoch`: -1 starts fresh; any other number resumes after that epoch and needs every group's
 * `initialLr` (PyTorch's last_epoch, which it does not otherwise restrict).
 */
export const lastEpochOf = (v: unknown) => num("lastEpoch", v ?? -1);

/** A number PyTorch only compares or counts with (patience, cooldown): anything but NaN. */
export function comparable(path: string, v: unknown): number {
  if (typeof v !== "number" || Number.isNaN(v)) throw new LrschedError(path, "must be a number", v);
  return v;
}

/**
 * PyTorch's `_format_param`: one value for every group, or a list with one per group
 * ("expected 2 values for max_lr, got 3").
 */
export function perGroup(path: string, v: unknown, groups: number, r: NumberRule = {}): number[] {
  if (Array.isArray(v)) {
    if (v.length !== groups) {
      throw new LrschedError(path, `must have one value per param group (expected ${groups} values, got ${v.length})`, v);
    }
    return v.map((x, i) => num(`${path}[${i}]`, x, r));
  }
  const x = num(path, v, r);
  return new Array<number>(groups).fill(x);
}

/** One function for every group, or a list with one per group ("Expected 2 lr_lambdas, but got 1"). */
export function perGroupFn<F extends (...args: never[]) => unknown>(path: string, v: unknown, groups: number): F[] {
  if (Array.isArray(v)) {
    if (v.length !== groups) {
      throw new LrschedError(path, `must have one function per param group (expected ${groups}, got ${v.length})`, v);
    }
    // an index loop: forEach would skip the holes of a sparse array
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== "function") throw new LrschedError(`${path}[${i}]`, "must be a function", v[i]);
    }
    return v as F[];
  }
  if (typeof v !== "function") throw new LrschedError(path, "must be a function or one function per param group", v);
  return new Array<F>(groups).fill(v as F);
}
