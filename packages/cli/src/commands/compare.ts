import { print, type Command } from "../command";
import { UsageError } from "../errors";
import { PLATEAU_OPTIONS, plateauAxis } from "../input/plateau";
import { SOURCE_OPTIONS, readSchedules } from "../input/sources";
import { writeOutput } from "../io/output";
import { drawChart } from "../plot/draw";
import { formatNumber, formatSteps } from "@lrsched/explore";
import { sampleCount } from "../sample";
import { summarize } from "../stats/summary";
import { CHART_OPTIONS, chartOptions, targetOf } from "./plot";
import { RANGE_OPTIONS, readSampling } from "./range";

/** Pads columns: the first left-aligned, the rest right-aligned. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const compareCommand: Command = {
  name: "compare",
  summary: "Summary numbers of several schedules side by side (rate at chosen steps, mean, area, time near peak).",
  usage: ["compare --spec FILE|JSON [--spec ...] [--keras ...] [--torch ...] [--steps N] [--at S,S,...] [--plot FILE|-]", "compare --plateau FILE|JSON --metrics FILE [--steps-per-epoch N] [--spec ...] [--plot FILE|-]"],
  description: [
    "For each schedule over the step range: the rate at each --at step, the mean rate, the area under the",
    "curve (the sum of the rate over the steps), the peak, the minimum, and the number of steps at or above",
    "--above percent of that schedule's own peak. --plot draws the schedules too (- for the terminal).",
    "A --plateau policy is replayed against --metrics FILE (one value per epoch; --steps-per-epoch N steps",
    "each, otherwise a step is an epoch) and sits in the table next to the schedules; past the series it",
    "holds the rate its last value left.",
  ],
  scheduleFlags: true,
  options: [
    ...SOURCE_OPTIONS,
    ...PLATEAU_OPTIONS,
    ...RANGE_OPTIONS,
    { name: "at", kind: "value", placeholder: "S,S,...", doc: "Steps to report the rate at (default: start, 1/4, 1/2, 3/4, last)." },
    { name: "above", kind: "value", placeholder: "PCT", doc: "Count steps at or above this percent of peak (default 50)." },
    { name: "format", short: "f", kind: "value", placeholder: "table|csv|json", doc: "Output format (default table)." },
    { name: "plot", kind: "value", placeholder: "FILE|-", doc: "Also draw the schedules: x.svg, x.png, or - for the terminal." },
    ...CHART_OPTIONS,
    { name: "out", short: "o", kind: "value", placeholder: "FILE", doc: "Write the table to FILE (default: stdout)." },
    { name: "quiet", short: "q", kind: "flag", doc: "No progress bar." },
  ],
  examples: [
    ["compare --spec '[{\"type\":\"cosineDecay\",\"initialLearningRate\":0.1,\"decaySteps\":1000},{\"type\":\"exponentialDecay\",\"initialLearningRate\":0.1,\"decaySteps\":100,\"decayRate\":0.8}]' --steps 1000", "cosine against exponential decay"],
    ["compare --spec a.json --spec b.json --at 0,500,999 --format csv", "rates at chosen steps, as CSV"],
    ["compare --spec a.json --keras b.json --plot - ", "numbers plus a terminal chart"],
    ["compare --spec cosine.json --plateau plateau.json --metrics log.csv --metrics-column val_loss --steps-per-epoch 390", "a schedule against the plateau policy on a recorded run"],
  ],
  async run(opts) {
    const schedules = await readSchedules(opts, { min: 1, max: 20 });
    const sampling = readSampling(opts, schedules.map((s) => s.schedule));
    const last = sampling.start + (sampleCount(sampling) - 1) * sampling.every;
    const at = opts.numberList("at") ?? [0, 0.25, 0.5, 0.75, 1].map((f) => sampling.start + Math.round(((last - sampling.start) * f) / sampling.every) * sampling.every);
    for (const step of at) {
      if (!Number.isInteger(step) || step < 0) throw new UsageError(`--at must list non-negative integer steps, got ${step}`);
      // a rate outside the compared steps is not part of this comparison (and may not exist)
      if (step < sampling.start || step > last) {
        throw new UsageError(`--at ${step} is outside the steps compared (${sampling.start} to ${last}): widen --steps or --start, or drop it`);
      }
    }
    const steps = [...new Set(at)];
    const pct = opts.number("above", 50, (v) => v >= 0 && v <= 100, "a percentage in [0, 100]");
    const format = opts.choice("format", ["table", "csv", "json"] as const, "table");
    const plotTo = opts.string("plot");
    const plotTarget = plotTo === undefined ? undefined : targetOf(plotTo);

    const rows = schedules.map(({ label, schedule }) => ({ label, ...summarize(schedule, sampling, steps, pct / 100) }));
    let text: string;
    if (format === "json") {
      text = JSON.stringify(
        rows.map((r) => ({ label: r.label, at: Object.fromEntries(steps.map((s, i) => [s, r.at[i]])), mean: r.mean, area: r.area, peak: r.peak, min: r.min, stepsAbove: r.stepsAbove })),
        null,
        2,
      );
    } else {
      const head = ["schedule", ...steps.map((s) => `lr@${format === "csv" ? s : formatSteps(s)}`), "mean", "area", "peak", "min", `steps>=${pct}%peak`];
      const cell = (v: number) => (format === "csv" ? String(v) : formatNumber(v));
      const body = rows.map((r) => [r.label, ...r.at.map(cell), cell(r.mean), cell(r.area), cell(r.peak), cell(r.min), String(r.stepsAbove)]);
      text = format === "csv" ? [head, ...body].map((r) => r.map(csvCell).join(",")).join("\n") : table([head, ...body]);
    }
    const out = opts.string("out");
    if (out === undefined || out === "-") await print(text);
    else await writeOutput(out, `${text}\n`);

    if (plotTo !== undefined && plotTarget !== undefined) {
      const chart = await drawChart(schedules, sampling, { target: plotTarget, ...chartOptions(opts, plotTarget), ...plateauAxis(opts) });
      if (plotTarget === "terminal") await print(`\n${chart as string}`);
      else await writeOutput(plotTo, chart);
    }
  },
};
