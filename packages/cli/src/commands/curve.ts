import { basename } from "node:path";
import type { Command } from "../command";
import { LrschedError } from "@lrsched/ts-api";
import { UsageError } from "../errors";
import { negativeRates } from "../negatives";
import { FORMATS, encoderFor, formatOfPath, type Format } from "../format";
import { SOURCE_OPTIONS, readSchedules } from "../input/sources";
import { torchConfigOf } from "../input/torch";
import { openOutput } from "../io/output";
import { progress } from "../io/progress";
import { sampleCount, sampled } from "../sample";
import { RANGE_OPTIONS, readSampling } from "./range";

const BINARY: readonly Format[] = ["npy", "f32", "f64"];

/** Values per piece of text output (csv, json): about 2 MB of text at a time. */
const TEXT_SLICE = 1 << 13;

/** A float32 output too narrow for the rates, in this command's terms (the library speaks of arrays). */
function float32Advice(e: unknown, format: Format): unknown {
  const m = e instanceof LrschedError ? /^is float32, which (cannot hold .*): use / .exec(e.rule) : null;
  if (!m) return e;
  const use = format === "npy" ? "--dtype float64" : "--format f64 (or npy with --dtype float64)";
  return new UsageError(`float32 output ${m[1]}: use ${use}`, { cause: e });
}

/**
 * The format --out's extension names; csv for stdout or a name without an extension. An
 * extension lrsched does not write (`x.xyz`) is refused rather than filled with CSV.
 */
function formatFromOut(out: string | undefined): Format {
  if (out === undefined || out === "-") return "csv";
  const ext = basename(out).match(/\.([^.]+)$/)?.[1];
  if (ext === undefined) return "csv";
  const format = formatOfPath(out);
  if (format === undefined) {
    throw new UsageError(`--out ${out}: .${ext} is not a format lrsched writes (${FORMATS.join(", ")}): rename it or give --format`);
  }
  return format;
}

export const curveCommand: Command = {
  name: "curve",
  summary: "Write a schedule's learning rates (csv, json, npy, raw f32/f64), streamed in constant memory.",
  usage: ["curve <type> [--<option> VALUE ...] [--steps N] [--format F] [--out FILE]", "curve --spec FILE|JSON | --keras FILE|JSON | --torch FILE|JSON [...]"],
  description: [
    "Values are computed chunk by chunk, so any length (1e9 steps) streams in constant memory; from 1e7",
    "steps on, each chunk is computed over every core (the values are the same bit for bit). A file is",
    "written beside its target and renamed into place when complete: a failed or interrupted run never",
    "leaves a truncated file. csv has a `step,lr` header; json is {schedule, start, every, count, lr: [...]};",
    "npy is NumPy format 1.0 ('<f4' unless --dtype float64); f32/f64 are raw little-endian floats.",
    "A progress bar appears on stderr for runs over a second when stderr is a terminal.",
  ],
  scheduleFlags: true,
  options: [
    ...SOURCE_OPTIONS,
    ...RANGE_OPTIONS,
    { name: "format", short: "f", kind: "value", placeholder: FORMATS.join("|"), doc: "Output format (default: from --out's extension, else csv; another extension needs --format)." },
    { name: "dtype", kind: "value", placeholder: "float32|float64", doc: "Element type of npy output (default float32)." },
    { name: "out", short: "o", kind: "value", placeholder: "FILE", doc: "Output file (default: stdout)." },
    { name: "quiet", short: "q", kind: "flag", doc: "No progress bar." },
  ],
  examples: [
    ["curve cosine --initial-learning-rate 0.1 --decay-steps 1000 --steps 1000", "a cosine decay as CSV on stdout"],
    ["curve exponential --initial-learning-rate 0.15 --decay-steps 100000 --decay-rate 0.8 --staircase --steps 1e6 --every 1000 -o exp.csv", "the seed's staircase decay, every 1000th step"],
    ["curve --spec schedule.json --steps 1e9 --format f32 -o lr.f32", "a billion steps of raw float32, streamed"],
    ["curve piecewise --boundaries 100,200 --values 1,0.5,0.1 --steps 300 -o pw.npy", "a NumPy array (np.load('pw.npy'))"],
  ],
  async run(opts) {
    const [{ schedule }] = await readSchedules(opts, { min: 1, max: 1 });
    const sampling = readSampling(opts, [schedule]);
    const out = opts.string("out");
    const format = opts.has("format") ? opts.choice("format", FORMATS, "csv") : formatFromOut(out);
    const dtype = opts.choice("dtype", ["float32", "float64"] as const, "float32");
    if (opts.has("dtype") && format !== "npy") {
      throw new UsageError(`--dtype applies to --format npy only (f32, f64, csv and json fix their own precision)`);
    }
    if (BINARY.includes(format) && (out === undefined || out === "-") && process.stdout.isTTY) {
      throw new UsageError(`--format ${format} is binary: give --out FILE or redirect stdout`);
    }
    let spec: unknown = null;
    try {
      spec = schedule.toSpec();
    } catch {
      // a stateful PyTorch scheduler has no spec: json carries its _target_ config instead
      spec = torchConfigOf(schedule) ?? null;
    }
    const encoder = encoderFor(format, dtype, { spec, start: sampling.start, every: sampling.every });
    const count = sampleCount(sampling);
    const bar = progress(count, `curve ${count} values`, opts.flag("quiet"));
    const negatives = negativeRates();
    const sink = await openOutput(out);
    try {
      await sink.write(encoder.header(count));
      let index = 0;
      // a long curve is computed over every core (worker_threads), bit-identical to one core
      for (const { firstStep, values } of sampled(schedule, sampling, encoder.dtype, { parallel: true })) {
        // text is written a slice at a time: a whole chunk's text would be ~30 bytes per value
        // held at once (and as many small strings), where binary output is the chunk itself
        const slice = BINARY.includes(format) ? values.length : TEXT_SLICE;
        for (let i = 0; i < values.length; i += slice) {
          const part = values.subarray(i, i + slice);
          await sink.write(encoder.chunk(part, firstStep + i * sampling.every, sampling.every, index));
          index += part.length;
          negatives.count(part, firstStep + i * sampling.every, sampling.every);
        }
        bar.update(index);
      }
      await sink.write(encoder.footer());
      await sink.commit();
    } catch (e) {
      await sink.abort();
      throw float32Advice(e, format);
    } finally {
      bar.finish();
    }
    const warning = negatives.warning();
    if (warning !== undefined) process.stderr.write(`lrsched curve: ${warning}\n`);
  },
};
