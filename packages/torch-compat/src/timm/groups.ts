// What timm's Scheduler base class does with the optimizer's param groups: base rates from
// `initial_lr` (set from `lr` unless present, or required with initialize=False), and every rate
// written times the group's `lr_scale` when it has one.
import { LrschedError } from "@lrsched/ts-api";
import { checkOptimizer, type Optimizer, type ParamGroup } from "../optimizer";

/** Checks the groups and returns the base rates timm would take, changing nothing yet. */
export function timmBaseValues(optimizer: Optimizer, initialize: boolean): { groups: ParamGroup[]; bases: number[] } {
  const groups = checkOptimizer(optimizer);
  const bases = groups.map((g, i) => {
    if (g.initialLr === undefined) {
      if (!initialize) {
        throw new LrschedError(`optimizer.paramGroups[${i}].initialLr`, "must be set when initialize is false (timm: initial_lr missing from param_groups)");
      }
      return g.lr;
    }
    if (typeof g.initialLr !== "number" || !Number.isFinite(g.initialLr)) {
      throw new LrschedError(`optimizer.paramGroups[${i}].initialLr`, "must be a finite number", g.initialLr);
    }
    return g.initialLr;
  });
  groups.forEach((g, i) => {
    if (g.lrScale !== undefined && (typeof g.lrScale !== "number" || !Number.isFinite(g.lrScale))) {
      throw new LrschedError(`optimizer.paramGroups[${i}].lrScale`, "must be a finite number (timm's lr_scale)", g.lrScale);
    }
  });
  return { groups, bases };
}

/** timm's `group.setdefault('initial_lr', group['lr'])`. */
export function setInitialLr(groups: ParamGroup[]): void {
  for (const g of groups) if (g.initialLr === undefined) g.initialLr = g.lr;
}

/** timm's update_groups: each group's rate, times its lrScale when it has one. */
export function writeRates(groups: ParamGroup[], values: readonly number[]): void {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    const v = values[i]!;
    g.lr = typeof g.lrScale === "number" ? v * g.lrScale : v;
  }
}

/** An epoch or update count passed to step() / stepUpdate(). */
export function checkT(path: string, t: unknown): number {
  if (typeof t !== "number" || !Number.isFinite(t) || t < 0) throw new LrschedError(path, "must be a finite number >= 0", t);
  return t;
}

/** A metric: a number, or null / undefined for none. */
export function checkMetric(metric: unknown): number | null {
  if (metric === undefined || metric === null) return null;
  if (typeof metric !== "number") throw new LrschedError("metric", "must be a number, or null for none", metric);
  return metric;
}

/** The noise settings timm keeps in its state; noise itself stays off. */
export interface TimmNoise {
  readonly noise_pct: number;
  readonly noise_type: string;
  readonly noise_std: number;
  readonly noise_seed: number;
}

export function readNoise(kwargs: Readonly<Record<string, unknown>>, seedDefault: number | null): TimmNoise {
  const number = (key: string, def: number) => {
    const v = kwargs[key] ?? def;
    if (typeof v !== "number" || !Number.isFinite(v)) throw new LrschedError(`kwargs.${key}`, "must be a finite number", v);
    return v;
  };
  const type = kwargs.noise_type ?? "normal";
  if (type !== "normal" && type !== "uniform") throw new LrschedError("kwargs.noise_type", "must be 'normal' or 'uniform'", type);
  const seed = kwargs.noise_seed ?? seedDefault;
  return {
    noise_pct: number("noise_pct", 0.67),
    noise_type: type,
    noise_std: number("noise_std", 1),
    // timm's base class: a seed of None becomes 42
    noise_seed: seed === null ? 42 : number("noise_seed", seed as number),
  };
}
