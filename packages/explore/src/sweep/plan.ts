// The runs of a sweep in a fixed order (schedule by schedule, each over every seed) and which of them
// a shard trains: run i belongs to shard K of N when i mod N = K - 1.
import { LrschedError } from "@lrsched/ts-api";

/**
 * One shard of a sweep's runs: shard `index` of `count` trains run i (0-based, in the sweep's order)
 * when i mod count = index - 1. Both integers, 1 <= index <= count.
 *
 * @example
 * ```ts
 * import { parseShard, type Shard } from "@lrsched/explore";
 * const shard: Shard = { index: 2, count: 4 };
 * parseShard("2/4"); // → { index: 2, count: 4 }
 * // of 10 runs, this shard trains runs 1, 5 and 9
 * Array.from({ length: 10 }, (_, i) => i).filter((i) => i % shard.count === shard.index - 1); // → [1, 5, 9]
 * ```
 */
export interface Shard {
  /** Which shard, 1-based: 1..count. */
  readonly index: number;
  /** How many shards the runs are dealt to, >= 1. */
  readonly count: number;
}

export interface PlannedRun {
  /** Position in the sweep's run order, 0-based. */
  readonly index: number;
  /** Position of the schedule in the sweep's list. */
  readonly schedule: number;
  readonly seed: number;
}

/** Every (schedule, seed) pair in order: schedule 0 with every seed, then schedule 1, ... */
export function planRuns(schedules: number, seeds: readonly number[]): PlannedRun[] {
  const out: PlannedRun[] = [];
  for (let s = 0; s < schedules; s++) for (const seed of seeds) out.push({ index: out.length, schedule: s, seed });
  return out;
}

/** Whether `shard` trains run `index` (no shard: every run). */
export const inShard = (index: number, shard: Shard | undefined) => !shard || index % shard.count === shard.index - 1;

/** Checks a shard: integers with 1 <= index <= count. */
export function checkShard(shard: unknown, path = "shard"): Shard | undefined {
  if (shard === undefined) return undefined;
  const s = shard as Partial<Shard>;
  if (typeof shard !== "object" || shard === null || !Number.isInteger(s.count) || (s.count as number) < 1) throw new LrschedError(`${path}.count`, "must be an integer >= 1", s?.count);
  if (!Number.isInteger(s.index) || (s.index as number) < 1 || (s.index as number) > (s.count as number)) throw new LrschedError(`${path}.index`, `must be an integer in 1..${s.count} (1-based)`, s.index);
  return { index: s.index as number, count: s.count as number };
}

/**
 * "K/N" (1-based) as a shard, as the command line's `--shard 2/4` writes it; undefined when the text
 * is not two integers with 1 <= K <= N.
 *
 * @example
 * ```ts
 * import { parseShard } from "@lrsched/explore";
 * parseShard(" 3 / 8 "); // → { index: 3, count: 8 }
 * [parseShard("0/4"), parseShard("5/4"), parseShard("2 of 4")]; // → [undefined, undefined, undefined]
 * ```
 */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}
