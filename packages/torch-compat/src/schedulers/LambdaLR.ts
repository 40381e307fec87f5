import { LambdaScheduler, callLambda, type LambdaSchedulerOptions } from "./LambdaScheduler";
import type { Optimizer } from "../optimizer";

export { callLambda, type LrLambda } from "./LambdaScheduler";

/**
 * Options of `new LambdaLR(optimizer, options)`: the factor of the initial rate per epoch (one function, or one per group).
 *
 * @example
 * ```ts
 * import { LambdaLR, type LambdaLROptions } from "@lrsched/torch-compat";
 * const options: LambdaLROptions = { lrLambda: (epoch) => 1 / (epoch + 1) };
 * new LambdaLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr(); // → [0.1]
 * ```
 */
export type LambdaLROptions = LambdaSchedulerOptions;

/**
 * PyTorch `LambdaLR`: `lr = initialLr * lrLambda(epoch)`.
 *
 * With `lrLambda: (e) => 0.95 ** e` and lr 0.1: epochs 0, 1, 2, 10 give 0.1, 0.095, 0.09025,
 * 0.0598737...
 *
 * @example
 * ```ts
 * import { LambdaLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new LambdaLR(optimizer, { lrLambda: (epoch) => 0.95 ** epoch });
 * for (let epoch = 0; epoch < 2; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.09025]
 * ```
 */
export class LambdaLR extends LambdaScheduler {
  readonly className: string = "LambdaLR";

  constructor(optimizer: Optimizer, options: LambdaLROptions) {
    super(optimizer, options, "LambdaLR");
  }

  protected computeLr(out: number[]): void {
    for (let i = 0; i < out.length; i++) {
      out[i] = this.baseLrs[i] * callLambda(this.lrLambdas[i], this.lastEpoch, "lrLambda");
    }
  }
}
