import { LambdaScheduler, callLambda, type LambdaSchedulerOptions } from "./LambdaScheduler";
import type { Optimizer } from "../optimizer";

export { callLambda, type LrLambda } from "./LambdaScheduler";

export type LambdaLROptions = LambdaSchedulerOptions;

/**
 * PyTorch `LambdaLR`: `lr = initialLr * lrLambda(epoch)`.
 *
 * With `lrLambda: (e) => 0.95 ** e` and lr 0.1: epochs 0, 1, 2, 10 give 0.1, 0.095, 0.09025,
 * 0.0598737...
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
