import { polynomialDecay, type Schedule } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, num } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import { S, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new PolynomialLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { PolynomialLR, type PolynomialLROptions } from "@lrsched/torch-compat";
 * const options: PolynomialLROptions = { totalIters: 4, power: 2 };
 * new PolynomialLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface PolynomialLROptions {
  /** Epochs of the decay to 0. Default 5. */
  readonly totalIters?: number;
  /** Default 1. */
  readonly power?: number;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/**
 * PyTorch `PolynomialLR`: `base * (1 - min(epoch, totalIters) / totalIters) ^ power`, applied as
 * a chain of ratios. `totalIters: 4, power: 1`, lr 0.1: 0.1, 0.075, 0.05, 0.025, 0, 0, ...
 *
 * @example
 * ```ts
 * import { PolynomialLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new PolynomialLR(optimizer, { totalIters: 4, power: 2 });
 * for (let epoch = 0; epoch < 2; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.025]
 * ```
 */
export class PolynomialLR extends LRScheduler {
  readonly className: string = "PolynomialLR";
  totalIters: number;
  power: number;

  constructor(optimizer: Optimizer, options: PolynomialLROptions = {}) {
    super(optimizer);
    const o = checkOptions("PolynomialLR", options, ["totalIters", "power", "lastEpoch", "verbose"]);
    this.totalIters = num("totalIters", o.totalIters ?? 5, { integer: true, min: 1 });
    this.power = num("power", o.power ?? 1, { min: 0 });
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    const t = this.totalIters;
    if (e === 0 || e > t) {
      for (let i = 0; i < out.length; i++) out[i] = this.groups[i].lr;
      return;
    }
    const f = Math.pow((1 - e / t) / (1 - (e - 1) / t), this.power);
    for (let i = 0; i < out.length; i++) out[i] = this.groups[i].lr * f;
  }

  protected override hasClosedForm(): boolean {
    return true;
  }

  protected override closedFormLr(out: number[]): void {
    const f = Math.pow(1 - Math.min(this.totalIters, this.lastEpoch) / this.totalIters, this.power);
    for (let i = 0; i < out.length; i++) out[i] = this.baseLrs[i] * f;
  }

  /** The closed form as a ts-api polynomialDecay ending at 0. */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) =>
      polynomialDecay({ initialLearningRate: this.baseLrs[g], decaySteps: this.totalIters, endLearningRate: 0, power: this.power }));
  }

  protected ownState(): StateDict {
    return { total_iters: this.totalIters, power: this.power };
  }

  protected ownSchema(): StateSchema {
    return { total_iters: { check: S.integer }, power: { check: S.number } };
  }

  protected override checkOwn(st: Record<string, unknown>, where: string): void {
    num(`${where}.total_iters`, st.total_iters, { integer: true, min: 1 });
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.totalIters = st.total_iters as number;
    this.power = st.power as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { total_iters: this.totalIters, power: this.power };
  }
}
