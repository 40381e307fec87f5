// An option's default and rules in words: what `lrsched describe` prints and the API reference's
// option tables show, from the same field descriptors that validate options and build the JSON Schema.
import type { Field } from "./options";

/**
 * The rules a field's value must satisfy, in words (`integer, >= 0`); empty when it has none.
 *
 * @example
 * ```ts
 * import { fieldRules, scheduleType } from "@lrsched/ts-api";
 * fieldRules(scheduleType("cosineDecay")!.fields.warmupSteps); // "integer, >= 0"
 * ```
 */
export function fieldRules(f: Field): string {
  const x = f as { min?: number; above?: number; max?: number; below?: number; integer?: boolean; minLength?: number; increasing?: boolean };
  const parts: string[] = [];
  if (x.integer) parts.push("integer");
  if (x.above !== undefined) parts.push(`> ${x.above}`);
  if (x.min !== undefined) parts.push(`>= ${x.min}`);
  if (x.below !== undefined) parts.push(`< ${x.below}`);
  if (x.max !== undefined) parts.push(`<= ${x.max}`);
  if (x.minLength !== undefined) parts.push(`at least ${x.minLength} entr${x.minLength === 1 ? "y" : "ies"}`);
  if (x.increasing) parts.push("strictly increasing");
  return parts.join(", ");
}

/**
 * A field's default in words: `default 0`, `required`, or `optional` (a Keras name).
 *
 * @example
 * ```ts
 * import { fieldDefault, scheduleType } from "@lrsched/ts-api";
 * fieldDefault(scheduleType("cosineDecay")!.fields.alpha);      // "default 0"
 * fieldDefault(scheduleType("cosineDecay")!.fields.decaySteps); // "required"
 * ```
 */
export function fieldDefault(f: Field): string {
  const def = (f as { default?: unknown }).default;
  if (def === undefined) return f.kind === "name" ? "optional" : "required";
  return `default ${Array.isArray(def) ? def.join(",") : String(def)}`;
}
