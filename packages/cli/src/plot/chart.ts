// The vega-lite specification of a learning-rate chart: one line per schedule. Axes are laid out
// here rather than by vega's defaults: ticks on whole multiples that end where the curve ends,
// labels that agree on their precision (no `0k`, no `0.000001` beside `1e-7`), decades on log
// axes, and a rate axis that starts at zero without dipping below it for float noise.
import { chartBase } from "@lrsched/explore";
import type { Point } from "./buckets";
import { rateAxis, stepAxis } from "./ticks";

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
  /** The step the series' last rate holds until (its curve's end); default: its last point's step + 1. */
  readonly end?: number;
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
  /** Title of the x axis. Default "step" ("epoch" with `xPerStep`). */
  readonly xTitle?: string;
  /** Title of the rate axis. Default "learning rate". */
  readonly yTitle?: string;
  /** The x axis shows step x `xPerStep` (1 / steps per epoch gives epochs). Default 1. */
  readonly xPerStep?: number;
  /** Ends of the rate axis; default: from the data (zero to the peak, or whole decades on a log axis). */
  readonly yMin?: number;
  readonly yMax?: number;
  /** The step range drawn: [start, end). Default: from the points. */
  readonly xStart?: number;
  readonly xEnd?: number;
}

/** A vega expression giving each tick value its label: one format for the whole axis. */
export function labelExpr(ticks: readonly number[], label: (v: number) => string): string {
  return ticks.reduceRight((rest, t) => `datum.value === ${t} ? ${JSON.stringify(label(t))} : ${rest}`, "''");
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
  const per = o.xPerStep ?? 1;
  const xField = per === 1 ? "step" : "epoch";
  const width = o.width ?? 720;
  const height = o.height ?? 360;
  const values = series.flatMap((s) => {
    const kept = o.log ? s.points.filter((p) => p.lr > 0) : s.points;
    const last = s.points[s.points.length - 1];
    // the last rate holds through its step: a closing point draws it to the curve's end
    const end = s.end ?? (last ? last.step + 1 : undefined);
    const closing = last && end !== undefined && end > last.step && (!o.log || last.lr > 0) ? [{ step: end, lr: last.lr }] : [];
    return [...kept, ...closing].map((p) => ({ series: s.label, ...(per === 1 ? {} : { epoch: p.step * per }), ...p }));
  });
  const steps = values.map((v) => v.step);
  const start = (o.xStart ?? (steps.length ? Math.min(...steps) : 0)) * per;
  const end = (o.xEnd ?? (steps.length ? Math.max(...steps) : 1)) * per;
  const x = stepAxis(start, end > start ? end : start + per, width);
  const y = rateAxis(values.map((v) => v.lr), { ...o, height });
  const labels = o.axisLabels ?? true;
  const axis = (a: { ticks: readonly number[]; label: (v: number) => string }, extra: Record<string, unknown>) =>
    labels ? { values: a.ticks, labelExpr: labelExpr(a.ticks, a.label), ...extra } : { values: a.ticks, labels: false, ticks: false };
  return {
    ...chartBase(),
    ...(o.title ? { title: o.title } : {}),
    width,
    height,
    data: { values },
    // a rate holds from its step to the next one, so the line steps rather than slopes
    mark: { type: "line", strokeWidth: 1.5, clip: true, interpolate: "step-after" },
    encoding: {
      x: {
        field: xField,
        type: "quantitative",
        title: labels ? o.xTitle ?? (per === 1 ? "step" : "epoch") : null,
        axis: axis(x, { grid: true, labelFlush: false }),
        scale: { domain: x.domain, nice: false, zero: false },
      },
      y: {
        field: "lr",
        type: "quantitative",
        title: labels ? o.yTitle ?? "learning rate" : null,
        axis: axis(y, { grid: true, labelFlush: false }),
        scale: o.log ? { type: "log", domain: y.domain, nice: false } : { domain: y.domain, nice: false, zero: false },
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
