import { exponentialDecay, type Schedule } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, num } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import { S, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new ExponentialLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { ExponentialLR, type ExponentialLROptions } from "@lrsched/torch-compat";
 * const options: ExponentialLROptions = { gamma: 0.8 };
 * new ExponentialLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface ExponentialLROptions {
  /** Factor applied every epoch. */
  readonly gamma: number;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/**
 * PyTorch `ExponentialLR`: multiplies the rate by `gamma` every epoch.
 *
 * `gamma: 0.9`, lr 0.1: 0.1, 0.09, 0.081, 0.0729, ...
 *
 * @example
 * ```ts
 * import { ExponentialLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new ExponentialLR(optimizer, { gamma: 0.8 });
 * for (let epoch = 0; epoch < 2; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.064]
 * ```
 */
export class ExponentialLR extends LRScheduler {
  readonly className: string = "ExponentialLR";
  gamma: number;

  constructor(optimizer: Optimizer, options: ExponentialLROptions) {
    super(optimizer);
    const o = checkOptions("ExponentialLR", options, ["gamma", "lastEpoch", "verbose"]);
    this.gamma = num("gamma", o.gamma);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    for (let i = 0; i < out.length; i++) out[i] = e === 0 ? this.groups[i].lr : this.groups[i].lr * this.gamma;
  }

  protected override hasClosedForm(): boolean {
    return true;
  }

  protected override closedFormLr(out: number[]): void {
    const f = Math.pow(this.gamma, this.lastEpoch);
    for (let i = 0; i < out.length; i++) out[i] = this.baseLrs[i] * f;
  }

  /** `base * gamma ^ epoch` (exponentialDecay with decaySteps 1). */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) =>
      exponentialDecay({ initialLearningRate: this.baseLrs[g], decaySteps: 1, decayRate: this.gamma }));
  }

  protected ownState(): StateDict {
    return { gamma: this.gamma };
  }

  protected ownSchema(): StateSchema {
    return { gamma: { check: S.number } };
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.gamma = st.gamma as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { gamma: this.gamma };
  }
}
