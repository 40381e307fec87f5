// Python closed forms of core plan nodes: each node becomes a function of its local step x with
// the formula its kernel evaluates (the kernels' own definitions; see @lrsched/core's assembly).
import { CyclicMode, Op, RampShape, type PlanNode } from "@lrsched/core";
import { LrschedError } from "../errors";
import type { Emitter } from "./emitter";
import { gaussianCode } from "./noise";

const PI = "math.pi";

/** p = x / d, floored when staircase. */
const phase = (em: Emitter, d: number, stair: number) => (stair ? em.f.fn("floor", `x / ${em.lit(d)}`) : `x / ${em.lit(d)}`);

/** The ramp from `from` to `to` over `steps` (shape as in the core's Ramp) as an expression of x. */
export function rampExpr(em: Emitter, shape: number, from: number, to: number, steps: number): string {
  const { lit, f } = em;
  const p = `(x / ${lit(steps)})`;
  switch (shape) {
    case RampShape.Linear:
      return `${lit(from)} + ${lit(to - from)} * ${p}`;
    case RampShape.Cosine: {
      // whole cycles (2 steps) are taken out first, as at() does, so long ramps keep their phase
      const cycle = 2 * steps;
      const q = Number.isFinite(cycle)
        ? f.where(`x >= ${lit(cycle)}`, `(x - ${f.fn("floor", `x / ${lit(cycle)}`)} * ${lit(cycle)}) / ${lit(steps)}`, `x / ${lit(steps)}`)
        : `x / ${lit(steps)}`;
      return `${lit(to)} + ${lit((from - to) * 0.5)} * (1 + ${f.fn("cos", `${PI} * ${q}`)})`;
    }
    case RampShape.Exponential:
      return `${lit(from)} * ${f.fn("exp", `${p} * ${lit(Math.log(to / from))}`)}`;
    default:
      return `${lit(from)} + ${lit(to - from)} * ${f.fn("sqrt", p)}`;
  }
}

/** The restart period of x: index i, start and length (Keras CosineDecayRestarts' periods, corrected). */
function restartLines(em: Emitter, first: number, tMul: number): string[] {
  const { lit, f } = em;
  if (tMul === 1) return [`i = ${f.fn("floor", `x / ${lit(first)}`)}`, `start = ${lit(first)} * i`, `length = ${lit(first)}`];
  const g = tMul - 1;
  const lg = Math.log1p(g);
  const start = (i: string) => {
    const raw = `${lit(first)} * (${f.fn("expm1", `${i} * ${lit(lg)}`)} / ${lit(g)})`;
    // a start within 1e-9 of an integer step is that step
    return `_snap(${raw})`;
  };
  em.helper(snapCode(em));
  return [
    `i = ${f.max("0.0", f.fn("floor", `${f.fn("log1p", `(x / ${lit(first)}) * ${lit(g)}`)} / ${lit(lg)}`))}`,
    // the logarithm's estimate, checked against the exact period starts
    `i = ${f.where(`${start("i")} > x`, f.max("0.0", "i - 1"), "i")}`,
    `i = ${f.where(`${start("(i + 1)")} <= x`, "i + 1", "i")}`,
    `start = ${start("i")}`,
    `length = ${lit(first)} * ${f.pow(lit(tMul), "i")}`,
  ];
}

function snapCode(em: Emitter): string {
  const { f } = em;
  return [
    "def _snap(v):",
    `    r = ${f.fn("round", "v")}`,
    `    return ${f.where(`${f.fn("abs", "v - r")} <= 1e-9 * ${f.max("1.0", "r")}`, "r", "v")}`,
  ].join("\n");
}

