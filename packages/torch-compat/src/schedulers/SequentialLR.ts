import { LrschedError, join, type Schedule } from "@lrsched/ts-api";
import { bool, checkOptions, lastEpochOf, num } from "../checks";
import { checkOptimizer, groupNumber, snapshotGroups, writeLr, type Optimizer, type ParamGroup } from "../optimizer";
import { bisectRight } from "../pyMath";
import { isSequenceable, TORCH_PREFIX, type Scheduler, type SequenceableScheduler, type TorchConfig } from "../scheduler";
import { childStatesCheck, jsonSafe, readState, S, type StateDict } from "../stateDict";
import { groupSchedule } from "../toSchedule";
import { nest } from "../nesting";
import { ReduceLROnPlateau } from "./ReduceLROnPlateau";

/**
 * Options of `new SequentialLR(optimizer, options)`: the schedulers, the epochs where each hands over, and whether a last ReduceLROnPlateau follows.
 *
 * @example
 * ```ts
 * import { SequentialLR, StepLR, type SequentialLROptions } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const options: SequentialLROptions = { schedulers: [new StepLR(optimizer, { stepSize: 5 }), new StepLR(optimizer, { stepSize: 2 })], milestones: [10] };
 * new SequentialLR(optimizer, options).getLastLr(); // → [0.1]
 * ```
 */
export interface SequentialLROptions {
  /** Schedulers of the same optimizer, run one after another. */
  readonly schedulers: readonly Scheduler[];
  /** Epochs where the next scheduler takes over: strictly increasing, one fewer than schedulers. */
  readonly milestones: readonly number[];
  readonly lastEpoch?: number;
  /** Accepted for PyTorch compatibility; SequentialLR itself prints nothing. */
  readonly verbose?: boolean;
  /**
   * An extension PyTorch does not have (it refuses ReduceLROnPlateau in SequentialLR): the last
   * scheduler may be a ReduceLROnPlateau. From the last milestone on, `step(metric)` hands the
   * metric to it (the rates first go back to the groups' initial rates at the milestone, as every
   * incoming scheduler restarts); before, the metric is ignored. Default false.
   */
  readonly plateauLast?: boolean;
}

export function checkSchedulers(cls: string, v: unknown, optimizer: Optimizer | undefined, plateauLast = false): Scheduler[] {
  if (!Array.isArray(v) || v.length === 0) throw new LrschedError("schedulers", "must be a non-empty array of schedulers", v);
  const first = optimizer ?? (v[0] as Scheduler | undefined)?.optimizer;
  // an index loop: forEach would skip the holes of a sparse array
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (typeof s !== "object" || s === null || typeof (s as Scheduler).step !== "function") {
      throw new LrschedError(`schedulers[${i}]`, "must be a scheduler", s);
    }
    if ((s as Scheduler).optimizer !== first) {
      throw new LrschedError(`schedulers[${i}]`, `must belong to the same optimizer (PyTorch: ${cls} expects all schedulers to belong to the same optimizer)`);
    }
    if ((s as Scheduler).className === "ReduceLROnPlateau" && !(plateauLast && i === v.length - 1 && i > 0)) {
      const hint = cls === "SequentialLR" ? "; as the last of several, pass plateauLast: true" : "";
      throw new LrschedError(`schedulers[${i}]`, `cannot be a ReduceLROnPlateau: ${cls} steps without a metric (PyTorch fails on it)${hint}`);
    }
    if ((s as { plateauLast?: unknown }).plateauLast === true) {
      throw new LrschedError(`schedulers[${i}]`, `cannot be a SequentialLR ending in a ReduceLROnPlateau: ${cls} steps without a metric`);
    }
  }
  return v as Scheduler[];
}

function checkMilestones(path: string, v: unknown, count: number): number[] {
  if (!Array.isArray(v) || v.length !== count) {
    throw new LrschedError(path, `must have one entry fewer than schedulers (${count}) (PyTorch: Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points)`, v);
  }
  return v.map((m, i) => {
    num(`${path}[${i}]`, m, { integer: true });
    if (i > 0 && !(m > v[i - 1])) {
      // PyTorch 1.13 accepts this and then picks schedulers by bisecting an unsorted list
      throw new LrschedError(`${path}[${i}]`, `must be greater than ${path}[${i - 1}] (${v[i - 1]}): milestones must strictly increase`, m);
    }
    return m as number;
  });
}

