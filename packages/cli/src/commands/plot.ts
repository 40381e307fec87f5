import type { Options } from "../args";
import { print, type Command } from "../command";
import { UsageError } from "../errors";
import { SOURCE_OPTIONS, readSchedules } from "../input/sources";
import { writeOutput } from "../io/output";
import { drawChart, useColor, type ChartTarget } from "../plot/draw";
import { RANGE_OPTIONS, readSampling } from "./range";

const TARGETS = ["terminal", "svg", "png", "vega-lite"] as const;

/** Options shared by `plot` and `compare --plot`. */
export const CHART_OPTIONS = [
  { name: "log", kind: "flag", doc: "Logarithmic learning-rate axis (non-positive rates are left out)." },
  { name: "title", kind: "value", placeholder: "TEXT", doc: "Chart title." },
  { name: "width", kind: "value", placeholder: "N", doc: "Width: pixels for svg/png (default 720), characters in the terminal (default: fit)." },
  { name: "height", kind: "value", placeholder: "N", doc: "Height: pixels for svg/png (default 360), lines in the terminal (default 16)." },
] as const;

/** The chart target an output path implies. */
export function targetOf(out: string | undefined, forced?: ChartTarget): ChartTarget {
  if (forced) return forced;
  if (out === undefined || out === "-") return "terminal";
  const ext = out.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "svg" || ext === "png") return ext;
  if (ext === "json") return "vega-lite";
  throw new UsageError(`--out must end in .svg, .png or .json (a vega-lite spec), got ${JSON.stringify(out)}`);
}

/** Chart size for a target, from --width/--height or the defaults. */
export function chartSize(opts: Options, target: ChartTarget): { width: number; height: number } {
  if (target === "terminal") {
    const columns = process.stdout.columns ?? 80;
    return { width: opts.integer("width", 10, Math.max(20, Math.min(columns, 200) - 12), 1000), height: opts.integer("height", 4, 16, 200) };
  }
  return { width: opts.integer("width", 50, 720, 8000), height: opts.integer("height", 50, 360, 8000) };
}

export const plotCommand: Command = {
  name: "plot",
  summary: "Draw one or more schedules on one chart: in the terminal, or to SVG / PNG.",
  usage: ["plot <type> [--<option> VALUE ...] [--out chart.svg|chart.png]", "plot --spec FILE|JSON [--spec ...] [--keras ...] [--torch ...] [--log] [--out FILE]"],
  description: [
    "Without --out the chart is drawn in the terminal with braille characters. --out x.svg renders with",
    "vega-lite in Node, --out x.png rasterises that SVG, --out x.json writes the vega-lite spec. Long",
    "curves keep each pixel column's minimum and maximum, so spikes (restarts, cycles) always show.",
  ],
  scheduleFlags: true,
  options: [
    ...SOURCE_OPTIONS,
    ...RANGE_OPTIONS,
    ...CHART_OPTIONS,
    { name: "out", short: "o", kind: "value", placeholder: "FILE", doc: "chart.svg, chart.png or chart.json (default: the terminal)." },
    { name: "format", short: "f", kind: "value", placeholder: TARGETS.join("|"), doc: "Override the target implied by --out (svg/vega-lite may go to stdout)." },
    { name: "quiet", short: "q", kind: "flag", doc: "No progress bar." },
  ],
  examples: [
    ["plot cosine-restarts --initial-learning-rate 0.1 --first-decay-steps 100 --steps 1500", "SGDR restarts in the terminal"],
    ["plot --spec '[{\"type\":\"cosineDecay\",\"initialLearningRate\":0.1,\"decaySteps\":1000},{\"type\":\"exponentialDecay\",\"initialLearningRate\":0.1,\"decaySteps\":100,\"decayRate\":0.8}]' --out two.svg", "two schedules on one SVG chart"],
    ["plot --keras keras.json --log --out lr.png", "a Keras schedule on a log axis, as PNG"],
  ],
  async run(opts) {
    const schedules = await readSchedules(opts, { min: 1, max: 20 });
    const sampling = readSampling(opts, schedules.map((s) => s.schedule));
    const out = opts.string("out");
    const target = targetOf(out, opts.has("format") ? opts.choice("format", TARGETS, "terminal") : undefined);
    if (target === "png" && (out === undefined || out === "-") && process.stdout.isTTY) {
      throw new UsageError("--format png is binary: give --out FILE or redirect stdout");
    }
    const chart = await drawChart(schedules, sampling, {
      target,
      ...chartSize(opts, target),
      log: opts.flag("log"),
      title: opts.string("title"),
      color: useColor(),
      quiet: opts.flag("quiet"),
    });
    if (target === "terminal" && (out === undefined || out === "-")) await print(chart as string);
    else await writeOutput(out, chart);
  },
};
