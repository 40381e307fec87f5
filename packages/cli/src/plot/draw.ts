// From schedules to a finished chart in any of the CLI's targets.
import type { Labeled } from "../input/sources";
import { progress } from "../io/progress";
import { sampleCount, type Sampling } from "../sample";
import { bucketize, linePoints, type Buckets } from "./buckets";
import { chartSpec } from "./chart";
import { renderPdf, renderPng, renderSvg } from "@lrsched/explore";
import { UsageError } from "../errors";
import { terminalChart } from "./terminal";

/**
 * Where a chart goes: the terminal, an SVG, PNG or PDF image, or a vega-lite spec.
 *
 * @example
 * ```ts
 * import type { ChartTarget } from "@lrsched/cli";
 * const target: ChartTarget = "svg";
 * target; // → "svg"
 * ```
 */
export type ChartTarget = "svg" | "png" | "pdf" | "terminal" | "vega-lite";

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
  /** Pixels for svg/png/pdf/vega-lite (PDF points are pixels); character cells for the terminal. */
  readonly width: number;
  readonly height: number;
  readonly log?: boolean;
  readonly title?: string;
  readonly color?: boolean;
  readonly quiet?: boolean;
  readonly axisLabels?: boolean;
  readonly xTitle?: string;
  readonly yTitle?: string;
  /** Ends of the rate axis (svg/png/pdf). */
  readonly yMin?: number;
  readonly yMax?: number;
  /** The x axis shows step x `xPerStep` (epochs: 1 / steps per epoch). */
  readonly xPerStep?: number;
  /** PNG pixel density: 2 doubles the pixels, text and lines with them. */
  readonly scale?: number;
}

/** How each schedule is sampled: the range, cut at the schedule's last step when it ends sooner. */
function ownSamplings(schedules: readonly Labeled[], s: Sampling): Sampling[] {
  return schedules.map(({ label, schedule }) => {
    const room = schedule.maxStep + 1 - s.start;
    if (room <= 0) throw new UsageError(`${label} ends at step ${schedule.maxStep}, before --start ${s.start}`);
    return room >= s.steps ? s : { ...s, steps: room };
  });
}

/** Reduces every schedule to buckets (`width` across the whole range), with one progress bar. */
export function reduceAll(schedules: readonly Labeled[], s: Sampling, width: number, quiet = false): Buckets[] {
  const own = ownSamplings(schedules, s);
  const counts = own.map(sampleCount);
  const bar = progress(counts.reduce((a, b) => a + b, 0), "plot", quiet);
  try {
    let before = 0;
    return schedules.map(({ schedule }, i) => {
      const done0 = before;
      before += counts[i];
      const buckets = Math.max(1, Math.round((width * own[i].steps) / s.steps));
      return bucketize(schedule, own[i], buckets, (done) => bar.update(done0 + done));
    });
  } finally {
    bar.finish();
  }
}

/**
 * Renders the chart: text for terminal / vega-lite / svg, bytes for png and pdf.
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
  const per = o.xPerStep ?? 1;
  const ends = ownSamplings(schedules, s).map((x) => x.start + x.steps);
  const xTitle = o.xTitle ?? (per === 1 ? undefined : "epoch");
  if (o.target === "terminal") {
    const buckets = reduceAll(schedules, s, o.width * 2, o.quiet);
    const last = s.start + (sampleCount(s) - 1) * s.every;
    return terminalChart(
      schedules.map((x, i) => ({ label: x.label, buckets: buckets[i], span: (ends[i] - s.start) / s.steps })),
      { width: o.width, height: o.height, log: o.log, color: o.color, title: o.title, startStep: s.start * per, endStep: last * per, xTitle },
    );
  }
  // one bucket per pixel column: each yields at most four points, enough for an exact-looking line
  const buckets = reduceAll(schedules, s, Math.max(1, Math.round(o.width)), o.quiet);
  const spec = chartSpec(
    schedules.map((x, i) => ({ label: x.label, points: linePoints(buckets[i]), end: ends[i] })),
    {
      title: o.title, log: o.log, width: o.width, height: o.height, axisLabels: o.axisLabels, xTitle, yTitle: o.yTitle,
      yMin: o.yMin, yMax: o.yMax, xPerStep: per, xStart: s.start, xEnd: s.start + s.steps,
    },
  );
  if (o.target === "vega-lite") return `${JSON.stringify(spec, null, 2)}\n`;
  const svg = await renderSvg(spec);
  if (o.target === "svg") return svg;
  return o.target === "pdf" ? renderPdf(svg, { title: o.title }) : renderPng(svg, o.scale ?? 1);
}

/**
 * Whether stdout should get ANSI colours: FORCE_COLOR (other than 0 or false) turns them on, as in
 * Node; otherwise NO_COLOR, TERM=dumb or a non-terminal stdout turns them off.
 */
export function useColor(env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY && env.TERM !== "dumb";
}
