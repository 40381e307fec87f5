// The vega-lite specification of a learning-rate chart: one line per schedule. Axes are laid out
// here rather than by vega's defaults: ticks on whole multiples that end where the curve ends,
// labels that agree on their precision (no `0k`, no `0.000001` beside `1e-7`), decades on log
// axes, and a rate axis that starts at zero without dipping below it for float noise.
import { chartBase } from "@lrsched/explore";
import type { Point } from "./buckets";
import { formatDecade, formatRateTick, formatStepTick, linearAxis, logAxis, logFloor, niceStep, ticksWithin } from "./ticks";

export interface ChartSeries {
  readonly label: string;
  readonly points: readonly Point[];
  /** The step the series' last rate holds until (its curve's end); default: its last point's step + 1. */
  readonly end?: number;
}

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

/** The rate axis: its ends, its ticks and their labels. */
export function rateAxis(values: readonly number[], o: Pick<ChartOptions, "log" | "yMin" | "yMax" | "height">) {
  const count = Math.max(2, Math.round((o.height ?? 360) / 45));
  if (o.log) {
    const positive = values.filter((v) => v > 0 && Number.isFinite(v));
    const hi = o.yMax ?? (positive.length ? Math.max(...positive) : 1);
    // a tail vanishing to zero (1e-9 at a cosine's last step) would stretch the axis over empty decades
    const lo = o.yMin ?? (positive.length ? logFloor(positive) : hi / 1000);
    const axis = logAxis(lo, hi);
    const domain = [o.yMin ?? axis.lo, o.yMax ?? axis.hi];
    return { domain, ticks: axis.ticks.filter((t) => t >= domain[0] * (1 - 1e-9) && t <= domain[1] * (1 + 1e-9)), label: formatDecade };
  }
  let lo = 0;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(hi)) hi = 1;
  // a rate that should be 0 but came out -5.55e-17 must not open a negative band under the axis
  if (lo < 0 && -lo <= Math.abs(hi) * 1e-9) lo = 0;
  if (o.yMin !== undefined || o.yMax !== undefined) {
    const domain = [o.yMin ?? lo, o.yMax ?? hi];
    const step = niceStep(domain[1] - domain[0], count);
    return { domain, ticks: ticksWithin(domain[0], domain[1], step), label: (v: number) => formatRateTick(v, step) };
  }
  const axis = linearAxis(lo, hi, count);
  return { domain: [axis.lo, axis.hi], ticks: axis.ticks, label: (v: number) => formatRateTick(v, axis.step) };
}

/** The step (or epoch) axis over [start, end]: ticks on whole multiples, the end's included when it is one. */
export function stepAxis(start: number, end: number, width: number) {
  const step = niceStep(end - start, Math.max(2, Math.floor(width / 80)));
  const ticks = ticksWithin(start, end, step);
  return { domain: [start, end], ticks, label: (v: number) => formatStepTick(v, step) };
}

/** A vega-lite spec (plain JSON) for `series` on one chart. */
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
