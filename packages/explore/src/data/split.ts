// Validation rows split off one data set by a seed: the same seed gives the same split in every
// process, and every schedule of that seed trains and validates on the same rows.
import { LrschedError } from "@lrsched/ts-api";
import type { Adapter } from "../train/tfjs";

/** Rows held out for validation: `round(rows * fraction)`, at least one, leaving at least one to train on. */
export function validationCount(rows: number, fraction: number): number {
  if (!(fraction > 0 && fraction < 1)) throw new LrschedError("validationFraction", "must be a number between 0 and 1 (exclusive)", fraction);
  if (rows < 2) throw new LrschedError("data", "must have at least 2 rows to split off validation rows", rows);
  return Math.min(rows - 1, Math.max(1, Math.round(rows * fraction)));
}

/** Seed of the split: apart from every epoch's batch-order seed (see shuffleSeed). */
const splitSeed = (seed: number) => (seed * 7919 - 1) | 0;

/** Training and validation row indices (each ascending) for `seed`. */
export function splitRows(adapter: Adapter, rows: number, fraction: number, seed: number): { train: Int32Array; validation: Int32Array } {
  const v = validationCount(rows, fraction);
  const order = adapter.seededShuffle(rows, splitSeed(seed));
  const validation = Int32Array.from(order.slice(0, v)).sort();
  const train = Int32Array.from(order.slice(v)).sort();
  return { train, validation };
}

/** 0, 1, ..., n - 1. */
export const allRows = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
