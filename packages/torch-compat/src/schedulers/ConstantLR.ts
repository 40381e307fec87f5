import { LrschedError, constant, piecewiseConstantDecay, type Schedule } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, num } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import { S, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new ConstantLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { ConstantLR, type ConstantLROptions } from "@lrsched/torch-compat";
 * const options: ConstantLROptions = { factor: 0.5, totalIters: 4 };
 * new ConstantLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface ConstantLROptions {
  /** Factor applied until totalIters, in [0, 1]. Default 1/3. */
  readonly factor?: number;
  /** Epoch at which the full rate returns (one no epoch reaches, -2 or 2.5, keeps the factor). Default 5. */
  readonly totalIters?: number;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

const checkFactor = (path: string, v: unknown) =>
  num(path, v, { min: 0, max: 1 }, " (PyTorch: constant multiplicative factor expected to be between 0 and 1)");

/**
 * PyTorch `ConstantLR`: `lr * factor` until epoch `totalIters`, then `lr` again.
 *
 * Defaults (factor 1/3, totalIters 5), lr 0.05: epochs 0-4 give 0.0166..., epoch 5 on 0.05.
 *
 * @example
 * ```ts
 * import { ConstantLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new ConstantLR(optimizer, { factor: 0.5, totalIters: 4 });
 * for (let epoch = 0; epoch < 3; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.05]
 * ```
 */
export class ConstantLR extends LRScheduler {
  readonly className: string = "ConstantLR";
  factor: number;
  totalIters: number;

  constructor(optimizer: Optimizer, options: ConstantLROptions = {}) {
    super(optimizer);
    const o = checkOptions("ConstantLR", options, ["factor", "totalIters", "lastEpoch", "verbose"]);
    this.factor = checkFactor("factor", o.factor ?? 1 / 3);
    this.totalIters = num("totalIters", o.totalIters ?? 5);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    const groups = this.groups;
    if (e === 0) {
      for (let i = 0; i < out.length; i++) out[i] = groups[i].lr * this.factor;
    } else if (e !== this.totalIters) {
      for (let i = 0; i < out.length; i++) out[i] = groups[i].lr;
    } else {
      // PyTorch restores with lr * (1 / factor): a factor of 0 raises ZeroDivisionError there
      if (this.factor === 0) {
        throw new LrschedError("factor", "is 0, so the rate cannot be restored at totalIters (PyTorch: float division by zero)");
      }
      const f = 1 / this.factor;
      for (let i = 0; i < out.length; i++) out[i] = groups[i].lr * f;
    }
  }

  protected override hasClosedForm(): boolean {
    return true;
  }

  protected override closedFormLr(out: number[]): void {
    const f = this.factor + (this.lastEpoch >= this.totalIters ? 1 - this.factor : 0);
    for (let i = 0; i < out.length; i++) out[i] = this.baseLrs[i] * f;
  }

  /** The stepped rates: `base * factor` before totalIters, `base * factor * (1 / factor)` after. */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      const low = this.baseLrs[g] * this.factor;
      // epoch 0 applies the factor; the full rate returns only if a later epoch equals totalIters
      if (!(Number.isInteger(this.totalIters) && this.totalIters > 0)) return constant({ value: low });
      if (this.factor === 0) throw new LrschedError("factor", "must be > 0 (the stepped run fails at totalIters)");
      return piecewiseConstantDecay({ boundaries: [this.totalIters - 1], values: [low, low * (1 / this.factor)] });
    });
  }

  protected ownState(): StateDict {
    return { factor: this.factor, total_iters: this.totalIters };
  }

  protected ownSchema(): StateSchema {
    return { factor: { check: (v, p) => checkFactor(p, v) }, total_iters: { check: S.number } };
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.factor = st.factor as number;
    this.totalIters = st.total_iters as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { factor: this.factor, total_iters: this.totalIters };
  }
}
