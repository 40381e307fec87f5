import { LrschedError, cyclic, type Schedule } from "@lrsched/ts-api";
import { bool, checkOptions, lastEpochOf, num, oneOf, perGroup } from "../checks";
import { LRScheduler } from "../LRScheduler";
import { hasMomentum, writeLr, type Optimizer } from "../optimizer";
import { S, type StateCheck, type StateDict, type StateSchema } from "../stateDict";
import { groupSchedule } from "../toSchedule";
import { callLambda } from "./LambdaScheduler";

/**
 * How CyclicLR scales each cycle's amplitude: constant, halved every cycle, or gamma^iteration.
 *
 * @example
 * ```ts
 * import { CyclicLR, type CyclicMode } from "@lrsched/torch-compat";
 * const mode: CyclicMode = "triangular2";
 * new CyclicLR({ paramGroups: [{ lr: 0.1 }] }, { baseLr: 0.01, maxLr: 0.1, mode, cycleMomentum: false }).getLastLr(); // → [0.01]
 * ```
 */
export type CyclicMode = "triangular" | "triangular2" | "exp_range";
/**
 * A custom amplitude scale: of the cycle number or of the iteration (see scaleMode).
 *
 * @example
 * ```ts
 * import { CyclicLR, type ScaleFn } from "@lrsched/torch-compat";
 * const third: ScaleFn = (cycle) => 1 / 3 ** (cycle - 1);
 * const s = new CyclicLR({ paramGroups: [{ lr: 0.1 }] }, { baseLr: 0, maxLr: 0.3, stepSizeUp: 2, scaleFn: third, cycleMomentum: false });
 * for (let i = 0; i < 6; i++) s.step();
 * s.getLastLr(); // → [0.1]
 * ```
 */
export type ScaleFn = (x: number) => number;

/**
 * Options of `new CyclicLR(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { CyclicLR, type CyclicLROptions } from "@lrsched/torch-compat";
 * const options: CyclicLROptions = { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 4, cycleMomentum: false };
 * new CyclicLR({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface CyclicLROptions {
  /** Lower bound of the cycle, one value or one per group. */
  readonly baseLr: number | readonly number[];
  /** Upper bound of the cycle, one value or one per group. */
  readonly maxLr: number | readonly number[];
  /** Steps of the rising half (not 0; PyTorch takes negative and fractional sizes). Default 2000. */
  readonly stepSizeUp?: number;
  /** Steps of the falling half. Default: stepSizeUp. */
  readonly stepSizeDown?: number | null;
  /** Default 'triangular'. Ignored when scaleFn is given. */
  readonly mode?: string;
  /** exp_range's factor per iteration. Default 1. */
  readonly gamma?: number;
  readonly scaleFn?: ScaleFn | null;
  /** What scaleFn is a function of: 'cycle', or the iteration for any other value. Default 'cycle'. */
  readonly scaleMode?: "cycle" | "iterations" | (string & {});
  /** Cycle momentum inversely to the rate. Default true (the optimizer needs `momentum`). */
  readonly cycleMomentum?: boolean;
  readonly baseMomentum?: number | readonly number[];
  readonly maxMomentum?: number | readonly number[];
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

const MODES: readonly CyclicMode[] = ["triangular", "triangular2", "exp_range"];
// PyTorch's bound scale methods, by the names its state dict carries
const REF_OF_MODE: Record<CyclicMode, string> = {
  triangular: "_triangular_scale_fn",
  triangular2: "_triangular2_scale_fn",
  exp_range: "_exp_range_scale_fn",
};
/** PyTorch compares scale_mode with 'cycle' only; any other string means the iteration. */
function scaleModeOf(path: string, v: unknown): string {
  if (typeof v !== "string") throw new LrschedError(path, "must be a string ('cycle', or another value for the iteration)", v);
  return v;
}

