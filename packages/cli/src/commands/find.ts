import { mkdirSync } from "node:fs";
import { OPTIMIZERS, describeMlp, formatNumber, loadMnist, mlpTopology, rangeTest, type RangeTestOptions, type RangeTestResult } from "@lrsched/explore";
import type { Options } from "../args";
import { print, type Command } from "../command";
import { UsageError, fileError } from "../errors";
import { USER_INPUT_OPTIONS, loadUserInputs, userInputsFromFlags } from "../explore/userInputs";
import { progress } from "../io/progress";
import { exitOnSignals } from "../io/cleanup";
import { shownPath } from "../io/shownPath";

/** Settings of a range test run from the command line. */
interface FindSettings {
  readonly minLr: number;
  readonly maxLr: number;
  readonly batches: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly optimizer: string;
}

const FULL = { batches: 100, train: 8000, hidden: 128 };
const QUICK = { batches: 60, train: 2000, hidden: 64 };

function settings(opts: Options, quick: boolean): FindSettings {
  const positive = (v: number) => v > 0;
  const minLr = opts.number("min", 1e-5, positive, "a number > 0");
  const maxLr = opts.number("max", 10, positive, "a number > 0");
  if (!(maxLr > minLr)) throw new UsageError(`--max must be greater than --min (${minLr}), got ${maxLr}`);
  return {
    minLr,
    maxLr,
    batches: opts.integer("batches", 10, quick ? QUICK.batches : FULL.batches, 100_000),
    batchSize: opts.integer("batch-size", 1, 64, 1 << 24),
    seed: opts.integer("seed", 0, 1, 2 ** 31 - 1),
    optimizer: opts.choice("optimizer", OPTIMIZERS, "momentum"),
  };
}

/** The model and data: yours (--model, --data) or the built-in MNIST MLP. */
async function inputs(opts: Options, quick: boolean): Promise<{ model: RangeTestOptions["model"]; data: RangeTestOptions["data"]; loss?: string; what: string }> {
  const user = userInputsFromFlags(opts);
  if (user) {
    for (const f of ["train", "hidden", "quick"]) if (opts.has(f)) throw new UsageError(`--${f} applies only to the built-in MNIST model, not with --model`);
    const { model, data } = await loadUserInputs(user);
    const loss = opts.string("loss");
    return { model, data, ...(loss ? { loss } : {}), what: `${user.model} on ${user.data}` };
  }
  const base = quick ? QUICK : FULL;
  const hidden = opts.numberList("hidden") ?? [base.hidden];
  if (hidden.some((h) => !Number.isInteger(h) || h < 1 || h > 4096)) opts.fail("hidden", "comma-separated layer sizes, integers in 1..4096", opts.string("hidden")!);
  const train = opts.integer("train", 10, base.train, 8630);
  const mnist = loadMnist(train, 10).train;
  return { model: mlpTopology(hidden), data: { ...mnist, file: "MNIST", target: "digit" }, loss: "sparseCategoricalCrossentropy", what: `${describeMlp(hidden)} on ${mnist.y.length} MNIST images` };
}

