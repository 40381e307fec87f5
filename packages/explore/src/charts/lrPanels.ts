// The learning rate of every step as trained, one small panel per schedule on shared axes: shapes
// compare at a glance, no line hides another, and a policy that reacts to the run shows every seed.
import { envelope, stepFormat } from "./downsample";
import { chartBase } from "./frame";
import { scheduleColors } from "./palette";

export interface RateSeries {
  readonly label: string;
  /** Per run (seed), the rate of each step; runs of a closed-form schedule coincide, a plateau policy's differ. */
  readonly runs: readonly ArrayLike<number>[];
}

/** A faceted vega-lite spec: `columns` panels per row, each `width` x `height` pixels. */
export function lrPanelsSpec(series: readonly RateSeries[], o: { title?: string; columns?: number; width?: number; height?: number } = {}): Record<string, unknown> {
  const labels = series.map((s) => s.label);
  const values = series.flatMap((s) => s.runs.flatMap((lr, run) => envelope(lr, 120).map((p) => ({ series: s.label, run, step: p.x, lr: p.y }))));
  return {
    ...chartBase(),
    ...(o.title ? { title: o.title } : {}),
    data: { values },
    columns: o.columns ?? 4,
    facet: { field: "series", type: "nominal", title: null, sort: labels, header: { labelFontSize: 12, labelFontWeight: "bold" } },
    spec: {
      width: o.width ?? 150,
      height: o.height ?? 80,
      // a rate holds from its step to the next one, so the line steps rather than slopes
      mark: { type: "line", strokeWidth: 1.5, interpolate: "step-after" },
      encoding: {
        x: { field: "step", type: "quantitative", title: "step", axis: { format: stepFormat(Math.max(0, ...series.flatMap((s) => s.runs.map((r) => r.length)))), tickCount: 4 }, scale: { nice: false } },
        y: { field: "lr", type: "quantitative", title: "learning rate", axis: { format: "~g", tickCount: 4 }, scale: { zero: true } },
        color: { field: "series", type: "nominal", scale: scheduleColors(labels), legend: null },
        detail: { field: "run", type: "nominal" },
      },
    },
    resolve: { scale: { x: "shared", y: "shared" } },
  };
}
