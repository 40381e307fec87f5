/**
 * The one error lrsched throws for bad input. `path` names the offending field
 * (`schedules[1].decaySteps`, `step`, `config.t_mul`), `rule` the rule it broke.
 *
 * @example
 * ```ts
 * import { cosineDecay, LrschedError } from "@lrsched/ts-api";
 * try {
 *   cosineDecay({ initialLearningRate: 0.1, decaySteps: 0 });
 * } catch (e) {
 *   (e as LrschedError).path; // → "decaySteps"
 *   e instanceof LrschedError; // → true
 * }
 * ```
 */
export class LrschedError extends Error {
  override readonly name = "LrschedError";
  constructor(
    readonly path: string,
    readonly rule: string,
    readonly got?: unknown,
    /** `cause`: the error behind this one (a user function's, a getter's). */
    options?: { cause?: unknown },
  ) {
    super(`${path} ${rule}${got === undefined ? "" : `, got ${describe(got)}`}`, options);
  }
}

/**
 * Runs `read`, which touches a caller's objects: whatever it throws other than an LrschedError (a
 * throwing getter, a Proxy trap, a revoked Proxy) becomes an LrschedError naming `path`, with
 * the original as its cause.
 */
export function guarded<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof LrschedError) throw e;
    throw new LrschedError(path, `could not be read (${e instanceof Error ? e.message : describe(e)})`, undefined, { cause: e });
  }
}

/** A short, safe rendering of a bad value for an error message. */
export function describe(value: unknown): string {
  try {
    return rendering(value);
  } catch {
    return "an unreadable value"; // a revoked Proxy: even Array.isArray throws
  }
}

function rendering(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "object") return "an object";
  return typeof value;
}
