import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { DEFAULT_PEAK, LOSSES, METRICS, OPTIMIZERS, defaultSchedules, lossName, loadMnist, mergeSweeps, mlpTopology, parseShard, sweep, type SweepOptions, type SweepProgress, type SweepResult } from "@lrsched/explore";
import { LrschedError } from "@lrsched/ts-api";
import { parseNumberList, type Options } from "../args";
import { print, type Command } from "../command";
import { UsageError, fileError } from "../errors";
import { USER_INPUT_OPTIONS, loadUserInputs, userInputsFromFlags } from "../explore/userInputs";
import { readJsonInput } from "../input/sources";
import { exitOnSignals } from "../io/cleanup";
import { shownPath } from "../io/shownPath";
import { duration, sweepProgress } from "../io/sweepProgress";
import { DEFAULT_SWEEP, QUICK, configError, validateConfig, type SweepConfig } from "../sweep/config";
import { summaryText } from "../sweep/table";

/** Where the config came from, for messages: `--config FILE`, `--config`, or the built-in sweep. */
function configSource(opts: Options): string {
  const raw = opts.string("config");
  return raw === undefined ? "the built-in sweep" : /^\s*[[{]/.test(raw) ? "--config" : `--config ${raw}`;
}

/** The config after --config and the flags that override it. */
function readConfig(opts: Options): SweepConfig {
  const raw = opts.string("config");
  let config = DEFAULT_SWEEP;
  if (raw !== undefined) {
    const { value, where } = readJsonInput("config", raw);
    try {
      config = validateConfig(value, DEFAULT_SWEEP, where === "--config" ? undefined : raw);
    } catch (e) {
      throw configError(where, e);
    }
  }
  const user = userInputsFromFlags(opts);
  if (user) {
    config = {
      ...config,
      model: { file: user.model },
      data: {
        file: user.data,
        target: user.target,
        ...(user.ignore ? { ignore: user.ignore } : {}),
        ...(user.validation ? { validation: user.validation } : {}),
        ...(user.validationFraction ? { validationFraction: user.validationFraction } : {}),
      },
    };
  }
  // the built-in schedules follow --peak, and --quick's three epochs get a plateau patience of 1
  const builtIn = config.schedules === DEFAULT_SWEEP.schedules;
  const quick = opts.flag("quick");
  if (quick) {
    if (!("dataset" in config.data) || !("hidden" in config.model)) throw new UsageError("--quick applies only to the built-in MNIST sweep (use --epochs and --seed with your own model)");
    config = { ...config, data: QUICK.data, model: { hidden: QUICK.hidden }, epochs: QUICK.epochs, seeds: QUICK.seeds };
  }
  if (opts.has("peak") && !builtIn) throw new UsageError("--peak scales the built-in schedules; the config lists its own");
  if (builtIn) config = { ...config, schedules: defaultSchedules(opts.number("peak", DEFAULT_PEAK, (v) => v > 0, "a number > 0"), quick ? QUICK.patience : undefined) };
  if (opts.has("epochs")) config = { ...config, epochs: opts.integer("epochs", 1, config.epochs, 1000) };
  if (opts.has("batch-size")) config = { ...config, batchSize: opts.integer("batch-size", 1, config.batchSize, 1 << 24) };
  if (opts.has("optimizer")) config = { ...config, optimizer: opts.choice("optimizer", OPTIMIZERS, "momentum") };
  if (opts.has("loss")) {
    const loss = opts.string("loss") as string;
    try {
      config = { ...config, loss: lossName(loss) };
    } catch {
      opts.fail("loss", `one of ${LOSSES.join(", ")} (or mse, mae, snake_case names)`, loss);
    }
  }
  if (opts.has("metric")) config = { ...config, metric: opts.choice("metric", METRICS, "accuracy") };
  const rawSeeds = opts.string("seed");
  if (rawSeeds !== undefined) {
    const seeds = parseNumberList(rawSeeds) ?? [];
    if (seeds.length === 0 || seeds.some((s) => !Number.isInteger(s) || s < 0 || s > 2 ** 31 - 1) || new Set(seeds).size !== seeds.length) {
      opts.fail("seed", "an integer >= 0, or several different ones separated by commas", rawSeeds);
    }
    config = { ...config, seeds };
  }
  return config;
}

/** The sweep() options for a config: the built-in MNIST MLP, or your model and data. */
async function sweepOptions(config: SweepConfig): Promise<Pick<SweepOptions, "model" | "data" | "loss" | "validationFraction">> {
  if ("file" in config.data || "file" in config.model) {
    if (!("file" in config.data) || !("file" in config.model)) throw new UsageError("a sweep on your own model needs both model.file and data.file (or --model and --data)");
    const { model, data } = await loadUserInputs({ model: config.model.file, data: config.data.file, target: config.data.target, ignore: config.data.ignore, validation: config.data.validation });
    return { model, data, ...(config.data.validationFraction ? { validationFraction: config.data.validationFraction } : {}) };
  }
  const mnist = loadMnist(config.data.train, config.data.validation);
  return {
    model: mlpTopology(config.model.hidden),
    data: { train: { ...mnist.train, file: "MNIST", target: "digit" }, validation: { ...mnist.validation, file: "MNIST", target: "digit" } },
    loss: "sparseCategoricalCrossentropy",
  };
}

/** "epoch 3/10  lr 0.05  loss 0.2345  val loss 0.3012  val accuracy 91.20 %  (1.2 s)". */
function epochLine(e: Extract<SweepProgress, { type: "epoch" }>, metric: string | undefined): string {
  const r = e.record;
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "NaN");
  const m = metric === "accuracy" || metric === undefined ? `val acc ${Number.isFinite(r.valMetric) ? `${(r.valMetric * 100).toFixed(2)} %` : "n/a"}` : metric === "loss" ? "" : `val ${metric} ${f(r.valMetric)}`;
  return `[${e.run.n}/${e.run.of}] ${e.run.label} (seed ${e.run.seed}): epoch ${r.epoch}/${e.epochs}  lr ${Number(r.lr.toPrecision(3))}  loss ${f(r.loss)}  val loss ${f(r.valLoss)}${m ? `  ${m}` : ""}  (${r.seconds.toFixed(1)} s)`;
}

function makeDir(dir: string): void {
  try {
    mkdirSync(join(dir, "runs"), { recursive: true });
  } catch (e) {
    throw fileError("create", dir, e);
  }
}

/** Prints the table and verdict of a complete result, or what is still missing. */
async function report(result: SweepResult, dir: string, say: (line: string) => void, trained: number, seconds: number): Promise<void> {
  if (result.complete) {
    await print(summaryText(result));
    say(`${trained} run(s) trained, ${result.runs.length - trained} from cache, ${seconds.toFixed(1)} s; open ${join(shownPath(dir), "index.html")}`);
    return;
  }
  const total = result.schedules.length * result.seeds.length;
  say(
    `${trained} run(s) trained, ${result.runs.length - trained} from cache, ${seconds.toFixed(1)} s; ${result.missing.length} of ${total} runs belong to other shards: when they are done, run the same sweep without --shard (same directory) or 'lrsched sweep merge DIR... --out DIR'`,
  );
}

async function runMerge(opts: Options, say: (line: string) => void): Promise<void> {
  const dirs = opts.positionals.slice(1);
  if (dirs.length === 0) throw new UsageError("sweep merge needs the sweep directories to merge: lrsched sweep merge DIR... --out DIR");
  const out = opts.string("out");
  if (out === undefined) throw new UsageError("sweep merge needs --out DIR (where the merged report goes)");
  makeDir(out);
  const started = performance.now();
  const result = await mergeSweeps(dirs, out);
  await print(summaryText(result));
  say(`merged ${result.runs.length} runs from ${dirs.length} director${dirs.length > 1 ? "ies" : "y"} in ${duration((performance.now() - started) / 1000)}; open ${join(shownPath(out), "index.html")}`);
}

export const sweepCommand: Command = {
  name: "sweep",
  summary: "Train a model under several schedules, several seeds each, and say whether any schedule lifts it over a fixed rate.",
  usage: [
    "sweep [--model FILE --data FILE --target COLUMN] [--config FILE|JSON] [--seed N,N,...] [--shard K/N] [--out DIR]",
    "sweep merge DIR... --out DIR",
  ],
  description: [
    "Every schedule is trained with every seed; a seed fixes the initial weights, the batch order and the",
    "validation split, so schedules are compared paired by seed. The summary gives each schedule's",
    "validation metric after the last epoch (mean and 95 % Student-t interval over seeds) and its paired",
    "difference to the fixed-rate baseline; the verdict calls a lift real only when that interval excludes 0.",
    "Writes DIR/index.html (charts inline, works offline), results.json and results.csv. Finished runs are",
    "kept in DIR/runs/: rerun after an interruption and only missing runs train. --shard K/N trains only",
    "runs i with i mod N = K-1 (for job arrays); 'sweep merge' gathers shard directories into one report.",
    "Without --config: seven schedules and the plateau policy (factor 0.2 after 5 epochs without a 1 %",
    "better validation loss), all at peak 0.05 (--peak moves it). Without --model/--data: a 784-128-10",
    "MNIST MLP (momentum 0.9, batch 64, 10 epochs, 8000/2000 images, seeds 1,2,3); --quick: 2000/500",
    "images, a 32-unit layer, 3 epochs, seeds 1,2, plateau patience 1. In a config, step fields may be",
    "{\"epochs\": n} or {\"fraction\": f}; an entry {label, plateau: {lr, factor, patience, ...}} is the",
    "plateau policy (PyTorch's ReduceLROnPlateau options).",
  ],
  positionals: true,
  options: [
    ...USER_INPUT_OPTIONS,
    { name: "config", short: "c", kind: "value", placeholder: "FILE|JSON", doc: "Sweep configuration (schedules, model, data, epochs, ...; see the README)." },
    { name: "out", short: "o", kind: "value", placeholder: "DIR", doc: "Report directory (default report)." },
    { name: "seed", kind: "value", placeholder: "N[,N...]", doc: "Seeds (default 1,2,3; 1,2 with --quick)." },
    { name: "shard", kind: "value", placeholder: "K/N", doc: "Train only shard K of N (1-based) of the runs." },
    { name: "epochs", kind: "value", placeholder: "N", doc: "Override the config's epochs." },
    { name: "batch-size", kind: "value", placeholder: "N", doc: "Override the config's batch size." },
    { name: "optimizer", kind: "value", placeholder: "NAME", doc: "sgd, momentum (0.9), adam or rmsprop (default momentum)." },
    { name: "metric", kind: "value", placeholder: "NAME", doc: "accuracy, loss, mse or mae (default: accuracy for classes, loss otherwise)." },
    { name: "peak", kind: "value", placeholder: "LR", doc: "Peak rate of the built-in schedules (default 0.05); e.g. a range test's suggestion." },
    { name: "quick", kind: "flag", doc: "The built-in sweep, small and fast (about a minute)." },
    { name: "quiet", short: "q", kind: "flag", doc: "No progress on stderr." },
  ],
  examples: [
    ["sweep --quick", "the built-in schedules on MNIST, two seeds, in about a minute; open report/index.html"],
    ["sweep --model model.json --data train.csv --target label --out sweep", "your model and data, three seeds"],
    ["sweep --config sweep.json --shard 2/4 --out /shared/sweep", "one shard of four (a job array task)"],
    ["sweep merge shard-1 shard-2 shard-3 --out sweep", "one report from shard directories"],
  ],
  async run(opts) {
    exitOnSignals();
    const quiet = opts.flag("quiet");
    const say = (line: string) => {
      if (!quiet) process.stderr.write(`lrsched sweep: ${line}\n`);
    };
    if (opts.positionals[0] === "merge") return runMerge(opts, say);
    if (opts.positionals.length > 0) throw new UsageError(`unexpected argument '${opts.positionals[0]}' (the one subcommand is 'merge')`);
    const config = readConfig(opts);
    const rawShard = opts.string("shard");
    const shard = rawShard === undefined ? undefined : parseShard(rawShard) ?? opts.fail("shard", "K/N with 1 <= K <= N, e.g. 2/4", rawShard);
    const dir = opts.string("out") ?? "report";
    makeDir(dir);
    const inputs = await sweepOptions(config);
    const progress = sweepProgress(quiet, say, (e) => epochLine(e, config.metric));
    // the built-in sweep's title names MNIST: your data gets a title of its own
    const named = !(config.name === DEFAULT_SWEEP.name && "file" in config.data);
    const title = named ? config.name : basename((config.data as { file: string }).file);
    let trained = 0;
    const started = performance.now();
    let result: SweepResult;
    try {
      result = await sweep({
        ...inputs,
        ...(named ? { name: config.name } : {}),
        schedules: config.schedules,
        ...(config.baseline === undefined ? {} : { baseline: config.baseline }),
        epochs: config.epochs,
        batchSize: config.batchSize,
        optimizer: config.optimizer as SweepOptions["optimizer"],
        ...(config.loss === undefined ? {} : { loss: config.loss }),
        ...(config.metric === undefined ? {} : { metric: config.metric }),
        seeds: config.seeds,
        out: dir,
        ...(shard ? { shard } : {}),
        onProgress: (e) => {
          if (e.type === "plan") {
            say(`${title}: ${e.runs} runs (${config.schedules.length} schedules x ${config.seeds.length} seeds)${shard ? `, shard ${shard.index}/${shard.count}` : ""}: ${e.toTrain} to train, ${e.cached} cached${e.otherShards ? `, ${e.otherShards} for other shards` : ""}`);
          }
          if (e.type === "done") trained = e.trained;
          progress.onProgress(e);
        },
      });
    } catch (e) {
      // a schedule or baseline that does not fit: name the config it came from
      if (e instanceof LrschedError && /^(schedules|baseline)/.test(e.path)) throw configError(configSource(opts), e);
      throw e;
    } finally {
      progress.finish();
    }
    await report(result, dir, say, trained, (performance.now() - started) / 1000);
  },
};
