import { join } from "node:path";
import { mkdirSync } from "node:fs";
import type { Options } from "../args";
import { print, type Command } from "../command";
import { UsageError, fileError } from "../errors";
import { rangeChartSpec } from "../find/chart";
import { writeOutput } from "../io/output";
import { progress } from "../io/progress";
import { shownPath } from "../io/shownPath";
import { renderPng, renderSvg } from "@lrsched/explore";
import { formatNumber } from "@lrsched/explore";
import { loadMnist } from "../train/mnist";
import { OPTIMIZERS, buildModel, describeModel, type ModelSpec, type OptimizerName } from "../train/model";
import { loadTraining } from "../train/tfjs";
import { version } from "../version";

/** Settings of a range test run from the command line. */
interface FindSettings {
  readonly minLr: number;
  readonly maxLr: number;
  readonly batches: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly train: number;
  readonly model: ModelSpec;
}

const FULL = { batches: 100, train: 8000, hidden: 128 };
const QUICK = { batches: 60, train: 2000, hidden: 64 };

function settings(opts: Options): FindSettings {
  const quick = opts.flag("quick");
  const base = quick ? QUICK : FULL;
  const positive = (v: number) => v > 0;
  const minLr = opts.number("min", 1e-5, positive, "a number > 0");
  const maxLr = opts.number("max", 10, positive, "a number > 0");
  if (!(maxLr > minLr)) throw new UsageError(`--max must be greater than --min (${minLr}), got ${maxLr}`);
  const hidden = opts.numberList("hidden") ?? [base.hidden];
  if (hidden.some((h) => !Number.isInteger(h) || h < 1 || h > 4096)) opts.fail("hidden", "comma-separated layer sizes, integers in 1..4096", opts.string("hidden")!);
  return {
    minLr,
    maxLr,
    batches: opts.integer("batches", 2, base.batches, 100_000),
    batchSize: opts.integer("batch-size", 1, 64, 8000),
    seed: opts.integer("seed", 0, 1, 2 ** 31 - 1),
    train: opts.integer("train", 10, base.train, 8630),
    model: { hidden, optimizer: opts.choice<OptimizerName>("optimizer", OPTIMIZERS, "momentum") },
  };
}

const SUGGESTIONS = [
  ["valley", "valley"],
  ["steepest", "steepest"],
  ["minimum", "minimum/10"],
] as const;

