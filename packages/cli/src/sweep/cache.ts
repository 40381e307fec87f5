// Finished runs are kept in DIR/runs/, one JSON file per (config, schedule, seed), so a restarted
// sweep skips them. The key hashes everything that changes the numbers, and nothing else (not the
// label, not the other schedules).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeOutput } from "../io/output";
import type { EpochRecord } from "../train/fit";
import type { SweepConfig } from "./config";

/** Bumped when training changes in a way that makes old results wrong. */
const FORMAT = 1;

/** A finished run as stored. */
export interface RunRecord {
  readonly key: string;
  readonly label: string;
  readonly seed: number;
  readonly spec: unknown;
  readonly epochs: readonly EpochRecord[];
  /** Training time in seconds (all epochs). */
  readonly seconds: number;
}

/** JSON with object keys sorted, so equal values hash equally. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export function runKey(c: SweepConfig, spec: unknown, seed: number, backend: string): string {
  const what = { format: FORMAT, backend, data: c.data, model: c.model, epochs: c.epochs, batchSize: c.batchSize, spec, seed };
  return createHash("sha256").update(canonical(what)).digest("hex").slice(0, 20);
}

const fileOf = (dir: string, key: string) => join(dir, "runs", `${key}.json`);

// JSON has no NaN: a diverged epoch's metrics are stored as null and read back as NaN
const encode = (r: RunRecord) => JSON.stringify(r, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 1);
const NUMERIC = ["lr", "loss", "acc", "valLoss", "valAcc", "seconds"] as const;

/** The cached run for `key`, or undefined when there is none (or it is unreadable: it is redone). */
export function readRun(dir: string, key: string): RunRecord | undefined {
  let parsed: RunRecord;
  try {
    parsed = JSON.parse(readFileSync(fileOf(dir, key), "utf8")) as RunRecord;
  } catch {
    return undefined;
  }
  if (parsed?.key !== key || !Array.isArray(parsed.epochs)) return undefined;
  const epochs = parsed.epochs.map((e) => {
    const out: Record<string, number> = { epoch: e.epoch };
    for (const k of NUMERIC) out[k] = typeof e[k] === "number" ? e[k] : NaN;
    return out as unknown as EpochRecord;
  });
  return { ...parsed, epochs };
}

/** Stores a finished run (written beside its target and renamed: a killed sweep leaves no half file). */
export async function writeRun(dir: string, run: RunRecord): Promise<void> {
  await writeOutput(fileOf(dir, run.key), `${encode(run)}\n`);
}
