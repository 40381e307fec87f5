// mergeSweeps(): runs trained in several directories (shards on machines that share no disk) gathered
// into one report. Every run carries the hashes of the config, model and data that made it; runs that
// disagree are refused rather than mixed.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { LrschedError } from "@lrsched/ts-api";
import { writeSweepReport } from "../report/writeReport";
import { listRuns, writeRun } from "./cache";
import type { RunRecord } from "./record";
import { buildResult, type SweepResult } from "./results";

const WHAT = { data: "data", model: "model", config: "sweep config" } as const;

/**
 * Gathers the runs of shards trained in separate directories into one report in `out`.
 *
 * Reads DIR/runs/ of every directory in `from`, checks that all runs belong to one sweep (the same
 * config, model and data hashes) and that none is missing, copies them into OUT/runs/ and writes the
 * report into `out`. Runs that disagree, or a missing run, throw one LrschedError naming the file or
 * the runs.
 *
 * @example
 * ```ts
 * import { mkdtempSync, rmSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * import * as tf from "@tensorflow/tfjs";
 * import { mergeSweeps, sweep, type SweepOptions } from "@lrsched/explore";
 * const x = Array.from({ length: 40 }, (_, i) => [(i % 7) / 6, (i % 5) / 4]);
 * const options: SweepOptions = {
 *   model: () => tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] }),
 *   data: { x, y: x.map(([a, b]) => (a + b > 1 ? "high" : "low")) },
 *   schedules: [{ label: "constant", spec: { type: "constant", value: 0.5 } }, { label: "exponential", spec: { type: "exponentialDecay", initialLearningRate: 0.5, decaySteps: { epochs: 1 }, decayRate: 0.5 } }],
 *   epochs: 1,
 *   batchSize: 8,
 *   seeds: [1, 2],
 * };
 * // two machines that share no disk, each with a shard of the four runs
 * const dir = mkdtempSync(join(tmpdir(), "lrsched-merge-"));
 * const one = await sweep({ ...options, shard: { index: 1, count: 2 }, out: join(dir, "one") });
 * await sweep({ ...options, shard: { index: 2, count: 2 }, out: join(dir, "two") });
 * one.complete; // → false
 * const merged = await mergeSweeps([join(dir, "one"), join(dir, "two")], join(dir, "all"));
 * [merged.complete, merged.runs.length]; // → [true, 4]
 * rmSync(dir, { recursive: true });
 * ```
 */
export async function mergeSweeps(from: readonly string[], out: string): Promise<SweepResult> {
  if (!Array.isArray(from) || from.length === 0) throw new LrschedError("from", "must list at least one sweep directory");
  const runs = new Map<string, RunRecord>();
  let first: { file: string; run: RunRecord } | undefined;
  for (const dir of from) {
    if (!existsSync(join(dir, "runs"))) throw new LrschedError(dir, "has no runs/ directory: not a sweep output directory");
    for (const { file, run } of listRuns(dir)) {
      if (!run) throw new LrschedError(file, "is not a run file of this lrsched version (unreadable or another format)");
      first ??= { file, run };
      for (const k of Object.keys(WHAT) as (keyof typeof WHAT)[]) {
        if (run.hashes[k] !== first.run.hashes[k]) {
          throw new LrschedError(file, `comes from a different ${WHAT[k]} than ${first.file} (${k} hash ${run.hashes[k]} vs ${first.run.hashes[k]}); merge only shards of one sweep`);
        }
      }
      runs.set(run.key, run);
    }
  }
  if (!first) throw new LrschedError(from.join(", "), "hold no finished runs");
  const result = buildResult(first.run.manifest, first.run.hashes, [...runs.values()]);
  if (!result.complete) {
    const list = result.missing.slice(0, 4).map((m) => `'${m.label}' seed ${m.seed}`).join(", ");
    throw new LrschedError(
      "merge",
      `is missing ${result.missing.length} of ${result.schedules.length * result.seeds.length} runs (${list}${result.missing.length > 4 ? ", ..." : ""}): is a shard unfinished?`,
    );
  }
  for (const run of runs.values()) writeRun(out, run);
  await writeSweepReport(out, result);
  return result;
}
