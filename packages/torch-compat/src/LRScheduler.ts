import { LrschedError } from "@lrsched/ts-api";
import { num } from "./checks";
import { checkOptimizer, checkRates, snapshotGroups, writeLr, type Optimizer, type ParamGroup } from "./optimizer";
import { TORCH_PREFIX, type SequenceableScheduler, type TorchConfig } from "./scheduler";
import { baseStateSchema, jsonSafe, readState, type StateDict, type StateSchema } from "./stateDict";
import { printLr } from "./verbose";

/**
 * PyTorch's `LRScheduler` base: construction takes the initial step (epoch 0), `step()` applies
 * the chainable update `getLr()` to the optimizer's current rates, `step(epoch)` jumps to an epoch
 * with the closed form where the class has one (PyTorch's deprecated path, which SequentialLR
 * uses at its milestones).
 *
 * Subclasses set their options, then call `attach()`; they compute rates into a reused buffer so
 * a step allocates nothing.
 *
 * @example
 * ```ts
 * import { LRScheduler, StepLR } from "@lrsched/torch-compat";
 * const s = new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 2 });
 * s instanceof LRScheduler; // → true
 * s.lastEpoch; // → 0
 * ```
 */
export abstract class LRScheduler implements SequenceableScheduler {
  abstract readonly className: string;
  readonly optimizer: Optimizer;
  /** The epoch (or batch) index of the last step; -1 before the initial step. */
  lastEpoch = -1;
  /** The rates the schedule is relative to: every group's `initialLr`. */
  baseLrs: number[] = [];
  verbose = false;
  protected readonly groups: ParamGroup[];
  /** PyTorch's `_step_count`. */
  protected stepCount = 0;
  protected lastLr: number[] = [];
  /** `lastEpoch` as passed to the constructor (for toTorchConfig). */
  protected constructedLastEpoch = -1;
  /** Reused output of every step (no allocation per step). */
  protected readonly buffer: number[];
  private inStep = false;
  /** Puts the groups back as they were before construction, should it fail. */
  private readonly restoreGroups: () => void;

  protected constructor(optimizer: Optimizer) {
    this.groups = checkOptimizer(optimizer);
    this.optimizer = optimizer;
    this.buffer = new Array<number>(this.groups.length).fill(0);
    this.restoreGroups = snapshotGroups(this.groups);
  }

  /**
   * PyTorch's `LRScheduler.__init__`: base rates from `initialLr`, then the initial step. A
   * failure (a bad `initialLr`, an initial step that throws) leaves the optimizer as it was.
   */
  protected attach(lastEpoch: number, verbose: unknown): void {
    this.verbose = Boolean(verbose ?? false);
    this.constructedLastEpoch = lastEpoch;
    try {
      if (lastEpoch === -1) {
        for (const g of this.groups) if (g.initialLr === undefined) g.initialLr = g.lr;
      }
      this.groups.forEach((g, i) => {
        if (typeof g.initialLr !== "number" || !Number.isFinite(g.initialLr)) {
          throw new LrschedError(
            `optimizer.paramGroups[${i}].initialLr`,
            lastEpoch === -1
              ? "must be a finite number"
              : "must be set when resuming with lastEpoch other than -1 (PyTorch: param 'initial_lr' is not specified)",
            g.initialLr,
          );
        }
      });
      this.baseLrs = this.groups.map((g) => g.initialLr as number);
      this.lastEpoch = lastEpoch;
      this.initialStep();
    } catch (e) {
      this.restoreGroups();
      throw e;
    }
  }

  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  /**
   * One step: `lastEpoch + 1` with the chainable rule, or (deprecated in PyTorch) jump to `epoch`
   * with the closed form when the class has one.
   */
  step(epoch?: number): void {
    checkRates(this.groups);
    this.stepCount += 1;
    const out = this.buffer;
    this.inStep = true;
    try {
      if (epoch === undefined) {
        this.lastEpoch += 1;
        this.computeLr(out);
      } else {
        this.lastEpoch = num("epoch", epoch);
        if (this.hasClosedForm()) this.closedFormLr(out);
        else this.computeLr(out);
      }
    } finally {
      this.inStep = false;
    }
    this.apply(out, epoch);
  }

