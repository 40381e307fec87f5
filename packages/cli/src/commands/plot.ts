import type { OptionSpec, Options } from "../args";
import { print, type Command } from "../command";
import { UsageError } from "../errors";
import { PLATEAU_OPTIONS, plateauAxis } from "../input/plateau";
import { SOURCE_OPTIONS, readSchedules } from "../input/sources";
import { writeOutput } from "../io/output";
import { drawChart, useColor, type ChartTarget, type DrawOptions } from "../plot/draw";
import { RANGE_OPTIONS, readSampling } from "./range";

const TARGETS = ["terminal", "svg", "png", "pdf", "vega-lite"] as const;

/** Options shared by `plot` and `compare --plot`. */
export const CHART_OPTIONS: readonly OptionSpec[] = [
  { name: "log", kind: "flag", doc: "Logarithmic learning-rate axis, ticks at 1e-n (non-positive rates are left out)." },
  { name: "title", kind: "value", placeholder: "TEXT", doc: "Chart title." },
  { name: "xlabel", kind: "value", placeholder: "TEXT", doc: "Title of the x axis (default: step, or epoch with an epoch axis)." },
  { name: "ylabel", kind: "value", placeholder: "TEXT", doc: "Title of the rate axis (default: learning rate)." },
  { name: "ymin", kind: "value", placeholder: "NUM", doc: "Bottom of the rate axis (default: 0, or a whole decade with --log)." },
  { name: "ymax", kind: "value", placeholder: "NUM", doc: "Top of the rate axis (default: just above the peak)." },
  { name: "steps-per-epoch", kind: "value", placeholder: "N", doc: "Label the x axis in epochs of N steps." },
  { name: "epochs-per-step", kind: "value", placeholder: "F", doc: "Label the x axis in epochs, F epochs per step (1/N of --steps-per-epoch)." },
  { name: "width", kind: "value", placeholder: "N", doc: "Width: pixels for svg/png/pdf (default 720), characters in the terminal (default: fit)." },
  { name: "height", kind: "value", placeholder: "N", doc: "Height: pixels for svg/png/pdf (default 360), lines in the terminal (default 16)." },
  { name: "scale", kind: "value", placeholder: "N", doc: "PNG pixel density: 2 gives twice the pixels, text and lines included (default 1)." },
];

/** The chart target an output path implies. */
export function targetOf(out: string | undefined, forced?: ChartTarget): ChartTarget {
  if (forced) return forced;
  if (out === undefined || out === "-") return "terminal";
  const ext = out.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "svg" || ext === "png" || ext === "pdf") return ext;
  if (ext === "json") return "vega-lite";
  throw new UsageError(`--out must end in .svg, .png, .pdf or .json (a vega-lite spec), got ${JSON.stringify(out)}`);
}

/** Chart size for a target, from --width/--height or the defaults. */
export function chartSize(opts: Options, target: ChartTarget): { width: number; height: number } {
  if (target === "terminal") {
    const columns = process.stdout.columns ?? 80;
    return { width: opts.integer("width", 10, Math.max(20, Math.min(columns, 200) - 12), 1000), height: opts.integer("height", 4, 16, 200) };
  }
  return { width: opts.integer("width", 50, 720, 8000), height: opts.integer("height", 50, 360, 8000) };
}

/** Steps to epochs: --steps-per-epoch N or --epochs-per-step F, at most one of them. */
function xPerStep(opts: Options): number {
  if (opts.has("steps-per-epoch") && opts.has("epochs-per-step")) throw new UsageError("give --steps-per-epoch or --epochs-per-step, not both");
  const positive = (v: number) => v > 0;
  if (opts.has("steps-per-epoch")) return 1 / opts.number("steps-per-epoch", 1, positive, "a number > 0");
  return opts.number("epochs-per-step", 1, positive, "a number > 0");
}

