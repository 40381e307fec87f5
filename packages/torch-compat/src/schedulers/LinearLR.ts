import { LrschedError, constant, polynomialDecay, type Schedule } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, num } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import { S, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new LinearLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { LinearLR, type LinearLROptions } from "@lrsched/torch-compat";
 * const options: LinearLROptions = { startFactor: 0.25, totalIters: 4 };
 * new LinearLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface LinearLROptions {
  /** Factor at epoch 0, in [0, 1]. Default 1/3. */
  readonly startFactor?: number;
  /** Factor from totalIters on, in [0, 1]. Default 1. */
  readonly endFactor?: number;
  /** Epochs of the linear change (any number, as in PyTorch: one <= 0 keeps startFactor). Default 5. */
  readonly totalIters?: number;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

const factor = (path: string, v: unknown, which: string) =>
  num(path, v, { min: 0, max: 1 }, ` (PyTorch: ${which} multiplicative factor expected to be between 0 and 1)`);

/**
 * PyTorch `LinearLR`: the factor moves linearly from `startFactor` to `endFactor` over
 * `totalIters` epochs (applied as a chain of ratios, as PyTorch does).
 *
 * `startFactor: 0.5, totalIters: 4`, lr 0.05: 0.025, 0.03125, 0.0375, 0.04375, 0.05, 0.05, ...
 *
 * @example
 * ```ts
 * import { LinearLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new LinearLR(optimizer, { startFactor: 0.25, totalIters: 4 });
 * for (let epoch = 0; epoch < 2; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.0625]
 * ```
 */
export class LinearLR extends LRScheduler {
  readonly className: string = "LinearLR";
  startFactor: number;
  endFactor: number;
  totalIters: number;

  constructor(optimizer: Optimizer, options: LinearLROptions = {}) {
    super(optimizer);
    const o = checkOptions("LinearLR", options, ["startFactor", "endFactor", "totalIters", "lastEpoch", "verbose"]);
    this.startFactor = factor("startFactor", o.startFactor ?? 1 / 3, "starting");
    this.endFactor = factor("endFactor", o.endFactor ?? 1, "ending");
    this.totalIters = num("totalIters", o.totalIters ?? 5);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    const groups = this.groups;
    if (e === 0) {
      for (let i = 0; i < out.length; i++) out[i] = groups[i].lr * this.startFactor;
      return;
    }
    if (e > this.totalIters) {
      for (let i = 0; i < out.length; i++) out[i] = groups[i].lr;
      return;
    }
    const d = this.endFactor - this.startFactor;
    const den = this.totalIters * this.startFactor + (e - 1) * d;
    if (den === 0) {
      throw new LrschedError(
        "startFactor",
        `makes the ratio of epoch ${e} divide by zero: totalIters * startFactor + (epoch - 1) * (endFactor - startFactor) is 0 (PyTorch: float division by zero)`,
        this.startFactor,
      );
    }
    const f = 1 + d / den;
    for (let i = 0; i < out.length; i++) out[i] = groups[i].lr * f;
  }

  protected override hasClosedForm(): boolean {
    return true;
  }

  protected override closedFormLr(out: number[]): void {
    if (this.totalIters === 0) throw new LrschedError("totalIters", "is 0: the closed form divides by zero (as in PyTorch)");
    const f = this.startFactor + ((this.endFactor - this.startFactor) * Math.min(this.totalIters, this.lastEpoch)) / this.totalIters;
    for (let i = 0; i < out.length; i++) out[i] = this.baseLrs[i] * f;
  }

  /**
   * `base * (start + (end - start) * min(epoch, totalIters) / totalIters)` (polynomialDecay, power
   * 1); a totalIters <= 0 keeps the start factor. A fractional one stops short of endFactor, which
   * no closed form here describes.
   */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      const b = this.baseLrs[g];
      if (this.totalIters <= 0) return constant({ value: b * this.startFactor });
      if (!Number.isInteger(this.totalIters)) {
        throw new LrschedError("totalIters", "must be an integer for a closed form", this.totalIters);
      }
      if (this.startFactor === 0) throw new LrschedError("startFactor", "must be > 0 (the stepped run fails at epoch 1)");
      return polynomialDecay({
        initialLearningRate: b * this.startFactor,
        decaySteps: this.totalIters,
        endLearningRate: b * this.endFactor,
        power: 1,
      });
    });
  }

  protected ownState(): StateDict {
    return { start_factor: this.startFactor, end_factor: this.endFactor, total_iters: this.totalIters };
  }

  protected ownSchema(): StateSchema {
    return {
      start_factor: { check: (v, p) => factor(p, v, "starting") },
      end_factor: { check: (v, p) => factor(p, v, "ending") },
      total_iters: { check: S.number },
    };
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.startFactor = st.start_factor as number;
    this.endFactor = st.end_factor as number;
    this.totalIters = st.total_iters as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { start_factor: this.startFactor, end_factor: this.endFactor, total_iters: this.totalIters };
  }
}