  protected apply(values: readonly number[], epoch?: number): void {
    // a rate that overflowed must not reach the optimizer (every step path ends here; the
    // counters have advanced, as on PyTorch's own errors in a step)
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new LrschedError(`${this.className}.step`, `would set param group ${i}'s lr to a non-finite value`, values[i]);
      }
    }
    const groups = this.groups;
    if (this.lastLr.length !== groups.length) this.lastLr = new Array<number>(groups.length);
    for (let i = 0; i < groups.length; i++) {
      writeLr(groups[i], values[i]);
      if (this.verbose) printLr(i, values[i], epoch);
      this.lastLr[i] = groups[i].lr;
    }
  }

  /** The chainable update: the next rates from the groups' current rates. Writes `out`. */
  protected abstract computeLr(out: number[]): void;

  /** The closed form at `lastEpoch` from `baseLrs` (classes with `_get_closed_form_lr`). */
  protected closedFormLr(_out: number[]): void {
    throw new LrschedError(this.className, "has no closed form");
  }

  protected hasClosedForm(): boolean {
    return false;
  }

  /** PyTorch's `get_lr()`: the chainable rates for the current `lastEpoch` (prefer getLastLr()). */
  getLr(): number[] {
    const out = new Array<number>(this.groups.length);
    this.computeLr(out);
    return out;
  }

  /** PyTorch's `_get_closed_form_lr()`, or undefined when the class has none. */
  getClosedFormLr(): number[] | undefined {
    if (!this.hasClosedForm()) return undefined;
    const out = new Array<number>(this.groups.length);
    this.closedFormLr(out);
    return out;
  }

  getLastLr(): number[] {
    return this.lastLr.slice();
  }

  // ------------------------------------------------------------------ state

  /** Class fields of the state dict, in PyTorch's order. */
  protected abstract ownState(): StateDict;
  protected abstract ownSchema(): StateSchema;
  protected abstract applyOwn(state: Record<string, unknown>): void;
  /** Cross-field checks of a decoded state before it is applied. */
  protected checkOwn(_state: Record<string, unknown>, _where: string): void {}

  /** The state with PyTorch 1.13's keys, as strict JSON (non-finite numbers as "inf" / "-inf" / "nan"). */
  stateDict(): StateDict {
    return jsonSafe({
      ...this.ownState(),
      base_lrs: this.baseLrs.slice(),
      last_epoch: this.lastEpoch,
      verbose: this.verbose,
      _step_count: this.stepCount,
      _get_lr_called_within_step: this.inStep,
      _last_lr: this.lastLr.slice(),
    });
  }

  prepareLoad(stateDict: unknown, where: string): () => void {
    const schema: StateSchema = { ...this.ownSchema(), ...baseStateSchema(this.groups.length) };
    const st = readState(this.className, stateDict, schema, where);
    this.checkOwn(st, where);
    return () => {
      this.applyOwn(st);
      this.baseLrs = st.base_lrs as number[];
      this.lastEpoch = st.last_epoch as number;
      if (st.verbose !== undefined) this.verbose = st.verbose as boolean;
      this.stepCount = st._step_count as number;
      this.lastLr = st._last_lr as number[];
    };
  }

  loadStateDict(stateDict: unknown): void {
    this.prepareLoad(stateDict, "stateDict")();
  }

  // ------------------------------------------------------------------ config

  /** Constructor keyword arguments in PyTorch's snake_case (optimizer, last_epoch, verbose aside). */
  protected abstract torchKwargs(): Record<string, unknown>;

  toTorchConfig(): TorchConfig {
    return {
      _target_: TORCH_PREFIX + this.className,
      ...this.torchKwargs(),
      last_epoch: this.constructedLastEpoch,
      verbose: this.verbose,
    };
  }
}