/**
 * PyTorch `SequentialLR`: hands the optimizer to `schedulers[i]` from `milestones[i - 1]` on. At
 * a milestone the incoming scheduler restarts with `step(0)` (its closed form at epoch 0).
 *
 * `[LinearLR({startFactor: 0.1, totalIters: 5}), CosineAnnealingLR({tMax: 10})]`, milestones [5]:
 * a linear warm-up over epochs 0-4, then a cosine from the base rate starting at epoch 5.
 *
 * @example
 * ```ts
 * import { ConstantLR, ExponentialLR, SequentialLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const warm = new ConstantLR(optimizer, { factor: 0.1, totalIters: 2 });
 * const decay = new ExponentialLR(optimizer, { gamma: 0.9 });
 * const scheduler = new SequentialLR(optimizer, { schedulers: [warm, decay], milestones: [2] });
 * for (let epoch = 0; epoch < 3; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.09]
 * ```
 */
export class SequentialLR implements SequenceableScheduler {
  readonly className: string = "SequentialLR";
  readonly optimizer: Optimizer;
  lastEpoch: number;
  /** Every scheduler but a plateauLast ReduceLROnPlateau is sequenceable. */
  readonly schedulers: (SequenceableScheduler | ReduceLROnPlateau)[];
  readonly plateauLast: boolean;
  milestones: number[];
  private lastLr: number[];
  /** Set only when an enclosing SequentialLR re-runs this one's initial step (as in PyTorch). */
  private stepCount: number | undefined;
  private readonly constructedLastEpoch: number;
  private readonly groups: ParamGroup[];
  /** The groups' initial rates the first scheduler restarted from. */
  private readonly initialLrs: number[];

  constructor(optimizer: Optimizer, options: SequentialLROptions) {
    this.groups = checkOptimizer(optimizer);
    this.optimizer = optimizer;
    const o = checkOptions("SequentialLR", options, ["schedulers", "milestones", "lastEpoch", "verbose", "plateauLast"]);
    this.plateauLast = o.plateauLast === undefined ? false : bool("plateauLast", o.plateauLast);
    const schedulers = checkSchedulers("SequentialLR", o.schedulers, optimizer, this.plateauLast);
    nest(this, schedulers);
    schedulers.forEach((s, i) => {
      if (!isSequenceable(s) && !(s instanceof ReduceLROnPlateau)) {
        throw new LrschedError(`schedulers[${i}]`, `cannot be sequenced: a ${s.className} has no lastEpoch to rewind (PyTorch fails on it)`);
      }
    });
    this.schedulers = schedulers as (SequenceableScheduler | ReduceLROnPlateau)[];
    this.milestones = checkMilestones("milestones", o.milestones, schedulers.length - 1);
    this.constructedLastEpoch = lastEpochOf(o.lastEpoch);
    const initial = this.groups.map((g, i) => groupNumber(g, i, "initialLr", "(set by the wrapped schedulers)"));
    this.initialLrs = initial;
    this.lastEpoch = this.constructedLastEpoch + 1;
    // back to the initial rates, undo every scheduler's own initial step, redo only the first
    const restore = snapshotGroups(this.groups);
    this.groups.forEach((g, i) => writeLr(g, initial[i]));
    const rewound = this.schedulers.filter((s) => !(s instanceof ReduceLROnPlateau));
    for (const s of rewound) s.lastEpoch -= 1;
    try {
      (this.schedulers[0] as SequenceableScheduler).initialStep();
    } catch (e) {
      restore();
      for (const s of rewound) s.lastEpoch += 1;
      throw e;
    }
    this.lastLr = this.schedulers[0].getLastLr();
  }

