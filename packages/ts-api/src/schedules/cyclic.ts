import { CyclicMode, Op, planNode } from "@lrsched/core";
import { LrschedError, describe } from "../errors";
import { scheduleType } from "../scheduleType";

/**
 * How a cyclic schedule scales its amplitude: constant, halved every cycle, or by gamma^step.
 *
 * @example
 * ```ts
 * import { cyclic, type CyclicModeName } from "@lrsched/ts-api";
 * const mode: CyclicModeName = "triangular2";
 * cyclic({ baseLr: 0.001, maxLr: 0.006, mode }).at(2000); // → 0.006
 * ```
 */
export type CyclicModeName = "triangular" | "triangular2" | "exp_range";

/**
 * Options of `cyclic()`; the table below gives each one's default and rules.
 *
 * @example
 * ```ts
 * import { cyclic, type CyclicOptions } from "@lrsched/ts-api";
 * const options: CyclicOptions = { baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000, mode: "exp_range", gamma: 0.9999 };
 * cyclic(options).at(0); // → 0.001
 * ```
 */
export interface CyclicOptions {
  readonly baseLr: number;
  readonly maxLr: number;
  /** Steps from baseLr up to maxLr. Default 2000. */
  readonly stepSizeUp?: number;
  /** Steps back down; null for stepSizeUp. Default null. */
  readonly stepSizeDown?: number | null;
  /** Default 'triangular'. Ignored when scaleFn is given. */
  readonly mode?: CyclicModeName;
  /** Per-step factor of 'exp_range'. Default 1. */
  readonly gamma?: number;
  /** Custom amplitude scale; evaluated in JS (curves are computed per step, not in the core). */
  readonly scaleFn?: ((x: number) => number) | null;
  /** What scaleFn receives: the cycle number ('cycle') or the step ('iterations'). Default 'cycle'. */
  readonly scaleMode?: "cycle" | "iterations";
}

const MODES: Record<CyclicModeName, CyclicMode> = {
  triangular: CyclicMode.Triangular,
  triangular2: CyclicMode.Triangular2,
  exp_range: CyclicMode.ExpRange,
};

/** 2^53, written out: bundlers cannot tell `2 ** 53` from an expression with side effects. */
const TWO_POW_53 = 9007199254740992;

/** 1 / 2^c for c = 0 .. 1023, by halving (exact); triangular2's amplitude is 0 beyond, as in the core. */
const HALVINGS = /* @__PURE__ */ (() => {
  const t = new Float64Array(1024);
  let p = 1;
  for (let c = 0; c < t.length; c++, p /= 2) t[c] = p;
  return t;
})();

/**
 * Cyclical learning rates (Smith 2015), the rates of PyTorch's CyclicLR as a closed form in the
 * step s: with T = up + down, cycle = floor(1 + s / T), x = 1 + s / T - cycle, the amplitude
 * climbs linearly for the first up/T of a cycle and falls for the rest, and
 * `lr = baseLr + (maxLr - baseLr) * amplitude * f`, where f is 1 ('triangular'),
 * 1 / 2^(cycle - 1) ('triangular2') or gamma^s ('exp_range'). A custom `scaleFn` replaces f and
 * makes the schedule JS-only: `curve()` then evaluates it step by step.
 */
export const cyclicType = /* @__PURE__ */ scheduleType<CyclicOptions>({
  type: "cyclic",
  summary: "Cyclical rates between baseLr and maxLr (PyTorch CyclicLR): triangular, triangular2, exp_range.",
  fields: {
    baseLr: { kind: "number", doc: "Lower bound of the cycle.", min: 0 },
    maxLr: { kind: "number", doc: "Upper bound of the cycle (>= baseLr).", min: 0 },
    stepSizeUp: { kind: "number", doc: "Steps from baseLr to maxLr (1 .. 2^53).", min: 1, max: TWO_POW_53, default: 2000 },
    stepSizeDown: { kind: "nullableNumber", doc: "Steps from maxLr back to baseLr (1 .. 2^53; null: stepSizeUp).", min: 1, max: TWO_POW_53, default: null },
    mode: { kind: "choice", doc: "Amplitude policy.", choices: ["triangular", "triangular2", "exp_range"], default: "triangular" },
    gamma: { kind: "number", doc: "Per-step factor of exp_range.", above: 0, max: 1, default: 1 },
    scaleFn: { kind: "function", doc: "Custom amplitude scale (JS only; no spec form).", default: null },
    scaleMode: { kind: "choice", doc: "Argument of scaleFn.", choices: ["cycle", "iterations"], default: "cycle" },
  },
  build: (o, path) => {
    const { baseLr, maxLr, stepSizeUp: up, stepSizeDown, mode, gamma, scaleFn, scaleMode } = o as Required<CyclicOptions>;
    if (maxLr < baseLr) throw new LrschedError(path("maxLr"), `must be >= baseLr (${baseLr})`, maxLr);
    const down = stepSizeDown ?? up;
    const total = up + down;
    const ratio = up / total;
    const height = maxLr - baseLr;
    // exp(x ln b) rather than b ** x: the same value to a few ulps, several times faster
    const lnGamma = Math.log(gamma);
    const factor = (cycle: number, step: number): number => {
      if (scaleFn) {
        const x = scaleMode === "cycle" ? cycle : step;
        let f: unknown;
        try {
          f = scaleFn(x);
        } catch (e) {
          throw new LrschedError(path("scaleFn"), `threw for ${x} (${e instanceof Error ? e.message : describe(e)})`, undefined, { cause: e });
        }
        if (typeof f !== "number" || !Number.isFinite(f)) throw new LrschedError(path("scaleFn"), "must return a finite number", f);
        return f;
      }
      if (mode === "triangular2") return cycle <= HALVINGS.length ? HALVINGS[cycle - 1]! : 0;
      if (mode === "exp_range") return Math.exp(step * lnGamma);
      return 1;
    };
    return {
      at(step) {
        // PyTorch's x = 1 + s / T - cycle, computed from the exact offset into the cycle so the
        // phase stays exact at huge steps
        const cycle = Math.floor(1 + step / total);
        const x = (step - (cycle - 1) * total) / total;
        // the triangle: x / r rising, (1 - x) / (1 - r) falling, the smaller of the two (no branch
        // on the step; (1 - x) / (1 - r) is PyTorch's (x - 1) / (r - 1) exactly)
        const scaleFactor = Math.min(x / ratio, (1 - x) / (1 - ratio));
        return baseLr + height * scaleFactor * factor(cycle, step);
      },
      plan: scaleFn ? null : planNode(Op.Cyclic, [baseLr, maxLr, up, down, MODES[mode], gamma]),
    };
  },
});

/**
 * Cyclical learning rates (PyTorch `CyclicLR`'s rates): triangular, triangular2 or exp_range between baseLr and maxLr.
 *
 * @example
 * ```ts
 * import { cyclic } from "@lrsched/ts-api";
 * const s = cyclic({ baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000, mode: "triangular2" });
 * s.at(2000); // → 0.006
 * s.at(6000); // → 0.0035
 * ```
 */
export const cyclic = (options: CyclicOptions) => cyclicType.create(options);
