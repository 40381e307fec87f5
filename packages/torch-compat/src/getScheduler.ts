import { LrschedError } from "@lrsched/ts-api";
import { checkOptions, num } from "./checks";
import type { Optimizer } from "./optimizer";
import type { Scheduler } from "./scheduler";
import { CosineAnnealingLR } from "./schedulers/CosineAnnealingLR";
import { LambdaLR } from "./schedulers/LambdaLR";
import { ReduceLROnPlateau } from "./schedulers/ReduceLROnPlateau";
import { StepLR } from "./schedulers/StepLR";

/**
 * The policies of the pix2pix / CycleGAN `get_scheduler` helper.
 *
 * @example
 * ```ts
 * import { getScheduler, type LrPolicy } from "@lrsched/torch-compat";
 * const lrPolicy: LrPolicy = "cosine";
 * getScheduler({ paramGroups: [{ lr: 0.1 }] }, { lrPolicy, niter: 10 }).className; // → "CosineAnnealingLR"
 * ```
 */
export type LrPolicy = "linear" | "step" | "plateau" | "cosine";

/**
 * The `opt` fields the pix2pix / CycleGAN `get_scheduler` helper reads, in camelCase.
 *
 * @example
 * ```ts
 * import { getScheduler, type GetSchedulerOptions } from "@lrsched/torch-compat";
 * const options: GetSchedulerOptions = { lrPolicy: "step", lrDecayIters: 50 };
 * getScheduler({ paramGroups: [{ lr: 0.1 }] }, options).className; // → "StepLR"
 * ```
 */
export interface GetSchedulerOptions {
  readonly lrPolicy: LrPolicy;
  /** Epoch the run starts counting from. Default 1. */
  readonly epochCount?: number;
  /** Epochs at the full rate (linear) / cosine period (cosine). Default 100. */
  readonly niter?: number;
  /** Epochs of the linear decay to 0 after niter. Default 100. */
  readonly niterDecay?: number;
  /** StepLR's step size. Default 50. */
  readonly lrDecayIters?: number;
}

/**
 * The pix2pix / CycleGAN `get_scheduler` helper:
 * - 'linear': LambdaLR with `1 - max(0, epoch + epochCount - niter) / (niterDecay + 1)`
 * - 'step': StepLR(stepSize: lrDecayIters, gamma: 0.1)
 * - 'plateau': ReduceLROnPlateau(mode 'min', factor 0.2, threshold 0.01, patience 5)
 * - 'cosine': CosineAnnealingLR(tMax: niter, etaMin: 0)
 *
 * An unknown policy throws (the original returns a NotImplementedError instead of raising it).
 *
 * @example
 * ```ts
 * import { getScheduler } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.0002 }] };
 * const s = getScheduler(optimizer, { lrPolicy: "linear", niter: 100, niterDecay: 100 });
 * for (let epoch = 0; epoch < 150; epoch++) s.step();
 * s.getLastLr(); // → [0.000099]
 * ```
 */
export function getScheduler(optimizer: Optimizer, options: GetSchedulerOptions): Scheduler {
  const o = checkOptions("getScheduler", options, ["lrPolicy", "epochCount", "niter", "niterDecay", "lrDecayIters"]);
  const epochCount = num("epochCount", o.epochCount ?? 1, { integer: true });
  const niter = num("niter", o.niter ?? 100, { integer: true, min: 1 });
  const niterDecay = num("niterDecay", o.niterDecay ?? 100, { integer: true, min: 0 });
  const lrDecayIters = num("lrDecayIters", o.lrDecayIters ?? 50, { integer: true, min: 1 });
  switch (o.lrPolicy) {
    case "linear":
      return new LambdaLR(optimizer, {
        lrLambda: (epoch) => 1.0 - Math.max(0, epoch + epochCount - niter) / (niterDecay + 1),
      });
    case "step":
      return new StepLR(optimizer, { stepSize: lrDecayIters, gamma: 0.1 });
    case "plateau":
      return new ReduceLROnPlateau(optimizer, { mode: "min", factor: 0.2, threshold: 0.01, patience: 5 });
    case "cosine":
      return new CosineAnnealingLR(optimizer, { tMax: niter, etaMin: 0 });
    default:
      throw new LrschedError(
        "lrPolicy",
        `must be one of 'linear', 'step', 'plateau', 'cosine' (learning rate policy [${String(o.lrPolicy)}] is not implemented)`,
        o.lrPolicy,
      );
  }
}