  /**
   * Next epoch: the scheduler whose span contains it steps (restarting with step(0) at its
   * milestone). With plateauLast the argument is the epoch's metric, required from the last
   * milestone on.
   */
  step(metric?: number): void {
    const epoch = this.lastEpoch + 1;
    const idx = bisectRight(this.milestones, epoch);
    const s = this.schedulers[idx];
    const atMilestone = idx > 0 && this.milestones[idx - 1] === epoch;
    if (s instanceof ReduceLROnPlateau) {
      if (typeof metric !== "number") {
        throw new LrschedError("metric", `must be a number from epoch ${this.milestones[idx - 1]} on: SequentialLR.step(metric) hands it to the ReduceLROnPlateau`, metric);
      }
      this.lastEpoch = epoch;
      // the plateau restarts from the initial rates, as every incoming scheduler does
      if (atMilestone) this.groups.forEach((g, i) => writeLr(g, this.initialLrs[i]));
      s.step(metric);
    } else {
      if (metric !== undefined && !this.plateauLast) {
        throw new LrschedError("epoch", "is not accepted by SequentialLR.step() (PyTorch raises TypeError)", metric);
      }
      this.lastEpoch = epoch;
      if (atMilestone) s.step(0);
      else s.step();
    }
    this.lastLr = s.getLastLr();
  }

  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  /**
   * The children's schedules joined at the milestones (each restarts at its milestone, as
   * `step(0)` restarts it). Needs a toSchedule() on every child, and a first child whose base
   * rates are the rates it restarted from.
   */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      const pieces = this.schedulers.map((s, i) => {
        const t = (s as { toSchedule?: (g: number) => Schedule }).toSchedule;
        if (typeof t !== "function" || s instanceof SequentialLR) {
          throw new LrschedError(`schedulers[${i}]`, `(${s.className}) has no closed form`);
        }
        return t.call(s, g);
      });
      const first = this.schedulers[0] as { baseLrs?: number[] };
      if (first.baseLrs?.[g] !== this.initialLrs[g]) {
        throw new LrschedError("schedulers[0]", "started from a rate other than its base rate (a later scheduler changed initialLr)");
      }
      return pieces.length === 1 ? pieces[0] : join(pieces, this.milestones);
    });
  }

  getLastLr(): number[] {
    return this.lastLr.slice();
  }

  stateDict(): StateDict {
    const st: StateDict = {
      _milestones: this.milestones.slice(),
      last_epoch: this.lastEpoch,
      _last_lr: this.lastLr.slice(),
    };
    if (this.stepCount !== undefined) st._step_count = this.stepCount;
    st._schedulers = this.schedulers.map((s) => s.stateDict());
    return jsonSafe(st);
  }

  prepareLoad(stateDict: unknown, where: string): () => void {
    const n = this.groups.length;
    const children: Array<() => void> = [];
    const schedulersCheck = childStatesCheck(this.schedulers, children);
    const st = readState("SequentialLR", stateDict, {
      _milestones: { check: (v, p) => checkMilestones(p, v, this.schedulers.length - 1) },
      last_epoch: { check: S.integer },
      _last_lr: { check: S.perGroup(n) },
      _step_count: { check: S.integer, optional: true },
      _schedulers: { check: schedulersCheck },
    }, where);
    return () => {
      this.milestones = st._milestones as number[];
      this.lastEpoch = st.last_epoch as number;
      this.lastLr = st._last_lr as number[];
      if (st._step_count !== undefined) this.stepCount = st._step_count as number;
      for (const apply of children) apply();
    };
  }

  loadStateDict(stateDict: unknown): void {
    this.prepareLoad(stateDict, "stateDict")();
  }

  /** PyTorch's constructor call; with plateauLast, `plateau_last: true` (lrsched's extension) too. */
  toTorchConfig(): TorchConfig {
    return {
      _target_: TORCH_PREFIX + this.className,
      schedulers: this.schedulers.map((s) => s.toTorchConfig()),
      milestones: this.milestones.slice(),
      last_epoch: this.constructedLastEpoch,
      verbose: false,
      ...(this.plateauLast ? { plateau_last: true } : {}),
    };
  }
}
