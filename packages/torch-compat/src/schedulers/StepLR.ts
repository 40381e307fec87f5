import { LrschedError, exponentialDecay, type Schedule } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, num } from "../checks";
import { LRScheduler } from "../LRScheduler";
import type { Optimizer } from "../optimizer";
import { floorDiv } from "../pyMath";
import { S, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new StepLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { StepLR, type StepLROptions } from "@lrsched/torch-compat";
 * const options: StepLROptions = { stepSize: 30, gamma: 0.1 };
 * new StepLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface StepLROptions {
  /**
   * Epochs between decays: the rate decays at every epoch that is a multiple of it. PyTorch takes
   * any number (a negative one acts as its magnitude; 0 fails at the first step).
   */
  readonly stepSize: number;
  /** Factor applied every stepSize epochs. Default 0.1. */
  readonly gamma?: number;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/**
 * PyTorch `StepLR`: multiplies the rate by `gamma` every `stepSize` epochs.
 *
 * `stepSize: 30, gamma: 0.1`, lr 0.05: epochs 0-29 give 0.05, 30-59 give 0.005, 60-89 0.0005.
 *
 * @example
 * ```ts
 * import { StepLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new StepLR(optimizer, { stepSize: 30, gamma: 0.1 });
 * for (let epoch = 0; epoch < 30; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.01]
 * ```
 */
export class StepLR extends LRScheduler {
  readonly className: string = "StepLR";
  stepSize: number;
  gamma: number;

  constructor(optimizer: Optimizer, options: StepLROptions) {
    super(optimizer);
    const o = checkOptions("StepLR", options, ["stepSize", "gamma", "lastEpoch", "verbose"]);
    this.stepSize = num("stepSize", o.stepSize);
    this.gamma = num("gamma", o.gamma ?? 0.1);
    this.attach(lastEpochOf(o.lastEpoch), o.verbose);
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    if (e !== 0) this.checkStepSize();
    const decay = e !== 0 && e % this.stepSize === 0;
    for (let i = 0; i < out.length; i++) out[i] = decay ? this.groups[i].lr * this.gamma : this.groups[i].lr;
  }

  protected override hasClosedForm(): boolean {
    return true;
  }

  private checkStepSize(): void {
    if (this.stepSize === 0) {
      throw new LrschedError("stepSize", "is 0, so the epoch cannot be divided by it (PyTorch: integer modulo by zero)");
    }
  }

  protected override closedFormLr(out: number[]): void {
    this.checkStepSize();
    const f = Math.pow(this.gamma, floorDiv(this.lastEpoch, this.stepSize));
    for (let i = 0; i < out.length; i++) out[i] = this.baseLrs[i] * f;
  }

  /**
   * `baseLr * gamma ^ floor(epoch / |stepSize|)` as a ts-api schedule (exponentialDecay,
   * staircase), for an integer stepSize: the epochs a fractional one divides are not evenly spaced
   * on the way there.
   */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      if (!Number.isInteger(this.stepSize) || this.stepSize === 0) {
        throw new LrschedError("stepSize", "must be a non-zero integer for a closed form", this.stepSize);
      }
      return exponentialDecay({
        initialLearningRate: this.baseLrs[g], decaySteps: Math.abs(this.stepSize), decayRate: this.gamma, staircase: true,
      });
    });
  }

  protected ownState(): StateDict {
    return { step_size: this.stepSize, gamma: this.gamma };
  }

  protected ownSchema(): StateSchema {
    return { step_size: { check: S.number }, gamma: { check: S.number } };
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.stepSize = st.step_size as number;
    this.gamma = st.gamma as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { step_size: this.stepSize, gamma: this.gamma };
  }
}
