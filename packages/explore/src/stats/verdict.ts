// What a sweep can honestly say: the best schedule, its lift over the fixed rate, and whether the
// paired interval shows that lift is real.
import type { SummaryEntry } from "./paired";
import { formatDiff, formatMetric, higherIsBetter, metricTitle, type MetricName } from "./metrics";

/**
 * What a sweep can honestly say: the best schedule, its lift over the fixed rate, and whether the
 * paired interval shows the lift is real.
 *
 * @example
 * ```ts
 * import { pairedSummary, verdictOf, type Verdict } from "@lrsched/explore";
 * const summary = pairedSummary([
 *   { label: "constant", bySeed: new Map([[1, 0.3], [2, 0.2]]) },
 *   { label: "cosine", bySeed: new Map([[1, 0.25], [2, 0.22]]) },
 * ], "loss", "constant");
 * const verdict: Verdict = verdictOf(summary, "loss", "constant");
 * verdict; // → { best: "cosine", lift: 0.015, significant: false }
 * verdict.text.endsWith("includes 0: no lift shown. More seeds narrow the interval."); // → true
 * ```
 */
export interface Verdict {
  /** Label of the schedule with the best mean metric; null when every schedule diverged. */
  readonly best: string | null;
  /**
   * How much better `best` is than the baseline, in the metric's units, positive when better (higher
   * accuracy, lower loss); 0 when the baseline is best; null without a baseline.
   */
  readonly lift: number | null;
  /**
   * True only when best's paired 95 % interval against the baseline excludes 0. When the difference is
   * the same in every seed (an interval of no width), an exact sign test decides instead: from 6 seeds.
   */
  readonly significant: boolean;
  /** One or two sentences for a person: the report's headline. */
  readonly text: string;
}

const quote = (label: string) => `'${label}'`;

/**
 * Reads the verdict off the summary (see {@link pairedSummary}): the best mean (highest accuracy,
 * lowest loss or error; diverged schedules left out), its lift over `baseline`, and whether best's
 * paired 95 % interval excludes 0. With one seed nothing is significant.
 *
 * @example
 * ```ts
 * import { pairedSummary, verdictOf } from "@lrsched/explore";
 * const summary = pairedSummary([
 *   { label: "constant", bySeed: new Map([[1, 0.9], [2, 0.92], [3, 0.91]]) },
 *   { label: "cosine", bySeed: new Map([[1, 0.93], [2, 0.94], [3, 0.935]]) },
 * ], "accuracy", "constant");
 * const verdict = verdictOf(summary, "accuracy", "constant");
 * [verdict.best, verdict.lift, verdict.significant]; // → ["cosine", 0.025, true]
 * verdict.text; // → "'cosine' has the best mean validation accuracy, +2.50 pt against the fixed rate 'constant' (95 % interval +1.26 pt to +3.74 pt, paired over 3 seeds): the lift is real at this level."
 * ```
 */
export function verdictOf(summary: readonly SummaryEntry[], metric: MetricName, baseline: string | null): Verdict {
  const up = higherIsBetter(metric);
  const what = metricTitle(metric);
  const ranked = summary.filter((s) => Number.isFinite(s.mean)).sort((a, b) => (up ? b.mean - a.mean : a.mean - b.mean));
  const best = ranked[0];
  if (!best) return { best: null, lift: null, significant: false, text: "Every run diverged: no schedule trained this model at these rates." };
  const seeds = best.seeds;
  const base = summary.find((s) => s.label === baseline);
  if (!base) {
    return {
      best: best.label,
      lift: null,
      significant: false,
      text: `${quote(best.label)} has the best mean ${what} (${formatMetric(metric, best.mean)}), but with no fixed-rate baseline to compare against there is no lift to measure.`,
    };
  }
  if (best === base || !Number.isFinite(base.mean)) {
    if (!Number.isFinite(base.mean)) {
      return { best: best.label, lift: null, significant: false, text: `The baseline ${quote(base.label)} diverged, so no lift over it can be measured; ${quote(best.label)} has the best mean ${what} (${formatMetric(metric, best.mean)}).` };
    }
    return {
      best: best.label,
      lift: 0,
      significant: false,
      text: `No schedule beat the fixed rate ${quote(base.label)} (${what} ${formatMetric(metric, base.mean)}${seeds > 1 ? `, mean of ${seeds} seeds` : ", one seed"}).`,
    };
  }
  const diff = best.vsBaseline as NonNullable<SummaryEntry["vsBaseline"]>;
  const lift = up ? diff.meanDiff : -diff.meanDiff;
  const head = `${quote(best.label)} has the best mean ${what}, ${formatDiff(metric, diff.meanDiff)} against the fixed rate ${quote(base.label)}`;
  if (seeds < 2 || diff.ci95 === null) {
    return { best: best.label, lift, significant: false, text: `${head} in one seed, but one seed cannot show a lift: run two or more seeds (three or more for a useful interval).` };
  }
  const [lo, hi] = diff.ci95;
  const interval = `95 % interval ${formatDiff(metric, lo)} to ${formatDiff(metric, hi)}, paired over ${seeds} seeds`;
  if (hi - lo <= 1e-9 * Math.abs(diff.meanDiff)) {
    // the same difference in every seed: the t interval has no width, so it says nothing; only an
    // exact sign test can speak, and n identical signs reach p = 2^(1-n) (< 0.05 from 6 seeds on)
    const p = 2 ** (1 - seeds);
    const head2 = `${head}, the same in every seed`;
    if (p < 0.05 && (up ? diff.meanDiff > 0 : diff.meanDiff < 0)) {
      return { best: best.label, lift, significant: true, text: `${head2} (exact sign test over ${seeds} seeds: p = ${p.toPrecision(2)}): the lift is real at this level.` };
    }
    return {
      best: best.label,
      lift,
      significant: false,
      text: `${head2}: with no spread between seeds the interval cannot be estimated, and ${seeds} identical signs are not enough for a sign test (p = ${p.toPrecision(2)}). Run ${seeds < 6 ? "at least 6 seeds" : "more seeds"}, or validate on more rows.`,
    };
  }
  const significant = up ? lo > 0 : hi < 0;
  if (significant) return { best: best.label, lift, significant, text: `${head} (${interval}): the lift is real at this level.` };
  return { best: best.label, lift, significant, text: `${head}, but the ${interval} includes 0: no lift shown. More seeds narrow the interval.` };
}
