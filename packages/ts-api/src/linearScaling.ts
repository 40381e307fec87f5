import { LrschedError } from "./errors";
import { checkNumber, readOwn } from "./options";

/**
 * The batch sizes and base rate of the linear scaling rule.
 *
 * @example
 * ```ts
 * import { linearScaling, type LinearScalingOptions } from "@lrsched/ts-api";
 * const options: LinearScalingOptions = { baseLr: 0.1, baseBatch: 256, batch: 512 };
 * linearScaling(options); // → 0.2
 * ```
 */
export interface LinearScalingOptions {
  /** Rate known to work at baseBatch. Default 0.1 (ResNet). */
  readonly baseLr?: number;
  /** Batch size baseLr was tuned for. Default 256. */
  readonly baseBatch?: number;
  /** Batch size in use. */
  readonly batch: number;
}

/**
 * The linear scaling rule (Goyal et al. 2017, from the ResNet recipe): scale the rate with the
 * batch size, `baseLr * batch / baseBatch`. `linearScaling({batch: 1024}) === 0.4`.
 *
 * @example
 * ```ts
 * import { linearScaling } from "@lrsched/ts-api";
 * linearScaling({ batch: 1024 }); // → 0.4
 * ```
 */
export function linearScaling(options: LinearScalingOptions): number {
  const o = readOwn(options, (key) => key, "linearScaling options", "must be an object {batch, baseLr?, baseBatch?}");
  const baseLr = checkNumber("baseLr", o.baseLr === undefined ? 0.1 : o.baseLr, { min: 0 });
  const baseBatch = checkNumber("baseBatch", o.baseBatch === undefined ? 256 : o.baseBatch, { above: 0 });
  const batch = checkNumber("batch", o.batch, { above: 0 });
  const lr = (baseLr * batch) / baseBatch;
  if (!Number.isFinite(lr)) throw new LrschedError("batch", `makes the rate overflow float64 (baseLr * batch / baseBatch)`, batch);
  return lr;
}
