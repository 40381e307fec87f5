import { LrschedError, constant, piecewiseConstantDecay, type Schedule } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, num } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import { bisectRight } from "../pyMath";
import { S, type StateCheck, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new MultiStepLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { MultiStepLR, type MultiStepLROptions } from "@lrsched/torch-compat";
 * const options: MultiStepLROptions = { milestones: [2, 5], gamma: 0.1 };
 * new MultiStepLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface MultiStepLROptions {
  /**
   * Epochs at which the rate is multiplied by gamma; a repeated milestone applies gamma again. Any
   * numbers, as in PyTorch (a milestone no epoch equals, 1.5 or -1, never applies when stepping).
   */
  readonly milestones: readonly number[];
  /** Default 0.1. */
  readonly gamma?: number;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

function countMilestones(path: string, v: unknown): Map<number, number> {
  if (!Array.isArray(v)) throw new LrschedError(path, "must be an array of numbers", v);
  const counts = new Map<number, number>();
  for (let i = 0; i < v.length; i++) {
    const m: unknown = v[i]; // a hole reads as undefined and is refused
    num(`${path}[${i}]`, m);
    counts.set(m as number, (counts.get(m as number) ?? 0) + 1);
  }
  return counts;
}

// The state dict keeps PyTorch's Counter as {"milestone": count}; "2" and Python's "2.0" are one key.
const counterCheck: StateCheck = (v, p) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new LrschedError(p, "must be an object {milestone: count}", v);
  }
  const counts = new Map<number, number>();
  for (const [k, c] of Object.entries(v)) {
    const m = Number(k);
    if (k.trim() === "" || !Number.isFinite(m)) throw new LrschedError(`${p}.${k}`, "must be keyed by an epoch (a number)");
    counts.set(m, (counts.get(m) ?? 0) + num(`${p}.${k}`, c, { integer: true, min: 1 }));
  }
  return counts;
};

/**
 * PyTorch `MultiStepLR`: multiplies the rate by `gamma` when the epoch reaches each milestone.
 *
 * `milestones: [30, 80], gamma: 0.1`, lr 0.05: epochs 0-29 give 0.05, 30-79 0.005, 80 on 0.0005.
 *
 * @example
 * ```ts
 * import { MultiStepLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new MultiStepLR(optimizer, { milestones: [2, 5], gamma: 0.1 });
 * for (let epoch = 0; epoch < 5; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.001]
 * ```
 */
export class MultiStepLR extends LRScheduler {
  readonly className: string = "MultiStepLR";
  /** Milestone -> how many times it was listed (PyTorch's Counter). */
  milestones: Map<number, number>;
  gamma: number;

  constructor(optimizer: Optimizer, options: MultiStepLROptions) {
    super(optimizer);
    const o = checkOptions("MultiStepLR", options, ["milestones", "gamma", "lastEpoch", "verbose"]);
    this.milestones = countMilestones("milestones", o.milestones);
    this.gamma = num("gamma", o.gamma ?? 0.1);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const count = this.milestones.get(this.lastEpoch);
    const f = count === undefined ? 1 : Math.pow(this.gamma, count);
    for (let i = 0; i < out.length; i++) out[i] = count === undefined ? this.groups[i].lr : this.groups[i].lr * f;
  }

  private sortedElements(): number[] {
    const out: number[] = [];
    for (const [m, c] of this.milestones) for (let k = 0; k < c; k++) out.push(m);
    return out.sort((a, b) => a - b);
  }

  protected override hasClosedForm(): boolean {
    return true;
  }

  protected override closedFormLr(out: number[]): void {
    const f = Math.pow(this.gamma, bisectRight(this.sortedElements(), this.lastEpoch));
    for (let i = 0; i < out.length; i++) out[i] = this.baseLrs[i] * f;
  }

  /**
   * The stepped rates as a piecewise-constant schedule: milestone m takes effect at epoch m (a
   * Keras boundary at m - 1). A milestone 0 already applies at construction.
   */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      // only the milestones some epoch of the run equals apply
      const sorted = [...this.milestones.keys()].filter((m) => Number.isInteger(m) && m >= 0).sort((a, b) => a - b);
      let lr = this.baseLrs[g];
      const boundaries: number[] = [];
      const values: number[] = [];
      for (const m of sorted) {
        const f = Math.pow(this.gamma, this.milestones.get(m) as number);
        if (m === 0) {
          lr *= f;
          continue;
        }
        boundaries.push(m - 1);
        values.push(lr);
        lr *= f;
      }
      values.push(lr);
      return boundaries.length === 0 ? constant({ value: lr }) : piecewiseConstantDecay({ boundaries, values });
    });
  }

  protected ownState(): StateDict {
    const counter: Record<string, number> = {};
    for (const m of [...this.milestones.keys()].sort((a, b) => a - b)) counter[String(m)] = this.milestones.get(m) as number;
    return { milestones: counter, gamma: this.gamma };
  }

  protected ownSchema(): StateSchema {
    return { milestones: { check: counterCheck }, gamma: { check: S.number } };
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.milestones = st.milestones as Map<number, number>;
    this.gamma = st.gamma as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { milestones: this.sortedElements(), gamma: this.gamma };
  }
}