/** The Python function (of local step x) of a plan node; returns its name. */
export function planCode(node: PlanNode, em: Emitter): string {
  const { lit, f } = em;
  const p = node.params;
  switch (node.op) {
    case Op.Constant:
      return em.expr("constant", lit(p[0]!));
    case Op.Exponential:
      return em.expr("exponential", `${lit(p[0]!)} * ${f.fn("exp", `${lit(p[2]!)} * ${phase(em, p[1]!, p[3]!)}`)}`);
    case Op.InverseTime:
      return em.expr("inverse_time", `${lit(p[0]!)} / (1 + ${lit(p[2]!)} * ${phase(em, p[1]!, p[3]!)})`);
    case Op.Piecewise: {
      const nb = p[0]!;
      const bounds = em.constant("boundaries", p.slice(1, 1 + nb));
      const values = em.constant("values", p.slice(1 + nb));
      return em.expr("piecewise", f.take(values, f.count(bounds, "x", false)));
    }
    case Op.Polynomial: {
      const [lr, d, end, power, cycle] = p as [number, number, number, number, number];
      const span = cycle ? `(${lit(d)} * ${f.where("x == 0", "1.0", f.fn("ceil", `x / ${lit(d)}`))})` : lit(d);
      const s = cycle ? "x" : f.min("x", lit(d));
      return em.expr("polynomial", `${lit(lr - end)} * ${f.pow(f.max("0.0", `1 - ${s} / ${span}`), lit(power))} + ${lit(end)}`);
    }
    case Op.Cosine: {
      const [lr, d, alpha] = p as [number, number, number];
      const c = `(0.5 * (1 + ${f.fn("cos", `${PI} * (${f.min("x", lit(d))} / ${lit(d)})`)}))`;
      return em.expr("cosine", `${lit(lr)} * (${lit(1 - alpha)} * ${c} + ${lit(alpha)})`);
    }
    case Op.CosineRestarts: {
      const [lr, first, tMul, mMul, alpha, w] = p as [number, number, number, number, number, number];
      const lines = restartLines(em, first, tMul);
      const peak = f.pow(lit(mMul), "i");
      if (w === 0) {
        lines.push(`c = 0.5 * ${peak} * (1 + ${f.fn("cos", `${PI} * ((x - start) / length)`)})`);
        lines.push(`return ${lit(lr)} * (${lit(1 - alpha)} * c + ${lit(alpha)})`);
      } else {
        lines.push("t = x - start", `b = ${lit(0.5 * lr * (1 - alpha))} * ${peak}`);
        lines.push(...f.select(
          [[`t < ${lit(w)}`, `${lit(lr * alpha)} + ((2 * b) / ${lit(w)}) * t`]],
          `b + ${lit(lr * alpha)} + b * ${f.fn("cos", `(${PI} / (length - ${lit(w)})) * (t - ${lit(w)})`)}`,
        ));
        return em.def("restarts", lines);
      }
      return em.def("restarts", lines);
    }
    case Op.LinearCosine:
    case Op.NoisyLinearCosine: {
      const [lr, d, periods, alpha, beta] = p as [number, number, number, number, number];
      const lines = [`s = ${f.min("x", lit(d))}`, `c = 0.5 * (1 + ${f.fn("cos", `${PI} * (${lit(2 * periods)} * (s / ${lit(d)}))`)})`];
      let linear = `(${lit(d)} - s) / ${lit(d)}`;
      if (node.op === Op.NoisyLinearCosine) {
        if (f.name !== "math") throw new LrschedError("noisyLinearCosineDecay", `has no ${f.name === "jnp" ? "optax" : "Keras"} code: its seeded noise is written in plain Python only (export it as PyTorch code)`);
        const [, , , , , variance, decay, seed] = p as number[];
        em.helper(gaussianCode());
        lines.push(`eps = ${lit(Math.sqrt(variance!))} * math.exp(${lit(-0.5 * decay!)} * math.log(1 + s)) * _gaussian(${seed}, math.floor(x))`);
        linear = `(${linear} + eps)`;
      }
      lines.push(`return ${lit(lr)} * ((${lit(alpha)} + ${linear}) * c + ${lit(beta)})`);
      return em.def(node.op === Op.NoisyLinearCosine ? "noisy_linear_cosine" : "linear_cosine", lines);
    }
    case Op.Ramp:
      return em.expr("ramp", rampExpr(em, p[3]!, p[0]!, p[1]!, p[2]!));
    case Op.Cyclic: {
      const [base, max, up, down, mode, gamma] = p as [number, number, number, number, number, number];
      const total = up + down;
      const lines = [
        `cycle = ${f.fn("floor", `1 + x / ${lit(total)}`)}`,
        `y = (x - (cycle - 1) * ${lit(total)}) / ${lit(total)}`,
        `scale = ${f.min(`y / ${lit(up / total)}`, `(1 - y) / ${lit(1 - up / total)}`)}`,
      ];
      let factor = "";
      if (mode === CyclicMode.Triangular2) factor = ` * ${f.where("cycle <= 1024", f.pow("0.5", "cycle - 1"), "0.0")}`;
      if (mode === CyclicMode.ExpRange) factor = ` * ${f.fn("exp", `x * ${lit(Math.log(gamma))}`)}`;
      lines.push(`return ${lit(base)} + ${lit(max - base)} * scale${factor}`);
      return em.def("cyclic", lines);
    }
    case Op.InverseSqrt: {
      const [lr, timescale, shift] = p as [number, number, number];
      return em.expr("inverse_sqrt", `${lit(lr)} / ${f.fn("sqrt", `(x + ${lit(shift)}) / ${lit(timescale)}`)}`);
    }
    case Op.KDecay: {
      const [lr, d, k, minLr] = p as [number, number, number, number];
      const cos = f.fn("cos", `${PI} * ${f.pow(f.max("0.0", `x / ${lit(d)}`), lit(k))}`);
      return em.def("k_decay", f.select([[`x < ${lit(d)}`, `${lit(minLr)} + ${lit(0.5 * (lr - minLr))} * (1 + ${cos})`]], lit(minLr)));
    }
    case Op.Join: {
      const k = p[0]!;
      const bounds = p.slice(1, k);
      const children = node.children.map((c) => planCode(c, em));
      return em.def("join", joinLines(em, children, bounds));
    }
    case Op.Multiply: {
      const [a, b] = node.children.map((c) => planCode(c, em));
      return em.expr("product", `${a}(x) * ${b}(x)`);
    }
    case Op.Clamp: {
      const inner = planCode(node.children[0]!, em);
      const lo = f.max(`${inner}(x)`, lit(p[0]!));
      return em.expr("clamp", p[1] === Infinity ? lo : f.min(lo, lit(p[1]!)));
    }
    case Op.Shift:
      return em.expr("shift", `${planCode(node.children[0]!, em)}(x + ${lit(p[0]!)})`);
    case Op.Repeat: {
      const period = lit(p[0]!);
      return em.expr("repeat", `${planCode(node.children[0]!, em)}(x - ${f.fn("floor", `x / ${period}`)} * ${period})`);
    }
    default:
      throw new LrschedError("plan", `has an operation with no Python form (${node.op})`);
  }
}

/** Pieces in sequence: piece j on [b_(j-1), b_j) sees x - b_(j-1) (optax's join). */
export function joinLines(em: Emitter, children: readonly string[], bounds: readonly number[]): string[] {
  const { lit } = em;
  const cases: [string, string][] = children.slice(0, -1).map((c, j) => [
    `x < ${lit(bounds[j]!)}`,
    j === 0 ? `${c}(x)` : `${c}(x - ${lit(bounds[j - 1]!)})`,
  ]);
  const last = children[children.length - 1]!;
  return em.f.select(cases, bounds.length ? `${last}(x - ${lit(bounds[bounds.length - 1]!)})` : `${last}(x)`);
}
