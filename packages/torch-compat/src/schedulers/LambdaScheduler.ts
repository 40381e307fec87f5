import { LrschedError } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, perGroupFn } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import type { StateCheck, StateDict, StateSchema } from "../stateDict";

/**
 * A factor of the epoch: PyTorch's `lr_lambda`.
 *
 * @example
 * ```ts
 * import { LambdaLR, type LrLambda } from "@lrsched/torch-compat";
 * const halveEvery10: LrLambda = (epoch) => 0.5 ** Math.floor(epoch / 10);
 * const s = new LambdaLR({ paramGroups: [{ lr: 0.1 }] }, { lrLambda: halveEvery10 });
 * for (let i = 0; i < 10; i++) s.step();
 * s.getLastLr(); // → [0.05]
 * ```
 */
export type LrLambda = (epoch: number) => number;

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
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i]; // a hole reads as undefined and is refused
    if (x !== null && (typeof x !== "object" || Array.isArray(x))) {
      throw new LrschedError(`${p}[${i}]`, "must be null or an object", x);
    }
  }
  return v;
};

export function applyLambdaState(fns: readonly LrLambda[], state: readonly (object | null)[]): void {
  state.forEach((s, i) => {
    if (s !== null) Object.assign(fns[i], s);
  });
}

/** Options shared by LambdaLR and MultiplicativeLR. */
export interface LambdaSchedulerOptions {
  /** One function for every group, or one per group. */
  readonly lrLambda: LrLambda | readonly LrLambda[];
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/**
 * The part LambdaLR and MultiplicativeLR share: one `lr_lambda` per group, saved in state dicts
 * as PyTorch does. Subclasses only say how the factor applies (computeLr).
 */
export abstract class LambdaScheduler extends LRScheduler {
  lrLambdas: LrLambda[];
  private readonly lambdaOption: unknown;

  constructor(optimizer: Optimizer, options: LambdaSchedulerOptions, name: string) {
    super(optimizer);
    const o = checkOptions(name, options, ["lrLambda", "lastEpoch", "verbose"]);
    this.lambdaOption = o.lrLambda;
    this.lrLambdas = perGroupFn<LrLambda>("lrLambda", o.lrLambda, this.groups.length);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
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
