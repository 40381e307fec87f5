// The range test's chart: loss against a logarithmic rate axis, the suggestions as vertical rules.
import { chartBase } from "./frame";

/**
 * What the range test's chart draws: the series of a {@link RangeTestResult}, its suggestions, and
 * the chart's title and size.
 *
 * @example
 * ```ts
 * import { rangeChartSpec, type RangeChartInput } from "@lrsched/explore";
 * const input: RangeChartInput = { lrs: [1e-4, 1e-3, 1e-2, 1e-1], losses: [2.3, 2, 1.4, 3], smoothed: [2.3, 2.1, 1.4, 2], suggestions: [], width: 400 };
 * rangeChartSpec(input).width; // → 400
 * ```
 */
export interface RangeChartInput {
  /** Rate of every batch, rising (the x axis is logarithmic: every rate > 0). */
  readonly lrs: readonly number[];
  /** Raw training loss of every batch (not finite: not drawn). */
  readonly losses: readonly number[];
  /** Smoothed loss of every batch. */
  readonly smoothed: readonly number[];
  /** Rates to mark with a labelled rule, in order (red, green, purple, then again). */
  readonly suggestions: readonly { name: string; lr: number }[];
  /** Rate of the batch where the raw loss diverged, if it did: drawn as a grey rule. */
  readonly divergedLr?: number;
  /** Title of the chart. Default: none. */
  readonly title?: string;
  /** Width of the plot in pixels. Default 720. */
  readonly width?: number;
  /** Height of the plot in pixels. Default 360. */
  readonly height?: number;
}

const SUGGESTION_COLORS = ["#d62728", "#2ca02c", "#9467bd"];

/**
 * A vega-lite spec: raw loss (light) and smoothed loss per batch against the rate on a log axis,
 * one labelled rule per suggestion. The y axis stops a little above the loss before the minimum,
 * so the divergent tail does not flatten the interesting part. Draw it with {@link renderSvg}.
 *
 * @example
 * ```ts
 * import { rangeChartSpec } from "@lrsched/explore";
 * const spec = rangeChartSpec({ lrs: [1e-4, 1e-3, 1e-2, 1e-1], losses: [2.3, 2, 1.4, 3], smoothed: [2.3, 2.1, 1.4, 2], suggestions: [{ name: "valley", lr: 0.01 }] });
 * const layers = spec.layer as { data: { values: { label?: string }[] } }[];
 * layers.length; // → 3
 * layers[2].data.values[0].label; // → "valley 0.01"
 * ```
 */
export function rangeChartSpec(c: RangeChartInput): Record<string, unknown> {
  const values: { lr: number; loss: number; series: string }[] = [];
  c.lrs.forEach((lr, i) => {
    if (Number.isFinite(c.losses[i])) values.push({ lr, loss: c.losses[i], series: "raw loss" });
    if (Number.isFinite(c.smoothed[i])) values.push({ lr, loss: c.smoothed[i], series: "smoothed loss" });
  });
  // y range: everything up to the smoothed minimum (raw and smoothed), a little headroom above
  const finite = c.smoothed.filter(Number.isFinite);
  const lowAt = finite.length ? c.smoothed.indexOf(Math.min(...finite)) : c.smoothed.length - 1;
  const shown = [...c.losses.slice(0, lowAt + 1), ...c.smoothed.slice(0, lowAt + 1)].filter(Number.isFinite);
  const low = shown.length ? Math.min(...shown) : 0;
  const high = shown.length ? Math.max(...c.smoothed.slice(0, lowAt + 1).filter(Number.isFinite), ...c.losses.slice(0, 1)) : 1;
  const pad = (high - low) * 0.1 || 0.1;
  const rules = c.suggestions.map((s, i) => ({ lr: s.lr, label: `${s.name} ${Number(s.lr.toPrecision(3))}`, color: SUGGESTION_COLORS[i % SUGGESTION_COLORS.length], y: 6 + 15 * i }));
  if (c.divergedLr !== undefined) rules.push({ lr: c.divergedLr, label: `raw loss diverged ${Number(c.divergedLr.toPrecision(3))}`, color: "#7f7f7f", y: 6 + 15 * rules.length });
  const first = c.lrs[0];
  const last = c.lrs[c.lrs.length - 1];
  const decades: number[] = [];
  for (let e = Math.ceil(Math.log10(first) - 1e-9); e <= Math.floor(Math.log10(last) + 1e-9); e++) decades.push(Number(`1e${e}`));
  const x = {
    field: "lr",
    type: "quantitative",
    title: "learning rate (log scale)",
    scale: { type: "log", domain: [first, last], nice: false },
    axis: { format: "~g", values: decades },
  };
  return {
    ...chartBase(),
    ...(c.title ? { title: c.title } : {}),
    width: c.width ?? 720,
    height: c.height ?? 360,
    layer: [
      {
        data: { values },
        mark: { type: "line", clip: true, strokeWidth: 1.5 },
        encoding: {
          x,
          y: { field: "loss", type: "quantitative", title: "training loss", scale: { domain: [Math.max(0, low - pad), high + pad], zero: false, nice: false } },
          color: { field: "series", type: "nominal", title: null, scale: { domain: ["raw loss", "smoothed loss"], range: ["#c7c7c7", "#1f77b4"] }, legend: { orient: "bottom", direction: "horizontal" } },
        },
      },
      // one rule and one label per suggestion, each with its own literal colour (no shared legend)
      ...rules.flatMap((r) => [
        { data: { values: [r] }, mark: { type: "rule", strokeDash: [4, 3], strokeWidth: 1.5, color: r.color }, encoding: { x } },
        {
          data: { values: [r] },
          mark: { type: "text", align: "left", dx: 4, baseline: "top", fontSize: 11, color: r.color },
          // pixels from the top, one line per suggestion
          encoding: { x, y: { field: "y", type: "quantitative", scale: null }, text: { field: "label" } },
        },
      ]),
    ],
  };
}
