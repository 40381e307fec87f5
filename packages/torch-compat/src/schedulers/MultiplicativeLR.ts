import { checkOptions, lastEpochOf, perGroupFn } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import type { StateDict, StateSchema } from "../stateDict";
import { applyLambdaState, callLambda, lambdaState, lambdaStateCheck, type LrLambda } from "./LambdaLR";

export interface MultiplicativeLROptions {
  /** Factor applied at each epoch > 0: one function for every group, or one per group. */
  readonly lrLambda: LrLambda | readonly LrLambda[];
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/**
 * PyTorch `MultiplicativeLR`: each step multiplies the current rate by `lrLambda(epoch)`
 * (epoch 0 keeps it). With `() => 0.95` and lr 0.1: 0.1, 0.095, 0.09025, ...
 */
export class MultiplicativeLR extends LRScheduler {
  readonly className: string = "MultiplicativeLR";
  lrLambdas: LrLambda[];
  private readonly lambdaOption: unknown;

  constructor(optimizer: Optimizer, options: MultiplicativeLROptions) {
    super(optimizer);
    const o = checkOptions("MultiplicativeLR", options, ["lrLambda", "lastEpoch", "verbose"]);
    this.lambdaOption = o.lrLambda;
    this.lrLambdas = perGroupFn<LrLambda>("lrLambda", o.lrLambda, this.groups.length);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    for (let i = 0; i < out.length; i++) {
      const lr = this.groups[i].lr;
      out[i] = e > 0 ? lr * callLambda(this.lrLambdas[i], e, "lrLambda") : lr;
    }
  }

  protected ownState(): StateDict {
    return { lr_lambdas: lambdaState(this.lrLambdas) };
  }

  protected ownSchema(): StateSchema {
    return { lr_lambdas: { check: lambdaStateCheck(this.groups.length) } };
  }

  protected applyOwn(st: Record<string, unknown>): void {
    applyLambdaState(this.lrLambdas, st.lr_lambdas as (object | null)[]);
  }

  protected torchKwargs(): Record<string, unknown> {
    return { lr_lambda: this.lambdaOption };
  }
}
