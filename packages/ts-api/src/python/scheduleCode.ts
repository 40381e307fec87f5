// The Python closed form of a schedule: its core plan's when it has one, else the type's own
// formula (timm's classes, cosinePower, and composites holding such a schedule).
import { RampShape } from "@lrsched/core";
import { LrschedError } from "../errors";
import { correctLog } from "../pyMath";
import type { Schedule } from "../schedule";
import type { Emitter } from "./emitter";
import { joinLines, planCode, rampExpr } from "./planCode";

type Options = Record<string, never>;

const SHAPES: Record<string, number> = { linear: RampShape.Linear, cosine: RampShape.Cosine, exponential: RampShape.Exponential };

/** timm's rate after the warm-up, as a function of the schedule's t (timm's _get_lr). */
function timmAfter(s: Schedule, em: Emitter): string[] {
  const o = s.options as Options;
  const { lit, f } = em;
  const lr = o.lr as number;
  if (s.type === "timmStep") return [`return ${lit(lr)} * ${f.pow(lit(o.decayRate), f.floorDiv("t", lit(o.decayT)))}`];
  if (s.type === "timmMultiStep") {
    const milestones = em.constant("milestones", o.decayT as unknown as number[]);
    return [`return ${lit(lr)} * ${f.pow(lit(o.decayRate), f.count(milestones, "t + 1", true))}`];
  }
  const T = o.tInitial as number;
  const mul = o.cycleMul as number;
  const lines = mul === 1
    ? [`i = ${f.floorDiv("t", lit(T))}`, `t_i = ${lit(T)}`, `t_curr = t - ${lit(T)} * i`]
    : [
        // timm: math.floor(math.log(1 - t / t_initial * (1 - cycle_mul), cycle_mul))
        `i = ${f.fn("floor", `${f.fn("log", `1 - t / ${lit(T)} * ${lit(1 - mul)}`)} / ${lit(correctLog(mul))}`)}`,
        `p = ${f.pow(lit(mul), "i")}`,
        `t_i = p * ${lit(T)}`,
        `t_curr = ${f.max("0.0", `t - ((1 - p) / ${lit(1 - mul)}) * ${lit(T)}`)}`,
      ];
  const lrMin = lit(o.lrMin);
  lines.push(`lr_max = ${lit(lr)} * ${f.pow(lit(o.cycleDecay), "i")}`);
  let shape: string;
  if (s.type === "timmCosine") {
    const k = lit(o.kDecay);
    shape = `${lrMin} + 0.5 * (lr_max - ${lrMin}) * (1 + ${f.fn("cos", `(math.pi * ${f.pow("t_curr", k)}) / ${f.pow("t_i", k)}`)})`;
  } else if (s.type === "timmTanh") {
    lines.push("tr = t_curr / t_i");
    shape = `${lrMin} + 0.5 * (lr_max - ${lrMin}) * (1 - ${f.fn("tanh", `${lit(o.lb)} * (1 - tr) + ${lit(o.ub)} * tr`)})`;
  } else {
    const k = lit(o.kDecay);
    shape = `${lrMin} + (lr_max - ${lrMin}) * ${f.pow(f.max("0.0", `1 - ${f.pow("t_curr", k)} / ${f.pow("t_i", k)}`), lit(o.power))}`;
  }
  lines.push(...f.select([[`i < ${lit(o.cycleLimit)}`, shape]], lrMin));
  return lines;
}

/** A timm class: warm-up from warmupLrInit, then its schedule (t offset by the warm-up when prefixed). */
function timmCode(s: Schedule, em: Emitter): string {
  const o = s.options as Options;
  const { lit, f } = em;
  const w = o.warmupT as number;
  const after = em.def(s.type.replace(/^timm/, "timm_").toLowerCase(), ["t = x", ...timmAfter(s, em)]);
  if (w === 0) return after;
  // the warm-up's slope as timm computes it (TanhLRScheduler without prefix ramps to its rate at warmupT)
  const target = s.type === "timmTanh" && !o.warmupPrefix ? s.at(w) : (o.lr as number);
  const slope = (target - (o.warmupLrInit as number)) / w;
  return em.def("timm_warmup", f.select(
    [[`x < ${lit(w)}`, `${lit(o.warmupLrInit)} + x * ${lit(slope)}`]],
    `${after}(${o.warmupPrefix ? `x - ${lit(w)}` : "x"})`,
  ));
}

/** The Python function (of the step x) computing `s.at(x)`; returns its name. */
export function scheduleCode(s: Schedule, em: Emitter): string {
  if (s.plan) return planCode(s.plan, em);
  const o = s.options as Options;
  const { lit, f } = em;
  switch (s.type) {
    case "timmCosine":
    case "timmTanh":
    case "timmPoly":
    case "timmStep":
    case "timmMultiStep":
      return timmCode(s, em);
    case "cosinePower": {
      const d = lit(o.decaySteps);
      return em.def("cosine_power", [
        `s = ${f.min("x", d)}`,
        `c = 0.5 * (1 + ${f.fn("cos", `(math.pi * s) / ${d}`)})`,
        `return ${lit(o.initialLearningRate)} * (${lit(1 - (o.alpha as number))} * ${f.pow("c", lit(o.exponent))} + ${lit(o.alpha)})`,
      ]);
    }
    case "warmup": {
      const inner = o.schedule as unknown as Schedule;
      const w = o.warmupSteps as number;
      const child = scheduleCode(inner, em);
      if (w === 0) return child;
      const ramp = rampExpr(em, SHAPES[o.shape as string]!, o.initialLr as number, inner.at(0), w);
      return em.def("warmup", f.select([[`x < ${lit(w)}`, ramp]], `${child}(${o.offset ? `x - ${lit(w)}` : "x"})`));
    }
    case "join": {
      const children = (o.schedules as unknown as Schedule[]).map((c) => scheduleCode(c, em));
      return em.def("join", joinLines(em, children, o.boundaries as unknown as number[]));
    }
    case "multiply": {
      const [a, b] = (o.schedules as unknown as Schedule[]).map((c) => scheduleCode(c, em));
      return em.expr("product", `${a}(x) * ${b}(x)`);
    }
    case "clamp": {
      const inner = scheduleCode(o.schedule as unknown as Schedule, em);
      const lo = f.max(`${inner}(x)`, lit(o.min));
      return em.expr("clamp", o.max === null ? lo : f.min(lo, lit(o.max)));
    }
    case "scale":
      return em.expr("scale", `${scheduleCode(o.schedule as unknown as Schedule, em)}(x) * ${lit(o.factor)}`);
    case "cyclic":
      throw new LrschedError("cyclic.scaleFn", "is a JS function: it has no Python form (use a mode instead)");
    default:
      throw new LrschedError(s.type, "has no Python closed form");
  }
}
