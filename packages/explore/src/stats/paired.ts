// One line per schedule: its metric over seeds, and its difference to the baseline paired by seed
// (every seed gives both schedules the same initial weights and batches, so the per-seed difference
// cancels the luck of the draw that both share).
import { describeSample } from "./describe";
import { metricRange, type MetricName } from "./metrics";

/**
 * A schedule's final validation metric in each seed, in the sweep's seed order.
 *
 * @example
 * ```ts
 * import { pairedSummary, type ScheduleScores } from "@lrsched/explore";
 * const cosine: ScheduleScores = { label: "cosine", bySeed: new Map([[1, 0.93], [2, 0.94], [3, 0.935]]) };
 * pairedSummary([cosine], "accuracy", null)[0].mean; // → 0.935
 * ```
 */
export interface ScheduleScores {
  /** The schedule's label. */
  readonly label: string;
  /** Seed -> metric after the last epoch (NaN when the run diverged). */
  readonly bySeed: ReadonlyMap<number, number>;
}

/**
 * A schedule against the baseline, paired by seed: the mean of the per-seed differences and its
 * interval.
 *
 * @example
 * ```ts
 * import { pairedSummary, type PairedDiff } from "@lrsched/explore";
 * const summary = pairedSummary([
 *   { label: "constant", bySeed: new Map([[1, 0.9], [2, 0.92], [3, 0.91]]) },
 *   { label: "cosine", bySeed: new Map([[1, 0.93], [2, 0.94], [3, 0.935]]) },
 * ], "accuracy", "constant");
 * const diff: PairedDiff | null = summary[1].vsBaseline;
 * diff; // → { meanDiff: 0.025, seeds: 3, std: 0.005, ci95: [0.0126, 0.0374] }
 * ```
 */
export interface PairedDiff {
  /** Mean over seeds of (schedule - baseline). */
  readonly meanDiff: number;
  /** Seeds both schedules finished (the pairs). */
  readonly seeds: number;
  /** Sample standard deviation of the per-seed differences; null with one pair. */
  readonly std: number | null;
  /**
   * 95 % Student-t interval of the mean difference, within the differences the metric allows
   * (accuracy: -1 to 1); null with one seed.
   */
  readonly ci95: readonly [number, number] | null;
}

/**
 * One schedule's line of a sweep's summary: its metric over seeds and its difference to the baseline,
 * paired by seed.
 *
 * @example
 * ```ts
 * import { pairedSummary, type SummaryEntry } from "@lrsched/explore";
 * const [constant]: SummaryEntry[] = pairedSummary([
 *   { label: "constant", bySeed: new Map([[1, 0.9], [2, 0.92], [3, 0.91]]) },
 *   { label: "cosine", bySeed: new Map([[1, 0.93], [2, 0.94], [3, 0.935]]) },
 * ], "accuracy", "constant");
 * constant; // → { label: "constant", metric: "accuracy", seeds: 3, mean: 0.91, std: 0.01, ci95: [0.8852, 0.9348], vsBaseline: null }
 * ```
 */
export interface SummaryEntry {
  /** The schedule's label. */
  readonly label: string;
  /** The metric scored. */
  readonly metric: MetricName;
  /** Seeds with a finished run. */
  readonly seeds: number;
  /** Mean over seeds of the metric after the last epoch. */
  readonly mean: number;
  /** Sample standard deviation over seeds; null with one seed. */
  readonly std: number | null;
  /**
   * Two-sided 95 % Student-t interval of the mean, within the values the metric can take (accuracy
   * 0 to 1, losses and errors from 0: with few seeds the t interval alone can reach past them);
   * null with one seed.
   */
  readonly ci95: readonly [number, number] | null;
  /** Null for the baseline itself, and when there is no baseline. */
  readonly vsBaseline: PairedDiff | null;
}

/**
 * One summary entry per schedule, in the given order: mean, spread and interval over seeds, and the
 * difference to `baseline` (a label, or null for none) paired by seed. Differences use only the
 * seeds both schedules have, matched seed by seed.
 *
 * @example
 * ```ts
 * import { pairedSummary } from "@lrsched/explore";
 * // validation accuracy after the last epoch, per seed
 * const summary = pairedSummary([
 *   { label: "constant", bySeed: new Map([[1, 0.9], [2, 0.92], [3, 0.91]]) },
 *   { label: "cosine", bySeed: new Map([[1, 0.93], [2, 0.94], [3, 0.935]]) },
 * ], "accuracy", "constant");
 * summary.map((s) => s.mean); // → [0.91, 0.935]
 * // cosine's intervals: of its mean, and of its per-seed lift over constant
 * [summary[1].ci95, summary[1].vsBaseline?.ci95]; // → [[0.9226, 0.9474], [0.0126, 0.0374]]
 * ```
 */
export function pairedSummary(scores: readonly ScheduleScores[], metric: MetricName, baseline: string | null): SummaryEntry[] {
  const base = scores.find((s) => s.label === baseline);
  const [lo, hi] = metricRange(metric);
  return scores.map((s) => {
    const values = [...s.bySeed.values()];
    const d = describeSample(values);
    let vsBaseline: PairedDiff | null = null;
    if (base && base !== s) {
      const diffs = [...s.bySeed].filter(([seed]) => base.bySeed.has(seed)).map(([seed, v]) => v - (base.bySeed.get(seed) as number));
      const p = describeSample(diffs);
      vsBaseline = { meanDiff: p.mean, seeds: p.n, std: p.std, ci95: within(p.ci95, lo - hi, hi - lo) };
    }
    return { label: s.label, metric, seeds: values.length, mean: d.mean, std: d.std, ci95: within(d.ci95, lo, hi), vsBaseline };
  });
}

/** An interval cut to [lo, hi]: the mean lies there, so the cut interval covers it as often. */
export function within(ci: readonly [number, number] | null, lo: number, hi: number): readonly [number, number] | null {
  return ci === null ? null : [Math.max(lo, ci[0]), Math.min(hi, ci[1])];
}