const OPTIONS = [
  "baseLr", "maxLr", "stepSizeUp", "stepSizeDown", "mode", "gamma", "scaleFn", "scaleMode",
  "cycleMomentum", "baseMomentum", "maxMomentum", "lastEpoch", "verbose",
];

/**
 * PyTorch `CyclicLR` (Smith's cyclical learning rates): a triangle wave between `baseLr` and
 * `maxLr`, `stepSizeUp` steps up and `stepSizeDown` down; 'triangular2' halves the amplitude each
 * cycle, 'exp_range' scales it by `gamma ^ iteration`. With `cycleMomentum`, momentum moves the
 * opposite way between `maxMomentum` and `baseMomentum`. Step it after every batch.
 *
 * `baseLr: 0.001, maxLr: 0.006, stepSizeUp: 5`: steps 0, 1, 5, 10 give 0.001, 0.002, 0.006, 0.001.
 *
 * @example
 * ```ts
 * import { CyclicLR } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new CyclicLR(optimizer, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 4, cycleMomentum: false });
 * for (let epoch = 0; epoch < 4; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.1]
 * ```
 */
export class CyclicLR extends LRScheduler {
  readonly className: string = "CyclicLR";
  maxLrs: number[];
  totalSize: number;
  stepRatio: number;
  mode: string;
  gamma: number;
  /** 'cycle', or anything else for the iteration (PyTorch's test). */
  scaleMode: string;
  cycleMomentum: boolean;
  baseMomentums: number[] = [];
  maxMomentums: number[] = [];
  private readonly stepSizeUp: number;
  private readonly stepSizeDown: number;
  private scaleFnCustom: ScaleFn | null;
  private scaleFnRef: string | null;
  private readonly kwargs: Record<string, unknown>;

  constructor(optimizer: Optimizer, options: CyclicLROptions) {
    super(optimizer);
    const o = checkOptions("CyclicLR", options, OPTIONS);
    const n = this.groups.length;
    const lastEpoch = lastEpochOf(o.lastEpoch);
    const baseLrs = perGroup("baseLr", o.baseLr, n);
    this.maxLrs = perGroup("maxLr", o.maxLr, n);
    const up = num("stepSizeUp", o.stepSizeUp ?? 2000);
    const down = o.stepSizeDown == null ? up : num("stepSizeDown", o.stepSizeDown);
    this.stepSizeUp = up;
    this.stepSizeDown = down;
    this.totalSize = up + down;
    if (this.totalSize === 0) {
      throw new LrschedError("stepSizeDown", "makes the cycle 0 steps long (stepSizeUp + stepSizeDown), which divides by zero (PyTorch: float division by zero)", down);
    }
    this.stepRatio = up / this.totalSize;
    const scaleFn = o.scaleFn ?? null;
    if (scaleFn !== null && typeof scaleFn !== "function") throw new LrschedError("scaleFn", "must be a function or null", scaleFn);
    this.scaleFnCustom = scaleFn as ScaleFn | null;
    this.mode = scaleFn === null
      ? oneOf("mode", o.mode ?? "triangular", MODES, " (PyTorch: mode is invalid and scale_fn is None)")
      : typeof o.mode === "string" ? o.mode : "triangular";
    this.gamma = num("gamma", o.gamma ?? 1);
    if (scaleFn === null) {
      this.scaleFnRef = REF_OF_MODE[this.mode as CyclicMode];
      this.scaleMode = this.mode === "exp_range" ? "iterations" : "cycle";
    } else {
      this.scaleFnRef = null;
      this.scaleMode = scaleModeOf("scaleMode", o.scaleMode ?? "cycle");
    }
    this.cycleMomentum = bool("cycleMomentum", o.cycleMomentum ?? true);
    let baseMomentums: number[] = [];
    if (this.cycleMomentum) {
      if (!hasMomentum(this.groups)) {
        throw new LrschedError(
          "cycleMomentum",
          "needs an optimizer with momentum: every param group must have a numeric momentum (PyTorch: optimizer must support momentum with `cycle_momentum` option enabled)",
        );
      }
      baseMomentums = perGroup("baseMomentum", o.baseMomentum ?? 0.8, n);
      this.maxMomentums = perGroup("maxMomentum", o.maxMomentum ?? 0.9, n);
    }
    this.kwargs = {
      base_lr: o.baseLr, max_lr: o.maxLr, step_size_up: up, step_size_down: o.stepSizeDown ?? null, mode: this.mode,
      gamma: this.gamma, scale_fn: scaleFn, scale_mode: o.scaleMode ?? "cycle", cycle_momentum: this.cycleMomentum,
      base_momentum: o.baseMomentum ?? 0.8, max_momentum: o.maxMomentum ?? 0.9,
    };
    // all options are valid: now write into the optimizer, as PyTorch's constructor does
    if (lastEpoch === -1) this.groups.forEach((g, i) => writeLr(g, baseLrs[i]));
    if (this.cycleMomentum) {
      if (lastEpoch === -1) this.groups.forEach((g, i) => (g.momentum = baseMomentums[i]));
      this.baseMomentums = this.groups.map((g) => g.momentum as number);
    }
    this.attach(lastEpoch, o.verbose);
    this.baseLrs = baseLrs;
  }

