// The report's charts as vega-lite specs: metric curves per epoch, and the rate of every step.
import { chartBase } from "@lrsched/explore";
import { drawChart } from "../plot/draw";
import { renderSvg } from "@lrsched/explore";
import type { ResolvedSchedule } from "./config";
import type { MeanCurve } from "./results";

export interface LineSeries {
  readonly label: string;
  readonly points: readonly { x: number; y: number }[];
}

export interface LineChartOptions {
  readonly title?: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Show y as a percentage. */
  readonly percent?: boolean;
  readonly width?: number;
  readonly height?: number;
  /** Colour domain, so a schedule keeps its colour across charts. Default: the series labels. */
  readonly domain?: readonly string[];
}

/** A line chart with a point per value; NaN values (diverged epochs) are left out. */
export function lineChartSpec(series: readonly LineSeries[], o: LineChartOptions): Record<string, unknown> {
  const values = series.flatMap((s) => s.points.filter((p) => Number.isFinite(p.y)).map((p) => ({ series: s.label, x: p.x, y: p.y })));
  const domain = o.domain ?? series.map((s) => s.label);
  return {
    ...(o.title ? { title: { text: o.title, fontSize: 13 } } : {}),
    width: o.width ?? 720,
    height: o.height ?? 320,
    data: { values },
    mark: { type: "line", point: { size: 18 }, strokeWidth: 1.5 },
    encoding: {
      x: { field: "x", type: "quantitative", title: o.xTitle, axis: { tickMinStep: 1, format: "d" }, scale: { zero: false, nice: false } },
      y: { field: "y", type: "quantitative", title: o.yTitle, scale: { zero: false }, axis: o.percent ? { format: ".1%" } : { format: "~g" } },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain },
        legend: series.length > 1 ? { orient: "bottom", direction: "horizontal", columns: 4, labelLimit: 240 } : null,
      },
    },
  };
}

/** Wraps one chart or several side by side into a complete, white-background spec. */
export function fullSpec(charts: readonly Record<string, unknown>[], title?: string): Record<string, unknown> {
  if (charts.length === 1) return { ...chartBase(), ...(title ? { title } : {}), ...charts[0] };
  return { ...chartBase(), ...(title ? { title } : {}), hconcat: charts, resolve: { scale: { color: "independent" } } };
}

/** Every schedule's rate over the run's steps, on one chart (the CLI's `plot` rendering). */
export async function lrChartSvg(schedules: readonly ResolvedSchedule[], totalSteps: number, stepsPerEpoch: number): Promise<string> {
  const svg = await drawChart(schedules, { start: 0, steps: totalSteps, every: 1 }, {
    target: "svg",
    width: 720,
    height: 300,
    title: `Learning rate per step (${stepsPerEpoch} steps per epoch)`,
    quiet: true,
  });
  return svg as string;
}

/** One metric of every schedule (mean over seeds) per epoch. */
export function overviewSvg(curves: readonly MeanCurve[], metric: "valAcc" | "valLoss", title: string): Promise<string> {
  const series = curves.map((c) => ({ label: c.label, points: c.epochs.map((e) => ({ x: e.epoch, y: e[metric] })) }));
  return renderSvg(fullSpec([lineChartSpec(series, { xTitle: "epoch", yTitle: metric === "valAcc" ? "validation accuracy" : "validation loss", percent: metric === "valAcc" })], title));
}

/** One schedule's training and validation loss, and accuracy, side by side. */
export function scheduleSvg(curve: MeanCurve): Promise<string> {
  const pair = (train: (e: MeanCurve["epochs"][number]) => number, val: (e: MeanCurve["epochs"][number]) => number) => [
    { label: "training", points: curve.epochs.map((e) => ({ x: e.epoch, y: train(e) })) },
    { label: "validation", points: curve.epochs.map((e) => ({ x: e.epoch, y: val(e) })) },
  ];
  const size = { width: 330, height: 220 };
  return renderSvg(
    fullSpec(
      [
        lineChartSpec(pair((e) => e.loss, (e) => e.valLoss), { ...size, title: "loss", xTitle: "epoch", yTitle: "loss" }),
        lineChartSpec(pair((e) => e.acc, (e) => e.valAcc), { ...size, title: "accuracy", xTitle: "epoch", yTitle: "accuracy", percent: true }),
      ],
    ),
  );
}
