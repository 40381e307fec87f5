// JSON values as Python literals (keyword arguments of native constructors).
import { lit } from "./flavor";

/** A Python literal: integers stay ints, floats round-trip, true/false/null as True/False/None. */
export function pyLiteral(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? String(v) : lit(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyLiteral).join(", ")}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${pyLiteral(x)}`).join(", ")}}`;
}

/** `name=value, ...` */
export const pyKwargs = (kwargs: Record<string, unknown>) =>
  Object.entries(kwargs).map(([k, v]) => `${k}=${pyLiteral(v)}`).join(", ");