  private scale(x: number): number {
    if (this.scaleFnCustom !== null) return callLambda(this.scaleFnCustom, x, "scaleFn");
    switch (this.scaleFnRef) {
      case "_triangular2_scale_fn":
        return 1 / Math.pow(2, x - 1);
      case "_exp_range_scale_fn":
        return Math.pow(this.gamma, x);
      default:
        return 1;
    }
  }

  protected computeLr(out: number[]): void {
    const e = this.lastEpoch;
    const cycle = Math.floor(1 + e / this.totalSize);
    const x = 1 + e / this.totalSize - cycle;
    const up = x <= this.stepRatio;
    if (this.stepRatio === (up ? 0 : 1)) {
      throw new LrschedError("stepSizeUp", `makes step ${e} divide by zero: the ${up ? "rising" : "falling"} half has no length (PyTorch: float division by zero)`, this.stepSizeUp);
    }
    const sf = up ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
    const s = this.scale(this.scaleMode === "cycle" ? cycle : e);
    for (let i = 0; i < out.length; i++) {
      const base = this.baseLrs[i];
      out[i] = base + (this.maxLrs[i] - base) * sf * s;
    }
    if (this.cycleMomentum) {
      for (let i = 0; i < out.length; i++) {
        const max = this.maxMomentums[i];
        this.groups[i].momentum = max - (max - this.baseMomentums[i]) * sf * s;
      }
    }
  }

