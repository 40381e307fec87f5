import { LrschedError, cosineAnnealing, type Schedule } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, num } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import { S, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new CosineAnnealingLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { CosineAnnealingLR, type CosineAnnealingLROptions } from "@lrsched/torch-compat";
 * const options: CosineAnnealingLROptions = { tMax: 4 };
 * new CosineAnnealingLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface CosineAnnealingLROptions {
  /** Epochs of the half cosine from the base rate down to etaMin (a negative one acts as its magnitude; 0 fails at the first step). */
  readonly tMax: number;
  /** Lowest rate. Default 0. */
  readonly etaMin?: number;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/**
 * PyTorch `CosineAnnealingLR`: `etaMin + (base - etaMin) * (1 + cos(pi * epoch / tMax)) / 2`,
 * applied as a chain of ratios. It is not clamped: after `tMax` the rate rises again, back to
 * the base rate at `2 * tMax`, as PyTorch's does.
 *
 * `tMax: 10`, lr 0.1: epochs 0, 5, 10, 15, 20 give 0.1, 0.05, 0, 0.05, 0.1.
 *
 * @example
 * ```ts
 * import { CosineAnnealingLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new CosineAnnealingLR(optimizer, { tMax: 4 });
 * for (let epoch = 0; epoch < 2; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.05]
 * ```
 */
export class CosineAnnealingLR extends LRScheduler {
  readonly className: string = "CosineAnnealingLR";
  tMax: number;
  etaMin: number;

  constructor(optimizer: Optimizer, options: CosineAnnealingLROptions) {
    super(optimizer);
    const o = checkOptions("CosineAnnealingLR", options, ["tMax", "etaMin", "lastEpoch", "verbose"]);
    this.tMax = num("tMax", o.tMax);
    this.etaMin = num("etaMin", o.etaMin ?? 0);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    const t = this.tMax;
    const eta = this.etaMin;
    const groups = this.groups;
    if (e === 0) {
      for (let i = 0; i < out.length; i++) out[i] = groups[i].lr;
      return;
    }
    this.checkTMax();
    if (this.stepCount === 1 && e > 0) {
      // first step of a resumed run (lastEpoch given to the constructor): the closed form
      const c = 1 + Math.cos((e * Math.PI) / t);
      for (let i = 0; i < out.length; i++) out[i] = eta + ((this.baseLrs[i] - eta) * c) / 2;
    } else if ((e - 1 - t) % (2 * t) === 0) {
      // just past a trough the ratio below would divide by zero: add the first rise instead
      const c = 1 - Math.cos(Math.PI / t);
      for (let i = 0; i < out.length; i++) out[i] = groups[i].lr + ((this.baseLrs[i] - eta) * c) / 2;
    } else {
      const den = 1 + Math.cos((Math.PI * (e - 1)) / t);
      if (den === 0) throw new LrschedError("tMax", "makes the chained ratio divide by zero (PyTorch: float division by zero)", t);
      const r = (1 + Math.cos((Math.PI * e) / t)) / den;
      for (let i = 0; i < out.length; i++) out[i] = r * (groups[i].lr - eta) + eta;
    }
  }

  protected override hasClosedForm(): boolean {
    return true;
  }

  private checkTMax(): void {
    if (this.tMax === 0) throw new LrschedError("tMax", "is 0, so the epoch cannot be divided by it (PyTorch: integer modulo by zero)");
  }

  protected override closedFormLr(out: number[]): void {
    this.checkTMax();
    const c = 1 + Math.cos((Math.PI * this.lastEpoch) / this.tMax);
    for (let i = 0; i < out.length; i++) out[i] = this.etaMin + ((this.baseLrs[i] - this.etaMin) * c) / 2;
  }

  /** The unclamped cosine wave (ts-api cosineAnnealing), rising again after |tMax| like PyTorch. */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      this.checkTMax();
      return cosineAnnealing({ initialLearningRate: this.baseLrs[g], tMax: Math.abs(this.tMax), etaMin: this.etaMin });
    });
  }

  protected ownState(): StateDict {
    return { T_max: this.tMax, eta_min: this.etaMin };
  }

  protected ownSchema(): StateSchema {
    return { T_max: { check: S.number }, eta_min: { check: S.number } };
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.tMax = st.T_max as number;
    this.etaMin = st.eta_min as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { T_max: this.tMax, eta_min: this.etaMin };
  }
}
