import { LrschedError, constant, polynomialDecay, type Schedule } from "@lrsched/ts-api";
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
  /** Epochs of the decay to 0 (any number, as in PyTorch: one <= 0 keeps the rate). Default 5. */
  readonly totalIters?: number;
  /** Default 1. A negative power divides by zero at totalIters, where PyTorch fails too. */
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
    this.totalIters = num("totalIters", o.totalIters ?? 5);
    this.power = num("power", o.power ?? 1);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    const t = this.totalIters;
    if (e === 0 || e > t) {
      for (let i = 0; i < out.length; i++) out[i] = this.groups[i].lr;
      return;
    }
    const f = this.pow((1 - e / t) / (1 - (e - 1) / t));
    for (let i = 0; i < out.length; i++) out[i] = this.groups[i].lr * f;
  }

  /** x ** power as Python computes it, which refuses 0 to a negative power. */
  private pow(x: number): number {
    if (x === 0 && this.power < 0) {
      throw new LrschedError("power", "is negative and the decay reached 0 (PyTorch: 0.0 cannot be raised to a negative power)", this.power);
    }
    return Math.pow(x, this.power);
  }

  protected override hasClosedForm(): boolean {
    return true;
  }

  protected override closedFormLr(out: number[]): void {
    if (this.totalIters === 0) throw new LrschedError("totalIters", "is 0: the closed form divides by zero (as in PyTorch)");
    const f = this.pow(1 - Math.min(this.totalIters, this.lastEpoch) / this.totalIters);
    for (let i = 0; i < out.length; i++) out[i] = this.baseLrs[i] * f;
  }

  /**
   * The stepped rates as a ts-api polynomialDecay ending at 0 (a constant when totalIters <= 0).
   * A fractional totalIters stops short of 0, which no closed form here describes.
   */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      if (this.totalIters <= 0) return constant({ value: this.baseLrs[g] });
      if (!Number.isInteger(this.totalIters)) {
        throw new LrschedError("totalIters", "must be an integer for a closed form", this.totalIters);
      }
      return polynomialDecay({ initialLearningRate: this.baseLrs[g], decaySteps: this.totalIters, endLearningRate: 0, power: this.power });
    });
  }

  protected ownState(): StateDict {
    return { total_iters: this.totalIters, power: this.power };
  }

  protected ownSchema(): StateSchema {
    return { total_iters: { check: S.number }, power: { check: S.number } };
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.totalIters = st.total_iters as number;
    this.power = st.power as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { total_iters: this.totalIters, power: this.power };
  }
}
