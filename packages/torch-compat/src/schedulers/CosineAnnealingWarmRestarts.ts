import { LrschedError, cosineDecayRestarts, type Schedule } from "@lrsched/ts-api";
import { checkOptions, lastEpochOf, num } from "../checks";
import { LRScheduler } from "../LRScheduler";
import { checkRates, type Optimizer } from "../optimizer";
import { S, type StateDict, type StateSchema } from "../stateDict";
import { truncLogRatio } from "../pyLog";
import { groupSchedule } from "../toSchedule";

/**
 * Options of `new CosineAnnealingWarmRestarts(optimizer, options)`: PyTorch's constructor arguments in camelCase.
 *
 * @example
 * ```ts
 * import { CosineAnnealingWarmRestarts, type CosineAnnealingWarmRestartsOptions } from "@lrsched/torch-compat";
 * const options: CosineAnnealingWarmRestartsOptions = { t0: 4, tMult: 2 };
 * new CosineAnnealingWarmRestarts({ paramGroups: [{ lr: 0.1 }] }, options).getLastLr().length; // → 1
 * ```
 */
export interface CosineAnnealingWarmRestartsOptions {
  /** Epochs of the first period (a positive integer). */
  readonly t0: number;
  /** Period growth factor after each restart (an integer >= 1). Default 1. */
  readonly tMult?: number;
  /** Lowest rate. Default 0. */
  readonly etaMin?: number;
  readonly lastEpoch?: number;
  readonly verbose?: boolean;
}

/**
 * Start and length of restart period n as PyTorch computes them with Python's exact integers,
 * `T_0 * (T_mult ** n - 1) / (T_mult - 1)` and `T_0 * T_mult ** n`, each rounded once to a double.
 */
function restartPeriod(t0: number, tMult: number, n: number): [number, number] {
  const length = BigInt(t0) * BigInt(tMult) ** BigInt(n);
  return [Number((length - BigInt(t0)) / BigInt(tMult - 1)), Number(length)];
}

const t0Rule = (path: string, v: unknown) =>
  num(path, v, { integer: true, min: 1 }, " (PyTorch: expected positive integer T_0)");
const tMultRule = (path: string, v: unknown) =>
  num(path, v, { integer: true, min: 1 }, " (PyTorch: expected integer T_mult >= 1)");

/**
 * PyTorch `CosineAnnealingWarmRestarts` (SGDR): a half cosine from the base rate to `etaMin`
 * over `tI` epochs, restarting at the base rate; `tI` starts at `t0` and is multiplied by
 * `tMult` at each restart. `step(epoch)` accepts a fractional epoch (e.g. `epoch + i / iters`
 * per batch) and computes the position in the current period from it.
 *
 * `t0: 10`, lr 0.1: epochs 0, 5, 9, 10 give 0.1, 0.05, 0.00245, 0.1.
 *
 * @example
 * ```ts
 * import { CosineAnnealingWarmRestarts } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const scheduler = new CosineAnnealingWarmRestarts(optimizer, { t0: 4, tMult: 2 });
 * for (let epoch = 0; epoch < 4; epoch++) scheduler.step();
 * scheduler.getLastLr(); // → [0.1]
 * ```
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  readonly className: string = "CosineAnnealingWarmRestarts";
  t0: number;
  tI: number;
  tMult: number;
  etaMin: number;
  /** Epochs since the last restart (fractional after a fractional step(epoch)). */
  tCur: number;

  constructor(optimizer: Optimizer, options: CosineAnnealingWarmRestartsOptions) {
    super(optimizer);
    const o = checkOptions("CosineAnnealingWarmRestarts", options, ["t0", "tMult", "etaMin", "lastEpoch", "verbose"]);
    this.t0 = t0Rule("t0", o.t0);
    this.tI = this.t0;
    this.tMult = tMultRule("tMult", o.tMult ?? 1);
    this.etaMin = num("etaMin", o.etaMin ?? 0);
    const lastEpoch = lastEpochOf(o.lastEpoch);
    this.tCur = lastEpoch;
    this.attach(lastEpoch, o.verbose);
  }

  protected computeLr(out: number[]): void {
    const c = 1 + Math.cos((Math.PI * this.tCur) / this.tI);
    for (let i = 0; i < out.length; i++) out[i] = this.etaMin + ((this.baseLrs[i] - this.etaMin) * c) / 2;
  }

  /** Next epoch, or jump to `epoch` (fractional allowed, >= 0). Does not count steps, as in PyTorch. */
  override step(epoch?: number): void {
    checkRates(this.groups);
    let e: number;
    if (epoch === undefined && this.lastEpoch < 0) epoch = 0;
    if (epoch === undefined) {
      e = this.lastEpoch + 1;
      this.tCur = this.tCur + 1;
      if (this.tCur >= this.tI) {
        this.tCur = this.tCur - this.tI;
        this.tI = this.tI * this.tMult;
      }
    } else {
      e = num("epoch", epoch);
      if (e < 0) throw new LrschedError("epoch", "must be non-negative (PyTorch: expected non-negative epoch)", e);
      if (e >= this.t0) {
        if (this.tMult === 1) {
          this.tCur = e % this.t0;
        } else {
          // PyTorch: n = int(math.log(epoch / T_0 * (T_mult - 1) + 1, T_mult))
          const n = truncLogRatio((e / this.t0) * (this.tMult - 1) + 1, this.tMult);
          const [start, length] = restartPeriod(this.t0, this.tMult, n);
          this.tCur = e - start;
          this.tI = length;
        }
      } else {
        this.tI = this.t0;
        this.tCur = e;
      }
    }
    this.lastEpoch = Math.floor(e);
    this.computeLr(this.buffer);
    this.apply(this.buffer, epoch);
  }

  /**
   * Integer epochs as a ts-api cosineDecayRestarts (Keras SGDR: tMul = tMult, mMul 1,
   * alpha = etaMin / base).
   */
  toSchedule(group = 0): Schedule {
    return groupSchedule(this.className, this.groups.length, group, (g) => {
      const base = this.baseLrs[g];
      if (!(base > 0)) throw new LrschedError("baseLrs", "must be > 0", base);
      return cosineDecayRestarts({
        initialLearningRate: base,
        firstDecaySteps: this.t0,
        tMul: this.tMult,
        mMul: 1,
        alpha: this.etaMin / base,
      });
    });
  }

  protected ownState(): StateDict {
    return { T_0: this.t0, T_i: this.tI, T_mult: this.tMult, eta_min: this.etaMin, T_cur: this.tCur };
  }

  protected ownSchema(): StateSchema {
    return {
      T_0: { check: (v, p) => t0Rule(p, v) },
      T_i: { check: S.number },
      T_mult: { check: (v, p) => tMultRule(p, v) },
      eta_min: { check: S.number },
      T_cur: { check: S.number },
    };
  }

  protected override checkOwn(st: Record<string, unknown>, where: string): void {
    // T_i is T_0 * T_mult^k in PyTorch: an integer period, at least one epoch long
    num(`${where}.T_i`, st.T_i, { integer: true, min: 1 });
  }

  protected applyOwn(st: Record<string, unknown>): void {
    this.t0 = st.T_0 as number;
    this.tI = st.T_i as number;
    this.tMult = st.T_mult as number;
    this.etaMin = st.eta_min as number;
    this.tCur = st.T_cur as number;
  }

  protected torchKwargs(): Record<string, unknown> {
    return { T_0: this.t0, T_mult: this.tMult, eta_min: this.etaMin };
  }
}
