// The vega-lite specification of a learning-rate chart: one line per schedule.
import { chartBase } from "@lrsched/explore";
import type { Point } from "./buckets";

/**
 * One labelled line of a chart.
 *
 * @example
 * ```ts
 * import { chartSpec, type ChartSeries } from "@lrsched/cli";
 * const series: ChartSeries = { label: "cosine", points: [{ step: 0, lr: 0.1 }, { step: 100, lr: 0 }] };
 * (chartSpec([series]).data as { values: unknown[] }).values.length > 0; // → true
 * ```
 */
export interface ChartSeries {
  readonly label: string;
  readonly points: readonly Point[];
}

/**
 * A chart's title, size, axis scale and axis titles.
 *
 * @example
 * ```ts
 * import { chartSpec, type ChartOptions } from "@lrsched/cli";
 * const options: ChartOptions = { title: "cosine", width: 480, height: 240, log: true };
 * chartSpec([{ label: "a", points: [{ step: 0, lr: 0.1 }] }], options).width; // → 480
 * ```
 */
export interface ChartOptions {
  readonly title?: string;
  readonly log?: boolean;
  readonly width?: number;
  readonly height?: number;
  /** Axis titles and tick labels; off gives a bare chart (used to check that text renders). */
  readonly axisLabels?: boolean;
  /** Title of the x axis. Default "step". */
  readonly xTitle?: string;
}

/**
 * A vega-lite spec (plain JSON) for `series` on one chart.
 *
 * @example
 * ```ts
 * import { chartSpec } from "@lrsched/cli";
 * import { renderSvg } from "@lrsched/explore";
 * const spec = chartSpec([{ label: "step decay", points: [{ step: 0, lr: 0.1 }, { step: 50, lr: 0.01 }, { step: 99, lr: 0.01 }] }]);
 * (await renderSvg(spec)).startsWith("<svg"); // → true
 * ```
 */
export function chartSpec(series: readonly ChartSeries[], o: ChartOptions = {}): Record<string, unknown> {
  const values = series.flatMap((s) =>
    o.log ? s.points.filter((p) => p.lr > 0).map((p) => ({ series: s.label, ...p })) : s.points.map((p) => ({ series: s.label, ...p })),
  );
  const labels = o.axisLabels ?? true;
  return {
    ...chartBase(),
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? 720,
    height: o.height ?? 360,
    data: { values },
    // a rate holds from its step to the next one, so the line steps rather than slopes
    mark: { type: "line", strokeWidth: 1.5, clip: true, interpolate: "step-after" },
    encoding: {
      x: {
        field: "step",
        type: "quantitative",
        title: labels ? o.xTitle ?? "step" : null,
        axis: labels ? { format: "~s", labelFlush: true } : { labels: false, ticks: false },
        scale: { nice: false, zero: false },
      },
      y: {
        field: "lr",
        type: "quantitative",
        title: labels ? "learning rate" : null,
        axis: labels ? { format: "~g" } : { labels: false, ticks: false },
        scale: o.log ? { type: "log" } : { zero: true },
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: series.map((s) => s.label) },
        legend: series.length > 1 ? { orient: "bottom", direction: "horizontal", columns: 3, labelLimit: 280 } : null,
      },
      order: { field: "step", type: "quantitative" },
    },
  };
}