  /**
   * The rates as a ts-api cyclic schedule (the same closed form; bulk curves from the core unless a
   * custom scaleFn makes it JS-only).
   */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      const custom = this.scaleFnCustom;
      const ref = Object.entries(REF_OF_MODE).find(([, r]) => r === this.scaleFnRef);
      return cyclic({
        baseLr: this.baseLrs[g],
        maxLr: this.maxLrs[g],
        stepSizeUp: this.stepSizeUp,
        stepSizeDown: this.stepSizeDown,
        mode: (custom === null && ref ? ref[0] : "triangular") as CyclicMode,
        gamma: this.gamma,
        scaleFn: custom,
        scaleMode: this.scaleMode === "cycle" ? "cycle" : "iterations",
      });
    });
  }

  protected ownState(): StateDict {
    const st: StateDict = {
      max_lrs: this.maxLrs.slice(),
      total_size: this.totalSize,
      step_ratio: this.stepRatio,
      mode: this.mode,
      gamma: this.gamma,
      _scale_fn_custom: this.scaleFnCustom === null ? null : "<function>",
      _scale_fn_ref: this.scaleFnRef,
      scale_mode: this.scaleMode,
      cycle_momentum: this.cycleMomentum,
    };
    if (this.cycleMomentum) {
      st.base_momentums = this.baseMomentums.slice();
      st.max_momentums = this.maxMomentums.slice();
    }
    return st;
  }

  protected ownSchema(): StateSchema {
    const n = this.groups.length;
    return {
      max_lrs: { check: S.perGroup(n) },
      total_size: { check: S.number },
      step_ratio: { check: S.number },
      mode: { check: ((v, p) => (typeof v === "string" ? v : S.oneOf(...MODES)(v, p))) as StateCheck },
      gamma: { check: S.number },
      // callables: absent in the natural JSON form; PyTorch 2.x writes null even for a function
      _scale_fn_custom: { check: S.nullable(S.oneOf("<function>")), optional: true },
      _scale_fn_ref: { check: S.nullable(S.oneOf(...Object.values(REF_OF_MODE))), optional: true },
      scale_mode: { check: (v, p) => scaleModeOf(p, v) },
      cycle_momentum: { check: S.boolean },
      use_beta1: { check: S.boolean, optional: true }, // PyTorch 2.x
      base_momentums: { check: S.perGroup(n), optional: true },
      max_momentums: { check: S.perGroup(n), optional: true },
    };
  }

  /**
   * The scale function is never in a state dict: a scheduler built with a scaleFn keeps it, any
   * other takes the one the dict's `mode` names (PyTorch 2.x's load_state_dict does the same).
   */
  protected override checkOwn(st: Record<string, unknown>, where: string): void {
    if (st.total_size === 0) throw new LrschedError(`${where}.total_size`, "must not be 0 (it divides the step)", 0);
    const custom = this.scaleFnCustom !== null;
    if (st._scale_fn_custom === "<function>" && !custom) {
      throw new LrschedError(`${where}._scale_fn_custom`, "needs a scheduler constructed with a scaleFn (functions are not saved)");
    }
    if (!custom) {
      const mode = oneOf(`${where}.mode`, st.mode, MODES, " (PyTorch: mode is invalid and scale_fn is None)");
      const ref = st._scale_fn_ref;
      if (ref !== undefined && ref !== REF_OF_MODE[mode]) {
        throw new LrschedError(`${where}._scale_fn_ref`, `must be null, absent or '${REF_OF_MODE[mode]}' (the scale function of mode '${mode}')`, ref);
      }
    } else if (typeof st._scale_fn_ref === "string") {
      throw new LrschedError(`${where}._scale_fn_ref`, "names a built-in scale function, but this scheduler was constructed with a scaleFn", st._scale_fn_ref);
    }
    if (st.use_beta1 === true) {
      throw new LrschedError(`${where}.use_beta1`, "is true: cycling Adam's beta1 is PyTorch 2.x's CyclicLR; this one cycles `momentum` (PyTorch 1.13's)");
    }
    if (st.cycle_momentum) {
      if (st.base_momentums === undefined || st.max_momentums === undefined) {
        throw new LrschedError(`${where}.base_momentums`, "and max_momentums are required when cycle_momentum is true");
      }
      if (!hasMomentum(this.groups)) {
        throw new LrschedError(`${where}.cycle_momentum`, "is true but the optimizer's param groups have no momentum");
      }
    }
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.maxLrs = st.max_lrs as number[];
    this.totalSize = st.total_size as number;
    this.stepRatio = st.step_ratio as number;
    this.mode = st.mode as string;
    this.gamma = st.gamma as number;
    if (this.scaleFnCustom === null) {
      this.scaleFnRef = REF_OF_MODE[this.mode as CyclicMode];
      this.scaleMode = this.mode === "exp_range" ? "iterations" : "cycle";
    } else {
      this.scaleMode = st.scale_mode as string;
    }
    this.cycleMomentum = st.cycle_momentum as boolean;
    if (st.base_momentums !== undefined) this.baseMomentums = st.base_momentums as number[];
    if (st.max_momentums !== undefined) this.maxMomentums = st.max_momentums as number[];
  }

  protected torchKwargs(): Record<string, unknown> {
    return { ...this.kwargs };
  }
}
