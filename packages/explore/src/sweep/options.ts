// The sweep's options checked one by one, each failure one LrschedError naming the option.
import { LrschedError } from "@lrsched/ts-api";
import { lossName, type LossName } from "../model/losses";
import { normalizeOptimizer, type OptimizerName } from "../model/optimizer";
import { METRICS, type MetricName } from "../stats/metrics";
import { checkShard, type Shard } from "./plan";

/**
 * Defaults of the options a sweep needs: 10 epochs, batches of 32, seeds 1, 2 and 3, a fifth of the
 * rows held out for validation, momentum (0.9).
 *
 * @example
 * ```ts
 * import { SWEEP_DEFAULTS } from "@lrsched/explore";
 * SWEEP_DEFAULTS; // → { epochs: 10, batchSize: 32, seeds: [1, 2, 3], validationFraction: 0.2, optimizer: "momentum" }
 * ```
 */
export const SWEEP_DEFAULTS = { epochs: 10, batchSize: 32, seeds: [1, 2, 3], validationFraction: 0.2, optimizer: "momentum" } as const;

const MAX_SEED = 2 ** 31 - 1;

/**
 * `v` when it is an integer in `min..max`; otherwise one LrschedError naming `path` and the range.
 *
 * @example
 * ```ts
 * import { checkInteger } from "@lrsched/explore";
 * checkInteger("epochs", 5, 1, 100); // → 5
 * let message = "";
 * try {
 *   checkInteger("epochs", 2.5, 1, 100);
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * message; // → "epochs must be an integer in 1..100, got 2.5"
 * ```
 */
export function checkInteger(path: string, v: unknown, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw new LrschedError(path, `must be an integer in ${min}..${max}`, v);
  return v;
}

/**
 * Seeds: one integer or a non-empty list of different ones, each in 0..2^31-1, as a list; otherwise
 * one LrschedError naming `path` (default "seeds").
 *
 * @example
 * ```ts
 * import { checkSeeds } from "@lrsched/explore";
 * checkSeeds(7); // → [7]
 * checkSeeds([3, 1, 2]); // → [3, 1, 2]
 * let message = "";
 * try {
 *   checkSeeds([1, 1]);
 * } catch (e) {
 *   message = (e as Error).message;
 * }
 * message; // → "seeds must not repeat a seed, got an array of length 2"
 * ```
 */
export function checkSeeds(v: unknown, path = "seeds"): number[] {
  const list = typeof v === "number" ? [v] : v;
  if (!Array.isArray(list) || list.length === 0) throw new LrschedError(path, "must be an integer or a non-empty array of integers", v);
  const seeds = list.map((s, i) => checkInteger(`${path}[${i}]`, s, 0, MAX_SEED));
  if (new Set(seeds).size !== seeds.length) throw new LrschedError(path, "must not repeat a seed", v);
  return seeds;
}

export function checkFraction(v: unknown, path = "validationFraction"): number {
  if (typeof v !== "number" || !(v > 0 && v < 1)) throw new LrschedError(path, "must be a number between 0 and 1 (exclusive)", v);
  return v;
}

export function checkMetric(v: unknown, path = "metric"): MetricName | undefined {
  if (v === undefined) return undefined;
  if (!(METRICS as readonly unknown[]).includes(v)) throw new LrschedError(path, `must be one of ${METRICS.join(", ")}`, v);
  return v as MetricName;
}

export interface TrainingSettings {
  readonly epochs: number;
  readonly batchSize: number;
  readonly seeds: number[];
  readonly validationFraction: number;
  readonly optimizer: { name: OptimizerName; momentum?: number };
  readonly loss: LossName | undefined;
  readonly metric: MetricName | undefined;
  readonly shard: Shard | undefined;
}

/** The options that are plain values, checked, with defaults filled in. */
export function checkSettings(o: Record<string, unknown>): TrainingSettings {
  return {
    epochs: o.epochs === undefined ? SWEEP_DEFAULTS.epochs : checkInteger("epochs", o.epochs, 1, 100_000),
    batchSize: o.batchSize === undefined ? SWEEP_DEFAULTS.batchSize : checkInteger("batchSize", o.batchSize, 1, 1 << 24),
    seeds: o.seeds === undefined ? [...SWEEP_DEFAULTS.seeds] : checkSeeds(o.seeds),
    validationFraction: o.validationFraction === undefined ? SWEEP_DEFAULTS.validationFraction : checkFraction(o.validationFraction),
    optimizer: normalizeOptimizer(o.optimizer ?? SWEEP_DEFAULTS.optimizer),
    loss: o.loss === undefined ? undefined : lossName(o.loss),
    metric: checkMetric(o.metric),
    shard: checkShard(o.shard),
  };
}

/** Rejects option names that are not options (a typo would otherwise be silently ignored). */
export function checkKeys(o: Record<string, unknown>, keys: readonly string[], path = "options"): void {
  if (typeof o !== "object" || o === null) throw new LrschedError(path, "must be an object", o);
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new LrschedError(k, `is not an option; expected one of ${keys.join(", ")}`);
}