export const findCommand: Command = {
  name: "find",
  summary: "LR range test on MNIST: raise the rate exponentially over N batches and suggest rates (valley, steepest, minimum/10).",
  usage: ["find [--min LR] [--max LR] [--batches N] [--batch-size N] [--seed N] [--quick] [--out DIR]"],
  description: [
    "Trains a fresh 784-128-10 MLP (Momentum 0.9, seeded weights) on 8000 MNIST images while the rate",
    "rises from --min to --max, one step per batch; smooths the loss (moving average, beta 0.98, bias",
    "corrected), stops once it passes 4x its best, and prints three suggestions on stdout, one per line:",
    "valley (half-way along the longest descent), steepest (fastest fall per log rate) and minimum/10.",
    "--out DIR writes range-test.svg / .png (loss vs lr, log x, suggestions marked) and range-test.json.",
    "--quick: 2000 images, a 784-64-10 MLP and 60 batches (well under 30 s).",
  ],
  options: [
    { name: "min", kind: "value", placeholder: "LR", doc: "First rate (default 1e-5)." },
    { name: "max", kind: "value", placeholder: "LR", doc: "Last rate (default 10)." },
    { name: "batches", kind: "value", placeholder: "N", doc: "Batches of the ramp (default 100; 60 with --quick)." },
    { name: "batch-size", kind: "value", placeholder: "N", doc: "Batch size (default 64)." },
    { name: "seed", kind: "value", placeholder: "N", doc: "Seed of the initial weights and batch order (default 1)." },
    { name: "train", kind: "value", placeholder: "N", doc: "MNIST training images (default 8000; 2000 with --quick)." },
    { name: "hidden", kind: "value", placeholder: "N[,N...]", doc: "Hidden layer sizes (default 128; 64 with --quick)." },
    { name: "optimizer", kind: "value", placeholder: OPTIMIZERS.join("|"), doc: "Optimizer (default momentum, 0.9)." },
    { name: "quick", kind: "flag", doc: "A small, fast run." },
    { name: "out", short: "o", kind: "value", placeholder: "DIR", doc: "Write range-test.svg, range-test.png and range-test.json here." },
    { name: "json", kind: "flag", doc: "Print the suggestions as one JSON object instead of lines." },
    { name: "quiet", short: "q", kind: "flag", doc: "No progress bar and no summary on stderr." },
  ],
  examples: [
    ["find --quick", "a fast range test; prints valley, steepest and minimum/10"],
    ["find --min 1e-6 --max 1 --batches 200 --out range", "a finer sweep, with the plot and raw series in range/"],
  ],
  async run(opts) {
    const s = settings(opts);
    const quiet = opts.flag("quiet");
    const out = opts.string("out");
    if (out !== undefined) {
      try {
        mkdirSync(out, { recursive: true });
      } catch (e) {
        throw fileError("create", out, e);
      }
    }
    const started = performance.now();
    const training = await loadTraining();
    const { tf, adapter } = training;
    const data = loadMnist(tf, s.train, 10);
    const model = buildModel(tf, s.model, s.seed);
    const bar = progress(s.batches, "find", quiet);
    let result: Awaited<ReturnType<typeof adapter.rangeTest>>;
    try {
      result = await adapter.rangeTest(model, data.train.xs, data.train.ys, {
        minLr: s.minLr,
        maxLr: s.maxLr,
        batches: s.batches,
        batchSize: s.batchSize,
        seed: s.seed,
        restore: false,
        onBatch: async (b) => {
          bar.update(b.index + 1);
          // let the event loop turn, so Ctrl-C is handled at once rather than after the test
          await new Promise<void>((resolve) => setImmediate(resolve));
        },
      });
    } finally {
      bar.finish();
      model.optimizer?.dispose();
      model.dispose();
      tf.dispose([data.train.xs, data.train.ys, data.validation.xs, data.validation.ys]);
    }
    const seconds = (performance.now() - started) / 1000;
    const found = SUGGESTIONS.flatMap(([key, name]) => {
      const v = result.suggestions[key];
      return v ? [{ key, name, lr: v.lr, index: v.index, loss: v.loss }] : [];
    });
    const what = `${describeModel(s.model)} on ${data.train.count} MNIST images, batch ${s.batchSize}`;
    const last = result.lrs.length;
    const how =
      result.stopped === "diverged"
        ? `stopped at batch ${last} of ${s.batches} (lr ${formatNumber(result.lrs[last - 1])}): the smoothed loss passed 4x its best`
        : `all ${s.batches} batches`;
    if (out !== undefined) {
      const title = `LR range test: ${describeModel(s.model)}, ${data.train.count} MNIST images`;
      const svg = await renderSvg(rangeChartSpec({ ...result, suggestions: found, title }));
      await writeOutput(join(out, "range-test.svg"), svg);
      await writeOutput(join(out, "range-test.png"), await renderPng(svg));
      await writeOutput(join(out, "range-test.json"), `${JSON.stringify(rangeJson(s, result, found, what, seconds), null, 2)}\n`);
    }
    if (opts.flag("json")) {
      await print(JSON.stringify(Object.fromEntries(found.map((f) => [f.key, f.lr]))));
    } else {
      const width = Math.max(...found.map((f) => f.name.length));
      await print(found.map((f) => `${f.name.padEnd(width)}  ${formatNumber(f.lr)}`).join("\n"));
    }
    if (!quiet) {
      const where = out === undefined ? "" : `; wrote ${shownPath(out)}/range-test.{svg,png,json}`;
      process.stderr.write(`lrsched find: ${what}, lr ${formatNumber(s.minLr)} -> ${formatNumber(s.maxLr)}: ${how}; ${seconds.toFixed(1)} s${where}\n`);
    }
  },
};

/** The raw series and the settings, with non-finite losses as null (JSON has no NaN). */
function rangeJson(
  s: FindSettings,
  r: { lrs: number[]; losses: number[]; smoothed: number[]; stopped: string },
  found: readonly { key: string; name: string; lr: number; index: number; loss: number }[],
  what: string,
  seconds: number,
): unknown {
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    lrsched: version(),
    test: what,
    settings: { ...s, beta: 0.98, divergence: 4 },
    stopped: r.stopped,
    seconds: Number(seconds.toFixed(2)),
    suggestions: Object.fromEntries(found.map((f) => [f.key, { lr: f.lr, batch: f.index, smoothedLoss: num(f.loss) }])),
    series: r.lrs.map((lr, i) => ({ batch: i, lr, loss: num(r.losses[i]), smoothed: num(r.smoothed[i]) })),
  };
}
