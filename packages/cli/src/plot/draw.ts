// From schedules to a finished chart in any of the CLI's targets.
import type { Labeled } from "../input/sources";
import { progress } from "../io/progress";
import { sampleCount, type Sampling } from "../sample";
import { bucketize, linePoints, type Buckets } from "./buckets";
import { chartSpec } from "./chart";
import { renderPng, renderSvg } from "@lrsched/explore";
import { terminalChart } from "./terminal";

/**
 * Where a chart goes: the terminal, an SVG or PNG image, or a vega-lite spec.
 *
 * @example
 * ```ts
 * import type { ChartTarget } from "@lrsched/cli";
 * const target: ChartTarget = "svg";
 * target; // → "svg"
 * ```
 */
export type ChartTarget = "svg" | "png" | "terminal" | "vega-lite";

/**
 * What `drawChart()` draws to and how: target, size, scale, titles, colour and progress.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { drawChart, type DrawOptions } from "@lrsched/cli";
 * const options: DrawOptions = { target: "vega-lite", width: 480, height: 240, quiet: true };
 * const text = await drawChart([{ label: "0.1", schedule: constant({ value: 0.1 }) }], { start: 0, steps: 100, every: 1 }, options);
 * JSON.parse(text as string).width; // → 480
 * ```
 */
export interface DrawOptions {
  readonly target: ChartTarget;
  /** Pixels for svg/png/vega-lite; character cells for the terminal. */
  readonly width: number;
  readonly height: number;
  readonly log?: boolean;
  readonly title?: string;
  readonly color?: boolean;
  readonly quiet?: boolean;
  readonly axisLabels?: boolean;
  readonly xTitle?: string;
}

/** Reduces every schedule to `width` buckets, with a progress bar across all of them. */
export function reduceAll(schedules: readonly Labeled[], s: Sampling, width: number, quiet = false): Buckets[] {
  const per = sampleCount(s);
  const bar = progress(per * schedules.length, "plot", quiet);
  try {
    return schedules.map(({ schedule }, i) => bucketize(schedule, s, width, (done) => bar.update(i * per + done)));
  } finally {
    bar.finish();
  }
}

/**
 * Renders the chart: text for terminal / vega-lite / svg, PNG bytes for png.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { drawChart } from "@lrsched/cli";
 * const svg = await drawChart([{ label: "cosine", schedule: cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 }) }], { start: 0, steps: 1000, every: 1 }, { target: "svg", width: 480, height: 240, quiet: true });
 * (svg as string).startsWith("<svg"); // → true
 * ```
 */
export async function drawChart(schedules: readonly Labeled[], s: Sampling, o: DrawOptions): Promise<string | Uint8Array> {
  if (o.target === "terminal") {
    const buckets = reduceAll(schedules, s, o.width * 2, o.quiet);
    const last = s.start + (sampleCount(s) - 1) * s.every;
    return terminalChart(
      schedules.map((x, i) => ({ label: x.label, buckets: buckets[i] })),
      { width: o.width, height: o.height, log: o.log, color: o.color, title: o.title, startStep: s.start, endStep: last, xTitle: o.xTitle },
    );
  }
  // one bucket per pixel column: each yields at most four points, enough for an exact-looking line
  const buckets = reduceAll(schedules, s, Math.max(1, Math.round(o.width)), o.quiet);
  const spec = chartSpec(
    schedules.map((x, i) => ({ label: x.label, points: linePoints(buckets[i]) })),
    { title: o.title, log: o.log, width: o.width, height: o.height, axisLabels: o.axisLabels, xTitle: o.xTitle },
  );
  if (o.target === "vega-lite") return `${JSON.stringify(spec, null, 2)}\n`;
  const svg = await renderSvg(spec);
  return o.target === "svg" ? svg : renderPng(svg);
}

/** Whether stdout should get ANSI colours. */
export const useColor = () => process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb";
