// One colour per schedule, the same in every chart of a report.

// ten strong colours, then their light companions (the category20 scheme)
const COLORS = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
  "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
];

/**
 * A vega-lite colour scale giving `labels[i]` the i-th colour of the category20 scheme, ten strong
 * colours then their light companions (labels beyond 20 repeat colours).
 *
 * @example
 * ```ts
 * import { scheduleColors } from "@lrsched/explore";
 * scheduleColors(["constant", "cosine"]); // → { domain: ["constant", "cosine"], range: ["#1f77b4", "#ff7f0e"] }
 * ```
 */
export const scheduleColors = (labels: readonly string[]) => ({ domain: [...labels], range: labels.map((_, i) => COLORS[i % COLORS.length]) });

/** The colour of `labels[i]`. */
export const colorAt = (i: number) => COLORS[i % COLORS.length];
