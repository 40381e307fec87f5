import { LambdaScheduler, callLambda, type LambdaSchedulerOptions } from "./LambdaScheduler";
import type { Optimizer } from "../optimizer";

/**
 * Factor applied at each epoch > 0: one function for every group, or one per group.
 *
 * @example
 * ```ts
 * import { MultiplicativeLR, type MultiplicativeLROptions } from "@lrsched/torch-compat";
 * const options: MultiplicativeLROptions = { lrLambda: () => 0.5 };
 * const s = new MultiplicativeLR({ paramGroups: [{ lr: 0.1 }] }, options);
 * s.step();
 * s.getLastLr(); // → [0.05]
 * ```
 */
export type MultiplicativeLROptions = LambdaSchedulerOptions;

/**
 * PyTorch `MultiplicativeLR`: each step multiplies the current rate by `lrLambda(epoch)`
 * (epoch 0 keeps it). With `() => 0.95` and lr 0.1: 0.1, 0.095, 0.09025, ...
 *
 * @example
 * ```ts
 * import { MultiplicativeLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new MultiplicativeLR(optimizer, { lrLambda: () => 0.9 });
 * for (let epoch = 0; epoch < 2; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.081]
 * ```
 */
export class MultiplicativeLR extends LambdaScheduler {
  readonly className: string = "MultiplicativeLR";

  constructor(optimizer: Optimizer, options: MultiplicativeLROptions) {
    super(optimizer, options, "MultiplicativeLR");
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    for (let i = 0; i < out.length; i++) {
      const lr = this.groups[i].lr;
      out[i] = e > 0 ? lr * callLambda(this.lrLambdas[i], e, "lrLambda") : lr;
    }
  }
}
