import { LrschedError } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, perGroupFn } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import type { StateCheck, StateDict, StateSchema } from "../stateDict";

/** A factor of the epoch: PyTorch's `lr_lambda`. */
export type LrLambda = (epoch: number) => number;

export interface LambdaLROptions {
  /** One function for every group, or one per group. */
  readonly lrLambda: LrLambda | readonly LrLambda[];
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/** Calls a user function and insists on a number (a silent NaN would poison every later step). */
export function callLambda(fn: LrLambda, epoch: number, path: string): number {
  const v = fn(epoch);
  if (typeof v !== "number" || !Number.isFinite(v)) throw new LrschedError(path, "must return a number, and a finite one", v);
  return v;
}

/** Function state: PyTorch saves None for plain functions and `__dict__` for callable objects. */
export const lambdaState = (fns: readonly LrLambda[]) => fns.map(() => null);

export const lambdaStateCheck = (groups: number): StateCheck => (v, p) => {
  if (!Array.isArray(v) || v.length !== groups) {
    throw new LrschedError(p, `must be a list of ${groups} entries (null or an object)`, v);
  }
  v.forEach((x, i) => {
    if (x !== null && (typeof x !== "object" || Array.isArray(x))) {
      throw new LrschedError(`${p}[${i}]`, "must be null or an object", x);
    }
  });
  return v;
};

export function applyLambdaState(fns: readonly LrLambda[], state: readonly (object | null)[]): void {
  state.forEach((s, i) => {
    if (s !== null) Object.assign(fns[i], s);
  });
}

/**
 * PyTorch `LambdaLR`: `lr = initialLr * lrLambda(epoch)`.
 *
 * With `lrLambda: (e) => 0.95 ** e` and lr 0.1: epochs 0, 1, 2, 10 give 0.1, 0.095, 0.09025,
 * 0.0598737...
 */
export class LambdaLR extends LRScheduler {
  readonly className: string = "LambdaLR";
  lrLambdas: LrLambda[];
  private readonly lambdaOption: unknown;

  constructor(optimizer: Optimizer, options: LambdaLROptions) {
    super(optimizer);
    const o = checkOptions("LambdaLR", options, ["lrLambda", "lastEpoch", "verbose"]);
    this.lambdaOption = o.lrLambda;
    this.lrLambdas = perGroupFn<LrLambda>("lrLambda", o.lrLambda, this.groups.length);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    for (let i = 0; i < out.length; i++) {
      out[i] = this.baseLrs[i] * callLambda(this.lrLambdas[i], this.lastEpoch, "lrLambda");
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
