// Finished runs are kept in DIR/runs/, one JSON file per run key, so a restarted sweep (or another
// shard in the same directory) never trains them again. A file is written beside its target and
// renamed into place: a killed sweep leaves no half file.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EpochRecord } from "../train/run";
import type { RunRecord } from "./record";

/** Bumped when training changes in a way that makes stored runs wrong. */
export const RUN_FORMAT = 2;

const fileOf = (dir: string, key: string) => join(dir, "runs", `${key}.json`);

// JSON has no NaN: a diverged run's numbers are stored as null and read back as NaN
const finiteOrNull = (_k: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);
const EPOCH_FIELDS = ["lr", "loss", "metric", "valLoss", "valMetric", "seconds"] as const;
const numbers = (xs: unknown) => (Array.isArray(xs) ? xs.map((v) => (typeof v === "number" ? v : NaN)) : []);

/** A run record from parsed JSON, or undefined when it is not one (it is then redone). */
export function decodeRun(parsed: unknown): RunRecord | undefined {
  const r = parsed as RunRecord | null;
  if (!r || r.format !== RUN_FORMAT || typeof r.key !== "string" || !Array.isArray(r.epochs) || !r.manifest || !r.hashes || !r.steps) return undefined;
  const epochs = r.epochs.map((e) => {
    const out: Record<string, number> = { epoch: e.epoch };
    for (const k of EPOCH_FIELDS) out[k] = typeof e[k] === "number" ? e[k] : NaN;
    return out as unknown as EpochRecord;
  });
  return { ...r, epochs, steps: { loss: numbers(r.steps.loss), lr: numbers(r.steps.lr) } };
}

/** The cached run for `key`, or undefined when there is none (or it is unreadable). */
export function readRun(dir: string, key: string): RunRecord | undefined {
  try {
    const run = decodeRun(JSON.parse(readFileSync(fileOf(dir, key), "utf8")));
    return run?.key === key ? run : undefined;
  } catch {
    return undefined;
  }
}

/** Every run file in DIR/runs/ with its path (unreadable files are reported as undefined). */
export function listRuns(dir: string): { file: string; run: RunRecord | undefined }[] {
  const runs = join(dir, "runs");
  return readdirSync(runs)
    .filter((f) => f.endsWith(".json") && !f.startsWith("."))
    .sort()
    .map((f) => {
      const file = join(runs, f);
      try {
        return { file, run: decodeRun(JSON.parse(readFileSync(file, "utf8"))) };
      } catch {
        return { file, run: undefined };
      }
    });
}

/** Stores a run atomically. */
export function writeRun(dir: string, run: RunRecord): void {
  writeAtomic(fileOf(dir, run.key), `${JSON.stringify(run, finiteOrNull)}\n`);
}

/** Writes `text` next to `file` and renames it into place. */
export function writeAtomic(file: string, text: string | Uint8Array): void {
  const dir = join(file, "..");
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
