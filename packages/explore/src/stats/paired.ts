// One line per schedule: its metric over seeds, and its difference to the baseline paired by seed
// (every seed gives both schedules the same initial weights and batches, so the per-seed difference
// cancels the luck of the draw that both share).
import { describeSample } from "./describe";
import type { MetricName } from "./metrics";

/** A schedule's final validation metric in each seed, in the sweep's seed order. */
export interface ScheduleScores {
  readonly label: string;
  /** Seed -> metric after the last epoch (NaN when the run diverged). */
  readonly bySeed: ReadonlyMap<number, number>;
}

export interface PairedDiff {
  /** Mean over seeds of (schedule - baseline). */
  readonly meanDiff: number;
  /** 95 % Student-t interval of the mean difference; null with one seed. */
  readonly ci95: readonly [number, number] | null;
}

export interface SummaryEntry {
  readonly label: string;
  readonly metric: MetricName;
  /** Seeds with a finished run. */
  readonly seeds: number;
  readonly mean: number;
  /** Sample standard deviation over seeds; null with one seed. */
  readonly std: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Null for the baseline itself, and when there is no baseline. */
  readonly vsBaseline: PairedDiff | null;
}

/**
 * Summary entries in the given order. Differences use only the seeds both schedules have, matched
 * seed by seed.
 */
export function pairedSummary(scores: readonly ScheduleScores[], metric: MetricName, baseline: string | null): SummaryEntry[] {
  const base = scores.find((s) => s.label === baseline);
  return scores.map((s) => {
    const values = [...s.bySeed.values()];
    const d = describeSample(values);
    let vsBaseline: PairedDiff | null = null;
    if (base && base !== s) {
      const diffs = [...s.bySeed].filter(([seed]) => base.bySeed.has(seed)).map(([seed, v]) => v - (base.bySeed.get(seed) as number));
      const p = describeSample(diffs);
      vsBaseline = { meanDiff: p.mean, ci95: p.ci95 };
    }
    return { label: s.label, metric, seeds: values.length, mean: d.mean, std: d.std, ci95: d.ci95, vsBaseline };
  });
}
