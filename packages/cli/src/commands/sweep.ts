import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseNumberList, type Options } from "../args";
import { print, type Command } from "../command";
import { fileError } from "../errors";
import { readJsonInput } from "../input/sources";
import { writeOutput } from "../io/output";
import { shownPath } from "../io/shownPath";
import { readRun, runKey, writeRun, type RunRecord } from "../sweep/cache";
import { lrChartSvg, overviewSvg, scheduleSvg } from "../sweep/charts";
import { configError, resolveSchedules, stepsPerEpoch, validateConfig, type SweepConfig } from "../sweep/config";
import { DEFAULT_SWEEP, QUICK } from "../sweep/defaultSweep";
import { reportHtml } from "../sweep/html";
import { meanCurves, percent, rankSchedules, rankedText, resultsCsv } from "../sweep/results";
import { trainRun } from "../train/fit";
import { loadMnist, splitSizes } from "../train/mnist";
import { describeModel } from "../train/model";
import { loadTraining } from "../train/tfjs";
import { version } from "../version";

/** The config after --config, --quick, --epochs and --seed. */
function readConfig(opts: Options): SweepConfig {
  const raw = opts.string("config");
  let config = DEFAULT_SWEEP;
  if (raw !== undefined) {
    const { value, where } = readJsonInput("config", raw);
    try {
      config = validateConfig(value, DEFAULT_SWEEP);
    } catch (e) {
      throw configError(where, e);
    }
  }
  if (opts.flag("quick")) config = { ...config, data: QUICK.data, model: { ...config.model, hidden: QUICK.hidden }, epochs: QUICK.epochs };
  if (opts.has("epochs")) config = { ...config, epochs: opts.integer("epochs", 1, config.epochs, 1000) };
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

export const sweepCommand: Command = {
  name: "sweep",
  summary: "Train one MNIST model under several schedules (same seed, same batches) and write an HTML report with the winner.",
  usage: ["sweep [--config FILE|JSON] [--out DIR] [--quick] [--seed N[,N...]] [--epochs N]"],
  description: [
    "Without --config: constant vs step vs exponential vs cosine vs warm-up + cosine vs cyclic vs",
    "one-cycle, all peaking at 0.05, on a 784-128-10 MLP (Momentum 0.9, batch 64) trained for 10 epochs",
    "on 8000 MNIST images and validated on 2000. Every run starts from the same seeded weights and sees",
    "the same seeded batch order. Writes DIR/index.html (charts inline, works offline), results.json and",
    "results.csv, and prints the ranked table. Finished runs are kept in DIR/runs/: run the same command",
    "again after an interruption and only the missing runs train. --quick: 2000/500 images, a 32-unit",
    "hidden layer, 3 epochs (under a minute). In a config, step fields may be {\"epochs\": n} or",
    "{\"fraction\": f} of the run; see the README for the schema.",
  ],
  options: [
    { name: "config", short: "c", kind: "value", placeholder: "FILE|JSON", doc: "Sweep configuration (default: the embedded seven-schedule sweep)." },
    { name: "out", short: "o", kind: "value", placeholder: "DIR", doc: "Report directory (default report)." },
    { name: "quick", kind: "flag", doc: "A small, fast sweep (well under a minute)." },
    { name: "seed", kind: "value", placeholder: "N[,N...]", doc: "Seed(s) of weights and batch order; several give means (default 1)." },
    { name: "epochs", kind: "value", placeholder: "N", doc: "Override the config's epochs." },
    { name: "quiet", short: "q", kind: "flag", doc: "No progress on stderr." },
  ],
  examples: [
    ["sweep --quick", "the seven schedules in under a minute; open report/index.html"],
    ["sweep --seed 1,2,3 --out /tmp/sweep", "the full sweep with three seeds (re-run it to resume)"],
    ["sweep --config sweep.json --out results", "your own schedules"],
  ],
  async run(opts) {
    const config = readConfig(opts);
    const schedules = (() => {
      try {
        return resolveSchedules(config);
      } catch (e) {
        const raw = opts.string("config");
        throw configError(raw === undefined ? "the embedded sweep" : /^\s*[[{]/.test(raw) ? "--config" : `--config ${raw}`, e);
      }
    })();
    const quiet = opts.flag("quiet");
    const say = (line: string) => {
      if (!quiet) process.stderr.write(`lrsched sweep: ${line}\n`);
    };
    const dir = opts.string("out") ?? "report";
    try {
      mkdirSync(join(dir, "runs"), { recursive: true });
    } catch (e) {
      throw fileError("create", dir, e);
    }

    const started = performance.now();
    const training = await loadTraining();
    const { tf } = training;
    const perEpoch = stepsPerEpoch(config);
    const sizes = splitSizes(config.data.train, config.data.validation);
    const total = config.seeds.length * schedules.length;
    say(`${config.name}: ${schedules.length} schedules x ${config.seeds.length} seed(s), ${describeModel(config.model)}, ${config.epochs} epochs x ${perEpoch} steps, ${sizes.train} training / ${sizes.validation} validation images, backend ${training.backend}`);
    let data: ReturnType<typeof loadMnist> | undefined;
    const runs: RunRecord[] = [];
    let trained = 0;
    try {
      for (const seed of config.seeds) {
        for (const s of schedules) {
          const n = runs.length + 1;
          const tag = `[${n}/${total}] ${s.label} (seed ${seed})`;
          const key = runKey(config, s.spec, seed, training.backend);
          const cached = readRun(dir, key);
          if (cached) {
            runs.push({ ...cached, label: s.label });
            const best = Math.max(...cached.epochs.map((e) => e.valAcc).filter(Number.isFinite));
            say(`${tag}: cached, best val acc ${percent(best)}`);
            continue;
          }
          data ??= loadMnist(tf, config.data.train, config.data.validation);
          const runStarted = performance.now();
          const epochs = await trainRun(training, data, {
            model: config.model,
            schedule: s.schedule,
            epochs: config.epochs,
            batchSize: config.batchSize,
            seed,
            onEpoch: (e) =>
              say(`${tag}: epoch ${e.epoch}/${config.epochs}  lr ${Number(e.lr.toPrecision(3))}  loss ${e.loss.toFixed(4)}  val loss ${e.valLoss.toFixed(4)}  val acc ${percent(e.valAcc)}  (${e.seconds.toFixed(1)} s)`),
          });
          const run: RunRecord = { key, label: s.label, seed, spec: s.spec, epochs, seconds: (performance.now() - runStarted) / 1000 };
          await writeRun(dir, run);
          runs.push(run);
          trained++;
        }
      }
    } finally {
      if (data) tf.dispose([data.train.xs, data.train.ys, data.validation.xs, data.validation.ys]);
    }

    const labels = schedules.map((s) => s.label);
    const ranking = rankSchedules(labels, runs, config.baseline);
    const curves = meanCurves(labels, runs);
    const [lrSvg, valAccSvg, valLossSvg, ...perSchedule] = await Promise.all([
      lrChartSvg(schedules, perEpoch * config.epochs, perEpoch),
      overviewSvg(curves, "valAcc", "Validation accuracy per epoch"),
      overviewSvg(curves, "valLoss", "Validation loss per epoch"),
      ...curves.map((c) => scheduleSvg(c)),
    ]);
    const html = reportHtml({
      config,
      version: version(),
      backend: training.backend,
      stepsPerEpoch: perEpoch,
      sizes,
      ranking,
      lrSvg,
      valAccSvg,
      valLossSvg,
      schedules: schedules.map((s, i) => ({ label: s.label, spec: s.spec, svg: perSchedule[i] })),
    });
    const json = {
      lrsched: version(),
      backend: training.backend,
      config,
      stepsPerEpoch: perEpoch,
      images: sizes,
      winner: ranking[0]?.label,
      baseline: config.baseline ?? null,
      ranking,
      runs: runs.map(({ key, label, seed, spec, epochs, seconds }) => ({ key, label, seed, spec, seconds, epochs })),
    };
    const noNaN = (_k: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);
    await writeOutput(join(dir, "results.json"), `${JSON.stringify(json, noNaN, 2)}\n`);
    await writeOutput(join(dir, "results.csv"), resultsCsv(runs));
    await writeOutput(join(dir, "index.html"), html);

    const seconds = (performance.now() - started) / 1000;
    const winner = ranking[0];
    const base = ranking.find((r) => r.label === config.baseline);
    let verdict = `winner: ${winner.label} (best val acc ${percent(winner.bestValAcc)}`;
    if (base && base !== winner) verdict += `, ${((winner.bestValAcc - base.bestValAcc) * 100).toFixed(2)} points over ${base.label}`;
    verdict += `${config.seeds.length > 1 ? `, mean of ${config.seeds.length} seeds` : ""})`;
    await print(`${rankedText(ranking, base ? config.baseline : undefined)}\n\n${verdict}`);
    say(`${trained} run(s) trained, ${runs.length - trained} from cache, ${seconds.toFixed(1)} s; open ${join(shownPath(dir), "index.html")}`);
  },
};
