// Content hashes: JSON with sorted keys, so equal values hash equally whatever order they were built in.
import { createHash } from "node:crypto";

/** JSON with object keys sorted and undefined members left out. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

/** First 20 hex digits of the sha256 of `v`'s canonical JSON. */
export const hashOf = (v: unknown) => createHash("sha256").update(canonical(v)).digest("hex").slice(0, 20);
