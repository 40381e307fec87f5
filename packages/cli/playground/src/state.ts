// The playground's whole state: the schedules (each a label and a spec) and the view of them.
// It round-trips through the URL hash, so a link reproduces what its sender saw.
import { LrschedError, fromSpec } from "@lrsched/ts-api";
import type { Spec } from "../../src/starters";

export interface Entry {
  readonly label: string;
  readonly spec: Spec;
}

export interface View {
  /** First step shown. */
  readonly start: number;
  /** Steps shown; null: read from the schedules (drawn to their end). */
  readonly steps: number | null;
  readonly log: boolean;
  /** Steps the summary table reports the rate at; null: first, quarters, last. */
  readonly at: readonly number[] | null;
  /** The summary counts steps at or above this percent of each schedule's peak. */
  readonly above: number;
}

export interface State {
  readonly entries: readonly Entry[];
  readonly view: View;
}

export const DEFAULT_VIEW: View = { start: 0, steps: null, log: false, at: null, above: 50 };

/** Labels made unique in order: a second `cosineDecay` becomes `cosineDecay #2`. */
export function uniqueLabel(wanted: string, taken: readonly string[]): string {
  if (!taken.includes(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.includes(`${wanted} #${n}`)) return `${wanted} #${n}`;
}

/**
 * `spec=<encodeURIComponent(JSON)>` plus the view's non-default settings. One schedule under its
 * type's name is written as the bare spec; anything else as an array of {label, spec}.
 */
export function encodeState(state: State): string {
  const { entries, view } = state;
  const bare = entries.length === 1 && entries[0].label === entries[0].spec.type;
  const value = bare ? entries[0].spec : entries.map((e) => ({ label: e.label, spec: e.spec }));
  const parts = [`spec=${encodeURIComponent(JSON.stringify(value))}`];
  if (view.start !== 0) parts.push(`start=${view.start}`);
  if (view.steps !== null) parts.push(`steps=${view.steps}`);
  if (view.log) parts.push("log=1");
  if (view.at !== null) parts.push(`at=${view.at.join(",")}`);
  if (view.above !== DEFAULT_VIEW.above) parts.push(`above=${view.above}`);
  return parts.join("&");
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The entries a `spec=` value holds: a spec, or an array of specs and {label, spec} objects. */
export function entriesOf(value: unknown, where = "spec"): Entry[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new LrschedError(where, "must hold at least one schedule");
  const entries: Entry[] = [];
  list.forEach((item, i) => {
    const at = Array.isArray(value) ? `${where}[${i}]` : where;
    const labelled = isObject(item) && "spec" in item && !("type" in item);
    const spec = labelled ? item.spec : item;
    if (labelled && item.label !== undefined && typeof item.label !== "string") throw new LrschedError(`${at}.label`, "must be a string", item.label);
    // validates, and fills in every default so the form shows each option
    const full = fromSpec(spec, `${at}${labelled ? ".spec" : ""}.`).toSpec() as Spec;
    const wanted = labelled && typeof item.label === "string" && item.label.trim() !== "" ? item.label : String(full.type);
    entries.push({ label: uniqueLabel(wanted, entries.map((e) => e.label)), spec: full });
  });
  return entries;
}

function integerParam(params: URLSearchParams, name: string, min: number): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const v = Number(raw);
  if (raw.trim() === "" || !Number.isSafeInteger(v) || v < min) {
    throw new LrschedError(name, min === 1 ? "must be a positive integer" : "must be a non-negative integer", raw);
  }
  return v;
}

/** Reads a hash written by {@link encodeState} (with or without the `#`); undefined when it holds no spec. */
export function decodeState(hash: string): State | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const raw = params.get("spec");
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw new LrschedError("spec", `must be JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const atRaw = params.get("at");
  const at = atRaw === null ? null : parseSteps(atRaw, "at");
  const aboveRaw = params.get("above");
  const above = aboveRaw === null ? DEFAULT_VIEW.above : Number(aboveRaw);
  if (!(above >= 0 && above <= 100)) throw new LrschedError("above", "must be a percentage in [0, 100]", aboveRaw);
  return {
    entries: entriesOf(value),
    view: {
      start: integerParam(params, "start", 0) ?? 0,
      steps: integerParam(params, "steps", 1) ?? null,
      log: params.get("log") === "1",
      at,
      above,
    },
  };
}

/** `0, 500, 1e3` -> [0, 500, 1000]; each a non-negative integer step. */
export function parseSteps(raw: string, path: string): number[] {
  const parts = raw.split(",").map((p) => p.trim()).filter((p) => p !== "");
  return parts.map((p) => {
    const v = Number(p);
    if (!Number.isSafeInteger(v) || v < 0) throw new LrschedError(path, "must list non-negative integer steps, separated by commas", p);
    return v;
  });
}
