// Training loss of every step, averaged over seeds and smoothed: one line per schedule.
import { stepFormat, thin } from "./downsample";
import { chartBase } from "./frame";
import { scheduleColors } from "./palette";

export interface LossSeries {
  readonly label: string;
  /** Per seed, the loss of each step. */
  readonly runs: readonly (readonly number[])[];
}

/** Steps a smoothing window spans: a fiftieth of the run, at least one. */
export const smoothingWindow = (steps: number) => Math.max(1, Math.round(steps / 50));

/**
 * Mean over runs at every step (NaN when a run diverged there), then an exponential moving average
 * with weight `1 - 1/window` on the past, bias-corrected so the first point is the first loss.
 */
export function smoothedMeanLoss(runs: readonly (readonly number[])[], window: number): number[] {
  const steps = Math.max(0, ...runs.map((r) => r.length));
  const beta = 1 - 1 / window;
  const out: number[] = new Array(steps);
  let avg = 0;
  let weight = 1;
  for (let i = 0; i < steps; i++) {
    let sum = 0;
    for (const r of runs) sum += r[i] ?? NaN;
    const v = sum / runs.length;
    avg = beta * avg + (1 - beta) * v;
    weight *= beta;
    out[i] = avg / (1 - weight);
  }
  return out;
}

export function lossCurvesSpec(series: readonly LossSeries[], o: { title?: string; stepsPerEpoch: number; width?: number; height?: number }): Record<string, unknown> {
  const labels = series.map((s) => s.label);
  const steps = Math.max(1, ...series.flatMap((s) => s.runs.map((r) => r.length)));
  const window = smoothingWindow(steps);
  const values = series.flatMap((s) =>
    thin(smoothedMeanLoss(s.runs, window), 300)
      .filter((p) => Number.isFinite(p.y) && p.y > 0)
      .map((p) => ({ series: s.label, step: p.x, loss: p.y })),
  );
  return {
    ...chartBase(),
    ...(o.title ? { title: o.title } : {}),
    width: o.width ?? 720,
    height: o.height ?? 300,
    data: { values },
    mark: { type: "line", strokeWidth: 1.5, clip: true },
    encoding: {
      x: { field: "step", type: "quantitative", title: `step (${o.stepsPerEpoch} per epoch)`, axis: { format: stepFormat(steps) }, scale: { nice: false } },
      y: { field: "loss", type: "quantitative", title: "training loss (log scale)", scale: { type: "log", nice: false }, axis: { format: "~g" } },
      color: { field: "series", type: "nominal", title: null, scale: scheduleColors(labels), legend: { orient: "bottom", direction: "horizontal", columns: 4, labelLimit: 240, symbolType: "stroke", symbolStrokeWidth: 2, symbolOpacity: 1 } },
    },
  };
}