/** Everything --log, --title, --xlabel, ..., --scale ask of a chart for `target`. */
export function chartOptions(opts: Options, target: ChartTarget): Omit<DrawOptions, "target"> {
  const log = opts.flag("log");
  const bound = (name: string) => (opts.has(name) ? opts.number(name, 0, (v) => !log || v > 0, log ? "a number > 0 with --log" : "a finite number") : undefined);
  const yMin = bound("ymin");
  const yMax = bound("ymax");
  if (yMin !== undefined && yMax !== undefined && yMin >= yMax) throw new UsageError(`--ymin must be below --ymax, got ${yMin} and ${yMax}`);
  if (opts.has("scale") && target !== "png") throw new UsageError("--scale sets a PNG's pixel density; SVG and PDF are vector (use --width/--height)");
  const scale = opts.number("scale", 1, (v) => v > 0 && v <= 16, "a number in (0, 16]");
  return {
    ...chartSize(opts, target),
    log,
    title: opts.string("title"),
    xTitle: opts.string("xlabel"),
    yTitle: opts.string("ylabel"),
    yMin,
    yMax,
    xPerStep: xPerStep(opts),
    scale,
    color: useColor(),
    quiet: opts.flag("quiet"),
  };
}

export const plotCommand: Command = {
  name: "plot",
  summary: "Draw one or more schedules on one chart: in the terminal, or to SVG / PNG.",
  usage: ["plot <type> [--<option> VALUE ...] [--out chart.svg|chart.png]", "plot --spec FILE|JSON [--spec ...] [--keras ...] [--torch ...] [--log] [--out FILE]", "plot --plateau FILE|JSON [--plateau ...] --metrics FILE [--steps-per-epoch N] [--spec ...] [--out FILE]"],
  description: [
    "Without --out the chart is drawn in the terminal with braille characters. --out x.svg renders with",
    "vega-lite in Node, --out x.png rasterises that SVG (--scale 2 for print), --out x.pdf writes it as a",
    "vector PDF, --out x.json writes the vega-lite spec. Long curves keep each pixel column's minimum and",
    "maximum, so spikes (restarts, cycles) always show. A schedule that ends (totalSteps, a one-shot",
    "decay) is drawn to its end unless --steps says otherwise.",
    "--plateau with --metrics FILE draws how PyTorch's ReduceLROnPlateau would have moved the rate on a",
    "run that recorded that metric (one value per epoch; --steps-per-epoch N draws each of the epoch's N",
    "steps, otherwise a step is an epoch).",
  ],
  scheduleFlags: true,
  options: [
    ...SOURCE_OPTIONS,
    ...PLATEAU_OPTIONS,
    ...RANGE_OPTIONS,
    ...CHART_OPTIONS,
    { name: "out", short: "o", kind: "value", placeholder: "FILE", doc: "chart.svg, chart.png, chart.pdf or chart.json (default: the terminal)." },
    { name: "format", short: "f", kind: "value", placeholder: TARGETS.join("|"), doc: "Override the target implied by --out (svg/vega-lite may go to stdout)." },
    { name: "quiet", short: "q", kind: "flag", doc: "No progress bar." },
  ],
  examples: [
    ["plot cosine-restarts --initial-learning-rate 0.1 --first-decay-steps 100 --steps 1500", "SGDR restarts in the terminal"],
    ["plot --spec '[{\"type\":\"cosineDecay\",\"initialLearningRate\":0.1,\"decaySteps\":1000},{\"type\":\"exponentialDecay\",\"initialLearningRate\":0.1,\"decaySteps\":100,\"decayRate\":0.8}]' --out two.svg", "two schedules on one SVG chart"],
    ["plot --keras keras.json --log --out lr.png", "a Keras schedule on a log axis, as PNG"],
    ["plot --spec spec.json --steps-per-epoch 390 --ylabel 'LR' --scale 2 --out fig.png", "for a paper: epochs on x, twice the pixels"],
    ["plot --spec spec.json --title 'Schedule' --out fig.pdf", "a vector PDF"],
    ["plot --plateau '{\"lr\":0.1,\"factor\":0.2,\"patience\":5,\"threshold\":0.01}' --metrics val_loss.txt --steps-per-epoch 390", "the plateau policy on a recorded validation loss"],
  ],
  async run(opts) {
    const schedules = await readSchedules(opts, { min: 1, max: 20 });
    const sampling = readSampling(opts, schedules.map((s) => s.schedule));
    const out = opts.string("out");
    const target = targetOf(out, opts.has("format") ? opts.choice("format", TARGETS, "terminal") : undefined);
    if ((target === "png" || target === "pdf") && (out === undefined || out === "-") && process.stdout.isTTY) {
      throw new UsageError(`--format ${target} is binary: give --out FILE or redirect stdout`);
    }
    const chart = await drawChart(schedules, sampling, { target, ...chartOptions(opts, target), ...plateauAxis(opts) });
    if (target === "terminal" && (out === undefined || out === "-")) await print(chart as string);
    else await writeOutput(out, chart);
  },
};
