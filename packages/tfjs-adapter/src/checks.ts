import { LrschedError } from "@lrsched/ts-api";

/** A learning rate: finite and >= 0. */
export function checkRate(path: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new LrschedError(path, "must be a finite number >= 0", value);
  }
  return value;
}

export interface NumberRule {
  readonly min?: number;
  /** Exclusive upper bound. */
  readonly below?: number;
  readonly integer?: boolean;
}

export function checkNumber(path: string, value: unknown, rule: NumberRule = {}): number {
  const kind = rule.integer ? "an integer" : "a finite number";
  if (typeof value !== "number" || !Number.isFinite(value) || (rule.integer && !Number.isInteger(value))) {
    throw new LrschedError(path, `must be ${kind}`, value);
  }
  if (rule.min !== undefined && value < rule.min) {
    throw new LrschedError(path, `must be ${kind} >= ${rule.min}`, value);
  }
  if (rule.below !== undefined && value >= rule.below) {
    throw new LrschedError(path, `must be ${kind} < ${rule.below}`, value);
  }
  return value;
}

export function checkChoice<T extends string>(path: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new LrschedError(path, `must be one of ${choices.map((c) => `'${c}'`).join(", ")}`, value);
  }
  return value as T;
}

export function checkObject(path: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new LrschedError(path, "must be an object", value);
  }
  return value as Record<string, unknown>;
}

/** Rejects option names the factory does not know (catches typos such as `minLR`). */
export function checkKeys(path: string, options: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new LrschedError(`${path}.${key}`, `is not an option; expected one of ${known.join(", ")}`);
    }
  }
}
