// From finished runs to what results.json and results.csv hold: the summary, the verdict, timings.
import { pairedSummary, type ScheduleScores, type SummaryEntry } from "../stats/paired";
import { verdictOf, type Verdict } from "../stats/verdict";
import { mean } from "../stats/describe";
import type { RunHashes, RunRecord, SweepManifest } from "./record";

/**
 * Everything a sweep found: the manifest, the summary per schedule, the verdict, timings and every
 * run; `results.json` holds it as JSON (NaN as null).
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sweep, type SweepResult } from "@lrsched/explore";
 * const x = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * const result: SweepResult = await sweep({
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] }),
 *   data: { x, y: x.map(([a, b]) => (a + b > 1 ? "high" : "low")) },
 *   schedules: [{ label: "constant", spec: { type: "constant", value: 0.5 } }, { label: "linear", spec: { type: "polynomialDecay", initialLearningRate: 0.5, decaySteps: { fraction: 1 } } }],
 *   epochs: 1,
 *   batchSize: 8,
 *   seeds: 1,
 * });
 * [result.complete, result.missing]; // → [true, []]
 * result.summary.map((s) => [s.label, s.seeds, s.ci95]); // → [["constant", 1, null], ["linear", 1, null]]
 * result.verdict?.significant; // → false
 * result.timing.map((t) => t.label); // → ["constant", "linear"]
 * ```
 */
export interface SweepResult extends SweepManifest {
  /** False when some runs are missing (a shard of the sweep): no summary is drawn then. */
  readonly complete: boolean;
  /** The runs not yet trained, schedule by schedule (empty when `complete`). */
  readonly missing: readonly { readonly label: string; readonly seed: number }[];
  /** Content hashes of the config, the model and the data: runs with other hashes belong to another sweep. */
  readonly hashes: RunHashes;
  /** One entry per schedule, in the sweep's order (empty while runs are missing). */
  readonly summary: readonly SummaryEntry[];
  /** What the runs show (see {@link verdictOf}); null while runs are missing. */
  readonly verdict: Verdict | null;
  /** Training seconds per schedule, mean over its seeds. */
  readonly timing: readonly { readonly label: string; readonly seconds: number }[];
  /** In the sweep's run order. */
  readonly runs: readonly RunRecord[];
}

/** The final-epoch validation metric of every run of each schedule, keyed by seed. */
export function scoresOf(manifest: SweepManifest, runs: readonly RunRecord[]): ScheduleScores[] {
  return manifest.schedules.map(({ label }) => {
    const bySeed = new Map<number, number>();
    for (const seed of manifest.seeds) {
      const run = runs.find((r) => r.label === label && r.seed === seed);
      if (run) bySeed.set(seed, run.epochs[run.epochs.length - 1]?.valMetric ?? NaN);
    }
    return { label, bySeed };
  });
}

/** Assembles the result; `runs` may be any subset of the planned runs. */
export function buildResult(manifest: SweepManifest, hashes: RunHashes, runs: readonly RunRecord[]): SweepResult {
  const ordered = [...runs].sort((a, b) => a.index - b.index);
  const missing = manifest.schedules.flatMap(({ label }) => manifest.seeds.filter((seed) => !ordered.some((r) => r.label === label && r.seed === seed)).map((seed) => ({ label, seed })));
  const complete = missing.length === 0;
  const summary = complete ? pairedSummary(scoresOf(manifest, ordered), manifest.task.metric, manifest.baseline) : [];
  return {
    ...manifest,
    complete,
    missing,
    hashes,
    summary,
    verdict: complete ? verdictOf(summary, manifest.task.metric, manifest.baseline) : null,
    timing: manifest.schedules.map(({ label }) => {
      const mine = ordered.filter((r) => r.label === label);
      return { label, seconds: mine.length ? mean(mine.map((r) => r.seconds)) : NaN };
    }),
    runs: ordered,
  };
}

const csvField = (v: string | number) => {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** Every epoch of every run: schedule,seed,epoch,lr,loss,metric,val_loss,val_metric,seconds. */
export function resultsCsv(runs: readonly RunRecord[]): string {
  const lines = ["schedule,seed,epoch,lr,loss,metric,val_loss,val_metric,seconds"];
  for (const r of runs) {
    for (const e of r.epochs) {
      lines.push([r.label, r.seed, e.epoch, e.lr, e.loss, e.metric, e.valLoss, e.valMetric, Number(e.seconds.toFixed(3))].map(csvField).join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** results.json: the result with NaN written as null; each run without the manifest it shares with the result. */
export function resultsJson(result: SweepResult): string {
  const runs = result.runs.map(({ manifest: _m, hashes: _h, ...run }) => run);
  const text = JSON.stringify({ ...result, runs }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 1);
  // lists of numbers on one line each: per-step series would otherwise take a line per number
  return `${text.replace(/\[[-\d.eE+,\s]*(null[-\d.eE+,\snul]*)*\]/g, (list) => list.replace(/\s+/g, ""))}\n`;
}
