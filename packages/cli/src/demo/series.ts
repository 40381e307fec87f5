import { LrschedError, fromSpec } from "@lrsched/ts-api";
import type { Labeled } from "../input/sources";

export interface PanelSeries {
  readonly schedules: Labeled[];
  /** Curves left out because this build lacks what they need. */
  readonly missing: string[];
}

/** Builds the first spec whose type this build knows; an unknown type falls through to the next. */
export function firstKnown(label: string, ...specs: Record<string, unknown>[]): Labeled | undefined {
  for (const spec of specs) {
    try {
      return { label, schedule: fromSpec(spec) };
    } catch (e) {
      if (!(e instanceof LrschedError && e.path === "type")) throw e;
    }
  }
  return undefined;
}

/** Collects the series that exist, naming the rest. */
export function collect(entries: [string, ...Record<string, unknown>[]][]): PanelSeries {
  const schedules: Labeled[] = [];
  const missing: string[] = [];
  for (const [label, ...specs] of entries) {
    const s = firstKnown(label, ...specs);
    if (s) schedules.push(s);
    else missing.push(label);
  }
  return { schedules, missing };
}

