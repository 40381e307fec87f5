import { LrschedError } from "@lrsched/ts-api";
import { checkOptions } from "../checks";
import { checkOptimizer, type Optimizer, type ParamGroup } from "../optimizer";
import { TORCH_PREFIX, type Scheduler, type TorchConfig } from "../scheduler";
import { childStatesCheck, jsonSafe, readState, S, type StateDict } from "../stateDict";
import { checkSchedulers } from "./SequentialLR";
import { nest } from "../nesting";

/**
 * Options of `new ChainedScheduler(optimizer, options)`: the schedulers stepped together.
 *
 * @example
 * ```ts
 * import { ChainedScheduler, ExponentialLR, type ChainedSchedulerOptions } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const options: ChainedSchedulerOptions = { schedulers: [new ExponentialLR(optimizer, { gamma: 0.5 })] };
 * new ChainedScheduler(optimizer, options).getLastLr(); // → [0.1]
 * ```
 */
export interface ChainedSchedulerOptions {
  /** Chainable schedulers of the same optimizer, all stepped on every step. */
  readonly schedulers: readonly Scheduler[];
}

/**
 * PyTorch `ChainedScheduler`: every `step()` steps each scheduler in order, so their chainable
 * updates compound. `new ChainedScheduler(optimizer, {schedulers})`, or PyTorch 1.13's form
 * `new ChainedScheduler(schedulers)`.
 *
 * `[ConstantLR({factor: 0.1, totalIters: 2}), ExponentialLR({gamma: 0.9})]`, lr 1: 0.1, 0.09,
 * 0.81, 0.729, ...
 *
 * @example
 * ```ts
 * import { ChainedScheduler, ConstantLR, ExponentialLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new ChainedScheduler(optimizer, { schedulers: [new ConstantLR(optimizer, { factor: 0.5, totalIters: 2 }), new ExponentialLR(optimizer, { gamma: 0.9 })] });
 * scheduler.step();
 * scheduler.getLastLr(); // → [0.045]
 * ```
 */
export class ChainedScheduler implements Scheduler {
  readonly className: string = "ChainedScheduler";
  readonly optimizer: Optimizer;
  readonly schedulers: Scheduler[];
  private lastLr: number[];
  private readonly groups: ParamGroup[];

  constructor(optimizer: Optimizer | readonly Scheduler[], options?: ChainedSchedulerOptions) {
    let list: unknown;
    if (Array.isArray(optimizer)) {
      list = optimizer;
    } else {
      list = checkOptions("ChainedScheduler", options ?? {}, ["schedulers"]).schedulers;
    }
    const opt = Array.isArray(optimizer) ? undefined : (optimizer as Optimizer);
    this.schedulers = checkSchedulers("ChainedScheduler", list, opt);
    nest(this, this.schedulers);
    this.optimizer = opt ?? this.schedulers[0].optimizer;
    this.groups = checkOptimizer(this.optimizer);
    this.lastLr = this.groups.map((g) => g.lr);
  }

  step(epoch?: number): void {
    if (epoch !== undefined) {
      throw new LrschedError("epoch", "is not accepted by ChainedScheduler.step() (PyTorch raises TypeError)", epoch);
    }
    for (const s of this.schedulers) s.step();
    const groups = this.groups;
    for (let i = 0; i < groups.length; i++) this.lastLr[i] = groups[i].lr;
  }

  getLastLr(): number[] {
    return this.lastLr.slice();
  }

  stateDict(): StateDict {
    return jsonSafe({ _last_lr: this.lastLr.slice(), _schedulers: this.schedulers.map((s) => s.stateDict()) });
  }

  prepareLoad(stateDict: unknown, where: string): () => void {
    const children: Array<() => void> = [];
    const schedulersCheck = childStatesCheck(this.schedulers, children);
    const st = readState("ChainedScheduler", stateDict, {
      _last_lr: { check: S.perGroup(this.groups.length) },
      _schedulers: { check: schedulersCheck },
    }, where);
    return () => {
      this.lastLr = st._last_lr as number[];
      for (const apply of children) apply();
    };
  }

  loadStateDict(stateDict: unknown): void {
    this.prepareLoad(stateDict, "stateDict")();
  }

  toTorchConfig(): TorchConfig {
    return { _target_: TORCH_PREFIX + this.className, schedulers: this.schedulers.map((s) => s.toTorchConfig()) };
  }
}
