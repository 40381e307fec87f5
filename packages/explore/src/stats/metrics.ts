// The validation metrics a sweep can rank by, which way is better, and how a difference reads.
import { formatNumber } from "../charts/numbers";

/**
 * The validation metrics a sweep can rank schedules by: accuracy (higher is better; classification
 * only), and the loss, mean squared error and mean absolute error (lower is better).
 *
 * @example
 * ```ts
 * import { METRICS } from "@lrsched/explore";
 * METRICS; // → ["accuracy", "loss", "mse", "mae"]
 * ```
 */
export const METRICS = ["accuracy", "loss", "mse", "mae"] as const;

/**
 * A metric's name: one of {@link METRICS}.
 *
 * @example
 * ```ts
 * import { pairedSummary, type MetricName } from "@lrsched/explore";
 * const metric: MetricName = "mae";
 * pairedSummary([{ label: "cosine", bySeed: new Map([[1, 0.5]]) }], metric, null)[0].metric; // → "mae"
 * ```
 */
export type MetricName = (typeof METRICS)[number];

/** Accuracy rises with quality; losses and errors fall. */
export const higherIsBetter = (metric: MetricName) => metric === "accuracy";

/** "validation accuracy", "validation loss", ... */
export const metricTitle = (metric: MetricName) => `validation ${metric === "mse" ? "mean squared error" : metric === "mae" ? "mean absolute error" : metric}`;

/** A value of the metric: 0.9734 -> "97.34 %" for accuracy, 3 significant digits otherwise. */
export function formatMetric(metric: MetricName, v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  return metric === "accuracy" ? `${(v * 100).toFixed(2)} %` : formatNumber(v, 4);
}

/** A difference of the metric, signed: +0.42 pt for accuracy, +0.0123 otherwise. */
export function formatDiff(metric: MetricName, v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  const sign = v > 0 ? "+" : v < 0 ? "−" : "";
  return metric === "accuracy" ? `${sign}${Math.abs(v * 100).toFixed(2)} pt` : `${sign}${formatNumber(Math.abs(v), 3)}`;
}

/** The values a metric can take: accuracy is a share, losses and errors are never negative. */
export function metricRange(metric: MetricName): readonly [number, number] {
  return metric === "accuracy" ? [0, 1] : [0, Infinity];
}
