// What a sweep can honestly say: the best schedule, its lift over the fixed rate, and whether the
// paired interval shows that lift is real.
import { within, type PairedDiff, type SummaryEntry } from "./paired";
import { formatDiff, formatMetric, higherIsBetter, metricRange, metricTitle, type MetricName } from "./metrics";
import { studentTQuantile } from "./studentT";

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
   * True only when best's paired interval against the baseline excludes 0: at 95 % when one schedule
   * is compared with the baseline, and at 1 - 0.05/k when k are (Bonferroni: the best of k passes a
   * single 95 % test by chance too often). When the difference is the same in every seed (an
   * interval of no width), an exact sign test at the same level decides instead.
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
  // the verdict picks the best of `compared` schedules, each tested against the baseline: the
  // test it passes must hold for the whole family (Bonferroni: 0.05 / compared for each)
  const compared = summary.filter((s) => s !== base).length;
  const alpha = 0.05 / compared;
  const family = compared > 1 ? ` (adjusted for the ${compared} schedules compared)` : "";
  const better = (x: number) => (up ? x > 0 : x < 0);
  if (hi - lo <= 1e-9 * Math.abs(diff.meanDiff)) {
    // the same difference in every seed: the t interval has no width, so it says nothing; only an
    // exact sign test can speak, and n identical signs reach p = 2^(1-n)
    const p = 2 ** (1 - seeds);
    const head2 = `${head}, the same in every seed`;
    if (p < alpha && better(diff.meanDiff)) {
      return { best: best.label, lift, significant: true, text: `${head2} (exact sign test over ${seeds} seeds: p = ${p.toPrecision(2)}${family}): the lift is real at this level.` };
    }
    const needed = Math.max(seeds + 1, Math.floor(1 - Math.log2(alpha)) + 1);
    return {
      best: best.label,
      lift,
      significant: false,
      text: `${head2}: with no spread between seeds the interval cannot be estimated, and ${seeds} identical signs are not enough for a sign test (p = ${p.toPrecision(2)}${family ? `; ${alpha.toPrecision(2)} needed${family}` : ""}). Run at least ${needed} seeds, or validate on more rows.`,
    };
  }
  const wide = familyInterval(diff, compared, metric);
  if (wide === null) {
    if (better(up ? lo : hi)) return { best: best.label, lift, significant: true, text: `${head} (${interval}): the lift is real at this level.` };
    return { best: best.label, lift, significant: false, text: `${head}, but the ${interval} includes 0: no lift shown. More seeds narrow the interval.` };
  }
  const adjusted = `${formatDiff(metric, wide[0])} to ${formatDiff(metric, wide[1])}`;
  if (better(up ? wide[0] : wide[1])) {
    return { best: best.label, lift, significant: true, text: `${head} (${interval}; ${adjusted} at the ${level(alpha)} level that ${compared} schedules compared need): the lift is real at this level.` };
  }
  if (better(up ? lo : hi)) {
    return {
      best: best.label,
      lift,
      significant: false,
      text: `${head} (${interval}), but at the ${level(alpha)} level that ${compared} schedules compared need, the interval ${adjusted} includes 0: the best of ${compared} clears a single 95 % interval by chance too often to call this a lift. More seeds narrow the interval.`,
    };
  }
  return { best: best.label, lift, significant: false, text: `${head}, but the ${interval} includes 0: no lift shown. More seeds narrow the interval.` };
}

/** "99.3 %": the confidence level of a two-sided test at `alpha`. */
const level = (alpha: number) => `${Number(((1 - alpha) * 100).toPrecision(3))} %`;

/**
 * The paired interval at the level a family of `compared` comparisons needs (Bonferroni), cut to
 * the differences the metric allows; null for a family of one (the 95 % interval is the test).
 */
function familyInterval(diff: PairedDiff, compared: number, metric: MetricName): readonly [number, number] | null {
  if (compared <= 1 || diff.std === null || diff.seeds < 2) return null;
  const half = (studentTQuantile(1 - 0.025 / compared, diff.seeds - 1) * diff.std) / Math.sqrt(diff.seeds);
  const [lo, hi] = metricRange(metric);
  return within([diff.meanDiff - half, diff.meanDiff + half], lo - hi, hi - lo);
}
