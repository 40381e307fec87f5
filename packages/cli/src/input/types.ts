// Maps what a person types (`cosine`, `cosine-decay`, `CosineDecay`) to a schedule type, and each of
// the type's options to a `--kebab-case` flag.
import { scheduleTypes, type ScheduleType } from "@lrsched/ts-api";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyScheduleType = ScheduleType<any>;

export const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, "");

/** Extra short names beyond the automatic ones (type, kebab-case, kebab-case without `-decay`). */
const EXTRA_ALIASES: Record<string, string[]> = {
  cosineDecayRestarts: ["restarts"],
  exponentialDecay: ["exp"],
  oneCycle: ["1cycle"],
};

/** Short names where dropping `-decay` is not short enough. */
const SHORT: Record<string, string> = {
  piecewiseConstantDecay: "piecewise",
  cosineDecayRestarts: "cosine-restarts",
};

/**
 * The short name `list` shows: `cosine` for cosineDecay.
 *
 * @example
 * ```ts
 * import { shortName } from "@lrsched/cli";
 * [shortName("cosineDecay"), shortName("piecewiseConstantDecay")]; // → ["cosine", "piecewise"]
 * ```
 */
export function shortName(type: string): string {
  return SHORT[type] ?? kebab(type).replace(/-decay$/, "");
}

/**
 * Every name accepted for a type, short name first.
 *
 * @example
 * ```ts
 * import { aliases } from "@lrsched/cli";
 * import { scheduleType } from "@lrsched/ts-api";
 * aliases(scheduleType("exponentialDecay")!); // → ["exponential", "exponential-decay", "exponentialDecay", "exp", "ExponentialDecay"]
 * ```
 */
export function aliases(t: AnyScheduleType): string[] {
  const names = [shortName(t.type), kebab(t.type), t.type, ...(EXTRA_ALIASES[t.type] ?? [])];
  if (t.keras) names.push(t.keras.className);
  return [...new Set(names)];
}

/**
 * Resolves a typed name to a schedule type, or undefined.
 *
 * @example
 * ```ts
 * import { resolveType } from "@lrsched/cli";
 * resolveType("cosine-restarts")?.type; // → "cosineDecayRestarts"
 * ```
 */
export function resolveType(name: string): AnyScheduleType | undefined {
  // a type's own name wins over any alias of another type
  const exact = scheduleTypes.find((t) => t.type === name);
  if (exact) return exact;
  const key = squash(name);
  return scheduleTypes.find((t) => aliases(t).some((a) => squash(a) === key));
}

/** A field's kind as a plain string, so kinds added later to ts-api degrade gracefully. */
export const kindOf = (field: unknown): string => String((field as { kind?: unknown }).kind);
