// The param-group fields schedulers read and write, saved and restored with PyTorch's names
// (`initial_lr`, `max_lr`, ...), the form python/lrsched_torch.py reads and writes. A run moves
// between PyTorch and lrsched as these fields plus the scheduler's state dict.
import { LrschedError } from "@lrsched/ts-api";
import { isPlainObject } from "./checks";
import { checkOptimizer, writeLr, type Optimizer, type ParamGroup } from "./optimizer";

/** PyTorch's param-group key -> this package's group field. */
const FIELDS: Readonly<Record<string, string>> = {
  lr: "lr",
  initial_lr: "initialLr",
  momentum: "momentum",
  betas: "betas",
  max_lr: "maxLr",
  min_lr: "minLr",
  max_momentum: "maxMomentum",
  base_momentum: "baseMomentum",
};

/**
 * One saved group: the scheduler fields a group has, by PyTorch's names.
 *
 * @example
 * ```ts
 * import { OneCycleLR, saveParamGroups, type SavedParamGroup } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * new OneCycleLR(optimizer, { maxLr: 0.1, totalSteps: 10, cycleMomentum: false });
 * const [group]: SavedParamGroup[] = saveParamGroups(optimizer);
 * group.max_lr; // → 0.1
 * ```
 */
export type SavedParamGroup = Record<string, number | number[]>;

/**
 * The scheduler fields of every param group, by PyTorch's names (plain JSON).
 *
 * @example
 * ```ts
 * import { StepLR, saveParamGroups } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * new StepLR(optimizer, { stepSize: 1, gamma: 0.5 }).step();
 * saveParamGroups(optimizer)[0].lr; // → 0.05
 * ```
 */
export function saveParamGroups(optimizer: Optimizer): SavedParamGroup[] {
  return checkOptimizer(optimizer).map((g) => {
    const out: SavedParamGroup = {};
    for (const [torch, field] of Object.entries(FIELDS)) {
      const v = g[field];
      if (typeof v === "number") out[torch] = v;
      else if (field === "betas" && Array.isArray(v)) out[torch] = [...(v as number[])];
    }
    return out;
  });
}

function finite(path: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new LrschedError(path, "must be a finite number", v);
  return v;
}

/** A saved group's fields under this package's names, every value checked. */
function readGroup(saved: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(saved)) throw new LrschedError(path, "must be an object of param-group fields", saved);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(saved)) {
    // PyTorch's names or this package's; other keys (weight_decay, ...) are not scheduler fields
    const field = FIELDS[key] ?? (Object.values(FIELDS).includes(key) ? key : undefined);
    if (field === undefined) continue;
    if (field === "betas") {
      if (!Array.isArray(v) || v.length === 0) throw new LrschedError(`${path}.${key}`, "must be a list of numbers", v);
      const betas: number[] = [];
      for (let i = 0; i < v.length; i++) betas.push(finite(`${path}.${key}[${i}]`, v[i]));
      out.betas = betas;
    } else {
      out[field] = finite(`${path}.${key}`, v);
    }
  }
  if (out.lr === undefined) throw new LrschedError(`${path}.lr`, "is missing from the saved param group");
  return out;
}

/**
 * Restores saved param-group fields (PyTorch's names, as `optimizer_groups_json` writes them, or
 * this package's) into the optimizer's groups, after checking all of them: a bad or mismatched
 * list throws and changes nothing. The restored rates count as the schedule's own, so a saved
 * rate PyTorch itself produced (a rounding just below 0) is kept.
 *
 * @example
 * ```ts
 * import { StepLR, loadParamGroups, saveParamGroups } from "@lrsched/torch-compat";
 * const a = { paramGroups: [{ lr: 0.1 }] };
 * new StepLR(a, { stepSize: 1, gamma: 0.5 }).step();
 * const b = { paramGroups: [{ lr: 0.1 }] };
 * loadParamGroups(b, JSON.parse(JSON.stringify(saveParamGroups(a))));
 * b.paramGroups[0].lr; // → 0.05
 * ```
 */
export function loadParamGroups(optimizer: Optimizer, saved: unknown): void {
  const groups = checkOptimizer(optimizer);
  if (!Array.isArray(saved) || saved.length !== groups.length) {
    throw new LrschedError("paramGroups", `must be a list of ${groups.length} saved param groups (one per group)`, saved);
  }
  const read: Record<string, unknown>[] = [];
  for (let i = 0; i < saved.length; i++) read.push(readGroup(saved[i], `paramGroups[${i}]`));
  read.forEach((fields, i) => {
    const g: ParamGroup = groups[i];
    const { lr, ...rest } = fields;
    Object.assign(g, rest);
    writeLr(g, lr as number);
  });
}
