// A validation metric per epoch: the mean over seeds as a line, the range over seeds as a band.
import { chartBase } from "./frame";
import { scheduleColors } from "./palette";

export interface EpochSeries {
  readonly label: string;
  /** Per seed, the metric after each epoch. */
  readonly runs: readonly (readonly number[])[];
}

export interface BandPoint {
  readonly series: string;
  readonly epoch: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** Hover text. */
  readonly tip: string;
}

/** Per schedule and epoch: mean, lowest and highest over seeds (epochs where a seed diverged are left out). */
export function bandPoints(series: readonly EpochSeries[], format: (v: number) => string): BandPoint[] {
  return series.flatMap((s) => {
    const epochs = Math.max(0, ...s.runs.map((r) => r.length));
    const out: BandPoint[] = [];
    for (let e = 0; e < epochs; e++) {
      const vs = s.runs.map((r) => r[e]);
      if (!vs.every(Number.isFinite)) continue;
      const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
      const low = Math.min(...vs);
      const high = Math.max(...vs);
      const spread = vs.length > 1 ? ` (seeds ${format(low)} to ${format(high)})` : "";
      out.push({ series: s.label, epoch: e + 1, mean, low, high, tip: `${s.label}, epoch ${e + 1}: ${format(mean)}${spread}` });
    }
    return out;
  });
}

export function metricBandsSpec(
  series: readonly EpochSeries[],
  o: { title?: string; yTitle: string; percent?: boolean; format: (v: number) => string; width?: number; height?: number },
): Record<string, unknown> {
  const labels = series.map((s) => s.label);
  const color = { field: "series", type: "nominal", title: null, scale: scheduleColors(labels), legend: { orient: "bottom", direction: "horizontal", columns: 4, labelLimit: 240, symbolType: "stroke", symbolStrokeWidth: 2, symbolOpacity: 1 } };
  const x = { field: "epoch", type: "quantitative", title: "epoch", axis: { tickMinStep: 1, format: "d" }, scale: { zero: false, nice: false } };
  const axis = o.percent ? { format: ".1%" } : { format: "~g" };
  const several = series.some((s) => s.runs.length > 1);
  return {
    ...chartBase(),
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? 720,
    height: o.height ?? 300,
    data: { values: bandPoints(series, o.format) },
    encoding: { x, color },
    layer: [
      ...(several ? [{ mark: { type: "area", opacity: 0.15 }, encoding: { y: { field: "low", type: "quantitative", title: o.yTitle, scale: { zero: false }, axis }, y2: { field: "high" } } }] : []),
      {
        mark: { type: "line", strokeWidth: 1.5, point: { size: 20 } },
        encoding: { y: { field: "mean", type: "quantitative", title: o.yTitle, scale: { zero: false }, axis }, description: { field: "tip" } },
      },
    ],
  };
}
