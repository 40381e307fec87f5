import { LrschedError, oneCycle, type Schedule } from "@lrsched/ts-api";
import { bool, checkOptions, lastEpochOf, num, oneOf, perGroup } from "../checks";
import { LRScheduler } from "../LRScheduler";
import { groupNumber, hasBetas, hasMomentum, setBeta1, type Optimizer, type ParamGroup } from "../optimizer";
import { S, type StateCheck, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new OneCycleLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { OneCycleLR, type OneCycleLROptions } from "@lrsched/torch-compat";
 * const options: OneCycleLROptions = { maxLr: 0.1, totalSteps: 8, cycleMomentum: false };
 * new OneCycleLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface OneCycleLROptions {
  /** Peak rate, one value or one per group. */
  readonly maxLr: number | readonly number[];
  /** Steps in the cycle; or give epochs and stepsPerEpoch. */
  readonly totalSteps?: number | null;
  readonly epochs?: number | null;
  readonly stepsPerEpoch?: number | null;
  /** Fraction of the cycle spent rising. Default 0.3. */
  readonly pctStart?: number;
  /** Default 'cos'. */
  readonly annealStrategy?: "cos" | "linear";
  /** Cycle momentum (or Adam's beta1) inversely to the rate. Default true. */
  readonly cycleMomentum?: boolean;
  readonly baseMomentum?: number | readonly number[];
  readonly maxMomentum?: number | readonly number[];
  /** initialLr = maxLr / divFactor. Default 25. */
  readonly divFactor?: number;
  /** minLr = initialLr / finalDivFactor. Default 1e4. */
  readonly finalDivFactor?: number;
  /** Three phases (up, back down to initialLr, then to minLr) instead of two. Default false. */
  readonly threePhase?: boolean;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/**
 * A phase as PyTorch's `_schedule_phases` holds it: group keys by their PyTorch names.
 *
 * @example
 * ```ts
 * import { OneCycleLR, type OneCyclePhase } from "@lrsched/torch-compat";
 * const s = new OneCycleLR({ paramGroups: [{ lr: 0.1 }] }, { maxLr: 0.1, totalSteps: 100, cycleMomentum: false });
 * const phases: readonly OneCyclePhase[] = s.schedulePhases;
 * phases.length; // → 2
 * phases[0].end_step; // → 29
 * ```
 */
export interface OneCyclePhase {
  end_step: number;
  start_lr: string;
  end_lr: string;
  start_momentum: string;
  end_momentum: string;
}

// PyTorch's param-group keys -> this package's camelCase group fields
const GROUP_KEY: Record<string, string> = {
  initial_lr: "initialLr",
  max_lr: "maxLr",
  min_lr: "minLr",
  max_momentum: "maxMomentum",
  base_momentum: "baseMomentum",
};
const ANNEAL: Record<string, string> = { cos: "_annealing_cos", linear: "_annealing_linear" };
const OPTIONS = [
  "maxLr", "totalSteps", "epochs", "stepsPerEpoch", "pctStart", "annealStrategy", "cycleMomentum", "baseMomentum",
  "maxMomentum", "divFactor", "finalDivFactor", "threePhase", "lastEpoch", "verbose",
];

const positiveInt = (path: string, v: unknown, name: string) =>
  num(path, v, { integer: true, min: 1 }, ` (PyTorch: expected positive integer ${name})`);

function phases(total: number, pct: number, three: boolean): OneCyclePhase[] {
  const up = { end_step: pct * total - 1, start_lr: "initial_lr", end_lr: "max_lr", start_momentum: "max_momentum", end_momentum: "base_momentum" };
  if (!three) {
    return [up, { end_step: total - 1, start_lr: "max_lr", end_lr: "min_lr", start_momentum: "base_momentum", end_momentum: "max_momentum" }];
  }
  return [
    up,
    { end_step: 2 * pct * total - 2, start_lr: "max_lr", end_lr: "initial_lr", start_momentum: "base_momentum", end_momentum: "max_momentum" },
    { end_step: total - 1, start_lr: "initial_lr", end_lr: "min_lr", start_momentum: "max_momentum", end_momentum: "max_momentum" },
  ];
}

/** A divisor: PyTorch divides by it in the constructor (ZeroDivisionError there). */
function nonZero(path: string, v: unknown, what: string): number {
  const x = num(path, v);
  if (x === 0) throw new LrschedError(path, `must not be 0: ${what} (PyTorch: float division by zero)`, x);
  return x;
}

const annealCos = (start: number, end: number, pct: number) => end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
const annealLinear = (start: number, end: number, pct: number) => (end - start) * pct + start;

/**
 * PyTorch `OneCycleLR` (Smith's 1cycle): from `maxLr / divFactor` up to `maxLr` over `pctStart`
 * of the cycle, then down to `initialLr / finalDivFactor` (cosine or linear); momentum moves the
 * opposite way. Step it after every batch; stepping more than `totalSteps + 1` times throws, as in
 * PyTorch.
 *
 * `maxLr: 0.1, totalSteps: 10` (cos, pctStart 0.3): steps 0, 2, 9 give 0.004, 0.1, 4e-7.
 *
 * @example
 * ```ts
 * import { OneCycleLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new OneCycleLR(optimizer, { maxLr: 0.1, totalSteps: 8, cycleMomentum: false });
 * for (let epoch = 0; epoch < 2; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.09719]
 * ```
 */
export class OneCycleLR extends LRScheduler {
  readonly className: string = "OneCycleLR";
  totalSteps: number;
  schedulePhases: OneCyclePhase[];
  annealStrategy: "cos" | "linear";
  cycleMomentum: boolean;
  /** Momentum goes to betas[0] (Adam-style groups) rather than `momentum`. */
  useBeta1 = false;
  /** The phases with group field names resolved once (the per-step loop only reads them). */
  private resolved: Array<{ end: number; lr0: string; lr1: string; m0: string; m1: string }> = [];
  private readonly kwargs: Record<string, unknown>;

  constructor(optimizer: Optimizer, options: OneCycleLROptions) {
    super(optimizer);
    const o = checkOptions("OneCycleLR", options, OPTIONS);
    const n = this.groups.length;
    const lastEpoch = lastEpochOf(o.lastEpoch);
    if (o.totalSteps == null && o.epochs == null && o.stepsPerEpoch == null) {
      throw new LrschedError("totalSteps", "is required, or epochs and stepsPerEpoch (PyTorch: you must define either total_steps OR (epochs AND steps_per_epoch))");
    }
    if (o.totalSteps != null) {
      this.totalSteps = positiveInt("totalSteps", o.totalSteps, "total_steps");
    } else {
      this.totalSteps = positiveInt("epochs", o.epochs, "epochs") * positiveInt("stepsPerEpoch", o.stepsPerEpoch, "steps_per_epoch");
    }
    const pct = num("pctStart", o.pctStart ?? 0.3, { min: 0, max: 1 }, " (PyTorch: expected float between 0 and 1 pct_start)");
    const three = bool("threePhase", o.threePhase ?? false);
    this.schedulePhases = phases(this.totalSteps, pct, three);
    this.resolve();
    this.annealStrategy = oneOf("annealStrategy", o.annealStrategy ?? "cos", ["cos", "linear"] as const);
    const maxLrs = perGroup("maxLr", o.maxLr, n);
    const div = nonZero("divFactor", o.divFactor ?? 25, "initialLr = maxLr / divFactor");
    const finalDiv = nonZero("finalDivFactor", o.finalDivFactor ?? 1e4, "minLr = initialLr / finalDivFactor");
    this.cycleMomentum = bool("cycleMomentum", o.cycleMomentum ?? true);
    let maxMomentums: number[] = [];
    let baseMomentums: number[] = [];
    if (this.cycleMomentum) {
      if (!hasMomentum(this.groups) && !hasBetas(this.groups)) {
        throw new LrschedError(
          "cycleMomentum",
          "needs an optimizer with momentum or betas in every param group (PyTorch: optimizer must support momentum with `cycle_momentum` option enabled)",
        );
      }
      this.useBeta1 = hasBetas(this.groups);
      maxMomentums = perGroup("maxMomentum", o.maxMomentum ?? 0.95, n);
      baseMomentums = perGroup("baseMomentum", o.baseMomentum ?? 0.85, n);
    }
    this.kwargs = {
      max_lr: o.maxLr, total_steps: o.totalSteps ?? null, epochs: o.epochs ?? null, steps_per_epoch: o.stepsPerEpoch ?? null,
      pct_start: pct, anneal_strategy: this.annealStrategy, cycle_momentum: this.cycleMomentum,
      base_momentum: o.baseMomentum ?? 0.85, max_momentum: o.maxMomentum ?? 0.95, div_factor: div,
      final_div_factor: finalDiv, three_phase: three,
    };
    // all options are valid: now write into the optimizer, as PyTorch's constructor does
    if (lastEpoch === -1) {
      this.groups.forEach((g, i) => {
        g.initialLr = maxLrs[i] / div;
        g.maxLr = maxLrs[i];
        g.minLr = g.initialLr / finalDiv;
      });
      if (this.cycleMomentum) {
        this.groups.forEach((g, i) => {
          if (this.useBeta1) setBeta1(g, maxMomentums[i]);
          else g.momentum = maxMomentums[i];
          g.maxMomentum = maxMomentums[i];
          g.baseMomentum = baseMomentums[i];
        });
      }
    }
    this.attach(lastEpoch, o.verbose);
  }

  private resolve(): void {
    this.resolved = this.schedulePhases.map((p) => ({
      end: p.end_step, lr0: GROUP_KEY[p.start_lr], lr1: GROUP_KEY[p.end_lr],
      m0: GROUP_KEY[p.start_momentum], m1: GROUP_KEY[p.end_momentum],
    }));
  }

  /** A group value PyTorch reads by key (`group['max_lr']`); missing -> LrschedError, as its KeyError. */
  private field(g: ParamGroup, i: number, key: string): number {
    const v = g[key];
    return typeof v === "number" ? v : groupNumber(g, i, key, "(OneCycleLR keeps it in each param group)");
  }

  protected computeLr(out: number[]): void {
    const step = this.lastEpoch;
    if (step > this.totalSteps) {
      throw new LrschedError(
        "step()",
        `was called ${step + 1} times, more than totalSteps + 1 (${this.totalSteps + 1}) (PyTorch: tried to step ${step + 1} times. The specified number of total steps is ${this.totalSteps})`,
      );
    }
    const anneal = this.annealStrategy === "cos" ? annealCos : annealLinear;
    const phases = this.resolved;
    const last = phases.length - 1;
    for (let i = 0; i < out.length; i++) {
      const g = this.groups[i];
      let start = 0;
      for (let k = 0; k <= last; k++) {
        const phase = phases[k];
        const end = phase.end;
        if (step <= end || k === last) {
          if (end - start === 0) {
            throw new LrschedError("pctStart", "gives a phase of zero steps, which divides by zero (as in PyTorch)", this.kwargs.pct_start);
          }
          const pct = (step - start) / (end - start);
          out[i] = anneal(this.field(g, i, phase.lr0), this.field(g, i, phase.lr1), pct);
          if (this.cycleMomentum) {
            const m = anneal(this.field(g, i, phase.m0), this.field(g, i, phase.m1), pct);
            if (this.useBeta1) setBeta1(g, m);
            else g.momentum = m;
          }
          break;
        }
        start = end;
      }
    }
  }

  /**
   * The rates as a ts-api oneCycle schedule, defined for steps 0..totalSteps like the stepped run
   * (PyTorch computes step totalSteps, beyond the last phase, and fails after it).
   */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      const maxLrs = this.kwargs.max_lr;
      return oneCycle({
        maxLr: Array.isArray(maxLrs) ? (maxLrs[g] as number) : (maxLrs as number),
        totalSteps: this.totalSteps,
        pctStart: this.kwargs.pct_start as number,
        annealStrategy: this.annealStrategy,
        divFactor: this.kwargs.div_factor as number,
        finalDivFactor: this.kwargs.final_div_factor as number,
        threePhase: this.kwargs.three_phase as boolean,
      });
    });
  }

  protected ownState(): StateDict {
    const st: StateDict = {
      total_steps: this.totalSteps,
      _schedule_phases: this.schedulePhases.map((p) => ({ ...p })),
      anneal_func: ANNEAL[this.annealStrategy],
      cycle_momentum: this.cycleMomentum,
    };
    if (this.cycleMomentum) st.use_beta1 = this.useBeta1;
    return st;
  }

  protected ownSchema(): StateSchema {
    const key = S.oneOf(...Object.keys(GROUP_KEY));
    const phasesCheck: StateCheck = (v, p) => {
      if (!Array.isArray(v) || (v.length !== 2 && v.length !== 3)) {
        throw new LrschedError(p, "must be a list of 2 or 3 phases", v);
      }
      return v.map((ph, k) => {
        const at = `${p}[${k}]`;
        if (typeof ph !== "object" || ph === null || Array.isArray(ph)) throw new LrschedError(at, "must be an object", ph);
        const keys = Object.keys(ph).sort().join(",");
        if (keys !== "end_lr,end_momentum,end_step,start_lr,start_momentum") {
          throw new LrschedError(at, "must have exactly end_step, start_lr, end_lr, start_momentum, end_momentum", ph);
        }
        const r = ph as Record<string, unknown>;
        return {
          end_step: S.number(r.end_step, `${at}.end_step`) as number,
          start_lr: key(r.start_lr, `${at}.start_lr`) as string,
          end_lr: key(r.end_lr, `${at}.end_lr`) as string,
          start_momentum: key(r.start_momentum, `${at}.start_momentum`) as string,
          end_momentum: key(r.end_momentum, `${at}.end_momentum`) as string,
        };
      });
    };
    return {
      total_steps: { check: (v, p) => positiveInt(p, v, "total_steps") },
      _schedule_phases: { check: phasesCheck },
      // the annealing function: 1.13's method name, 2.x's strategy, or absent (a callable left out)
      anneal_func: { check: S.oneOf(...Object.values(ANNEAL)), optional: true },
      _anneal_func_type: { check: S.oneOf("cos", "linear"), optional: true },
      cycle_momentum: { check: S.boolean },
      use_beta1: { check: S.boolean, optional: true },
    };
  }

  protected override checkOwn(st: Record<string, unknown>, where: string): void {
    if (st.anneal_func !== undefined && st._anneal_func_type !== undefined && st.anneal_func !== ANNEAL[st._anneal_func_type as string]) {
      throw new LrschedError(`${where}._anneal_func_type`, `contradicts anneal_func ('${String(st.anneal_func)}')`, st._anneal_func_type);
    }
    if (st.cycle_momentum && st.use_beta1 === undefined) {
      throw new LrschedError(`${where}.use_beta1`, "is required when cycle_momentum is true");
    }
    if (st.cycle_momentum && !(st.use_beta1 ? hasBetas(this.groups) : hasMomentum(this.groups))) {
      throw new LrschedError(`${where}.use_beta1`, `does not match the optimizer: its param groups have no ${st.use_beta1 ? "betas" : "momentum"}`);
    }
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.totalSteps = st.total_steps as number;
    this.schedulePhases = st._schedule_phases as OneCyclePhase[];
    this.resolve();
    if (st.anneal_func !== undefined) this.annealStrategy = st.anneal_func === ANNEAL.cos ? "cos" : "linear";
    else if (st._anneal_func_type !== undefined) this.annealStrategy = st._anneal_func_type as "cos" | "linear";
    this.cycleMomentum = st.cycle_momentum as boolean;
    if (st.use_beta1 !== undefined) this.useBeta1 = st.use_beta1 as boolean;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { ...this.kwargs };
  }
}