export const findCommand: Command = {
  name: "find",
  summary: "LR range test on your model and data (or MNIST): raise the rate exponentially over N batches and suggest rates.",
  usage: ["find [--model FILE --data FILE --target COLUMN] [--min LR] [--max LR] [--batches N] [--batch-size N] [--seed N] [--out DIR]"],
  description: [
    "Trains a fresh model (seeded weights) while the rate rises from --min to --max, one step per batch;",
    "smooths the loss with a moving average spanning about a twentieth of the batches (bias-corrected),",
    "stops once the smoothed loss passes 4x its best, and prints three suggestions, one per line: valley",
    "(half-way along the longest descent), steepest (fastest fall per log rate) and minimum/10, all read",
    "from the descent: up to the lowest smoothed loss before the raw loss diverged, never past it.",
    "--out DIR writes range-test.svg / .png",
    "(raw and smoothed loss vs lr, suggestions marked) and range-test.json. Without --model/--data: a",
    "784-128-10 MLP (momentum 0.9) on 8000 MNIST images; --quick: 2000 images, 64 units, 60 batches.",
  ],
  options: [
    ...USER_INPUT_OPTIONS,
    { name: "min", kind: "value", placeholder: "LR", doc: "First rate (default 1e-5)." },
    { name: "max", kind: "value", placeholder: "LR", doc: "Last rate (default 10)." },
    { name: "batches", kind: "value", placeholder: "N", doc: "Batches of the ramp (default 100; 60 with --quick)." },
    { name: "batch-size", kind: "value", placeholder: "N", doc: "Batch size (default 64)." },
    { name: "seed", kind: "value", placeholder: "N", doc: "Seed of the initial weights and batch order (default 1)." },
    { name: "train", kind: "value", placeholder: "N", doc: "MNIST training images (default 8000; 2000 with --quick)." },
    { name: "hidden", kind: "value", placeholder: "N[,N...]", doc: "Hidden layer sizes of the MNIST MLP (default 128; 64 with --quick)." },
    { name: "optimizer", kind: "value", placeholder: OPTIMIZERS.join("|"), doc: "Optimizer (default momentum, 0.9)." },
    { name: "quick", kind: "flag", doc: "A small, fast run on MNIST." },
    { name: "out", short: "o", kind: "value", placeholder: "DIR", doc: "Write range-test.svg, range-test.png and range-test.json here." },
    { name: "json", kind: "flag", doc: "Print the suggestions as one JSON object instead of lines." },
    { name: "quiet", short: "q", kind: "flag", doc: "No progress bar and no summary on stderr." },
  ],
  examples: [
    ["find --quick", "a fast range test on MNIST; prints valley, steepest and minimum/10"],
    ["find --model model.json --data train.csv --target label --out range", "your model and data, with the chart in range/"],
  ],
  async run(opts) {
    exitOnSignals();
    const quick = opts.flag("quick");
    const s = settings(opts, quick);
    const quiet = opts.flag("quiet");
    const out = opts.string("out");
    if (out !== undefined) {
      try {
        mkdirSync(out, { recursive: true });
      } catch (e) {
        throw fileError("create", out, e);
      }
    }
    const input = await inputs(opts, quick);
    const bar = progress(s.batches, "find", quiet);
    let result: RangeTestResult;
    try {
      result = await rangeTest({
        model: input.model,
        data: input.data,
        ...(input.loss ? { loss: input.loss } : {}),
        minLr: s.minLr,
        maxLr: s.maxLr,
        batches: s.batches,
        batchSize: s.batchSize,
        seed: s.seed,
        optimizer: s.optimizer as RangeTestOptions["optimizer"],
        ...(out === undefined ? {} : { out }),
        name: `LR range test: ${input.what}`,
        onProgress: (b) => bar.update(b.batch),
      });
    } finally {
      bar.finish();
    }
    const found = result.suggestions;
    if (opts.flag("json")) {
      await print(JSON.stringify(Object.fromEntries(found.map((f) => [f.name === "minimum/10" ? "minimum" : f.name, f.lr]))));
    } else {
      const width = Math.max(...found.map((f) => f.name.length));
      await print(found.map((f) => `${f.name.padEnd(width)}  ${formatNumber(f.lr)}`).join("\n"));
    }
    if (!quiet) {
      const last = result.lrs.length;
      const how =
        result.stopped === "diverged"
          ? `stopped at batch ${last} of ${s.batches} (lr ${formatNumber(result.lrs[last - 1])}): the smoothed loss passed 4x its best`
          : `all ${s.batches} batches`;
      const raw = result.rawDivergedAt === null ? "" : `; raw loss diverged at batch ${result.rawDivergedAt + 1} (lr ${formatNumber(result.lrs[result.rawDivergedAt])}), nothing suggested from there on`;
      const where = out === undefined ? "" : `; wrote ${shownPath(out)}/range-test.{svg,png,json}`;
      process.stderr.write(
        `lrsched find: ${input.what}, batch ${result.settings.batchSize}, lr ${formatNumber(s.minLr)} -> ${formatNumber(s.maxLr)}: ${how}${raw}; ${result.seconds.toFixed(1)} s${where}\n`,
      );
    }
  },
};
