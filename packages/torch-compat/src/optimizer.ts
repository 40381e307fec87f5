import { LrschedError } from "@lrsched/ts-api";

/**
 * One parameter group: the fields a scheduler reads and writes. Schedulers set `lr` (and
 * `initialLr` on first use, as PyTorch sets `initial_lr`); CyclicLR and OneCycleLR also cycle
 * `momentum` or `betas[0]`, and OneCycleLR keeps `maxLr`, `minLr`, `maxMomentum`,
 * `baseMomentum` here as PyTorch keeps them in its param groups.
 *
 * @example
 * ```ts
 * import { OneCycleLR, type ParamGroup } from "@lrsched/torch-compat";
 * const group: ParamGroup = { lr: 0.1, momentum: 0.9 };
 * new OneCycleLR({ paramGroups: [group] }, { maxLr: 0.1, totalSteps: 10 });
 * group.momentum; // → 0.95
 * ```
 */
export interface ParamGroup {
  lr: number;
  initialLr?: number;
  momentum?: number;
  betas?: readonly number[];
  maxLr?: number;
  minLr?: number;
  maxMomentum?: number;
  baseMomentum?: number;
  [key: string]: unknown;
}

/**
 * Anything with param groups: a tfjs optimizer wrapper, a custom training loop's state, or a
 * plain object `{paramGroups: [{lr: 0.1}]}`.
 *
 * @example
 * ```ts
 * import { StepLR, type Optimizer } from "@lrsched/torch-compat";
 * const optimizer: Optimizer = { paramGroups: [{ lr: 0.1 }, { lr: 0.01 }] };
 * new StepLR(optimizer, { stepSize: 1, gamma: 0.5 }).step();
 * optimizer.paramGroups.map((g) => g.lr); // → [0.05, 0.005]
 * ```
 */
export interface Optimizer {
  readonly paramGroups: ParamGroup[];
  /** PyTorch's `optimizer.defaults`: the constructor's rate, which transformers' lrEnd / minLr are relative to. */
  readonly defaults?: { readonly lr?: number };
}

/**
 * The rate each group last received from an lrsched scheduler. A rate a scheduler wrote is its
 * own business (PyTorch lets a schedule go negative, e.g. ExponentialLR with gamma -1); a rate
 * anyone else set is checked as PyTorch's optimizers check theirs.
 */
const written = new WeakMap<ParamGroup, number>();

/** Sets a group's rate on a scheduler's behalf. */
export function writeLr(group: ParamGroup, lr: number): void {
  group.lr = lr;
  written.set(group, lr);
}

/** A rate set from outside must be a number >= 0 (PyTorch's optimizers: "Invalid learning rate"). */
function checkRate(g: ParamGroup, i: number): void {
  const lr: unknown = g.lr;
  if (typeof lr === "number" && lr === written.get(g)) return;
  if (typeof lr !== "number" || !Number.isFinite(lr) || !(lr >= 0)) {
    throw new LrschedError(`optimizer.paramGroups[${i}].lr`, "must be a finite number >= 0 (PyTorch: Invalid learning rate)", lr);
  }
}

/**
 * The rates as a step is about to read them: a rate changed since the last step (a user's
 * `group.lr = ...`) is checked again.
 */
export function checkRates(groups: readonly ParamGroup[]): void {
  for (let i = 0; i < groups.length; i++) checkRate(groups[i], i);
}

/** Checks the shape every scheduler relies on; returns the groups. */
export function checkOptimizer(optimizer: unknown): ParamGroup[] {
  const groups = (optimizer as Optimizer | null)?.paramGroups;
  if (typeof optimizer !== "object" || optimizer === null || !Array.isArray(groups) || groups.length === 0) {
    throw new LrschedError("optimizer.paramGroups", "must be a non-empty array of {lr} objects", groups ?? optimizer);
  }
  // an index loop: forEach would skip the holes of a sparse array
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (typeof g !== "object" || g === null) {
      throw new LrschedError(`optimizer.paramGroups[${i}]`, "must be an object with a numeric lr", g);
    }
    checkRate(g, i);
  }
  return groups;
}

/** The groups' own fields, to put back when a constructor fails after writing into them. */
export function snapshotGroups(groups: readonly ParamGroup[]): () => void {
  const saved = groups.map((g) => ({ ...g }));
  return () => {
    groups.forEach((g, i) => {
      for (const key of Object.keys(g)) if (!Object.prototype.hasOwnProperty.call(saved[i], key)) delete g[key];
      Object.assign(g, saved[i]);
    });
  };
}

/** Reads a numeric group field PyTorch would look up by key (KeyError there, LrschedError here). */
export function groupNumber(group: ParamGroup, i: number, key: string, why: string): number {
  const v = group[key];
  if (typeof v !== "number" || Number.isNaN(v)) {
    throw new LrschedError(`optimizer.paramGroups[${i}].${key}`, `must be a number ${why}`, v);
  }
  return v;
}

/** True when every group has a numeric `momentum` (PyTorch: 'momentum' in optimizer.defaults). */
export const hasMomentum = (groups: readonly ParamGroup[]) => groups.every((g) => typeof g.momentum === "number");

/** True when every group has `betas` (PyTorch: 'betas' in optimizer.defaults, as in Adam). */
export const hasBetas = (groups: readonly ParamGroup[]) => groups.every((g) => Array.isArray(g.betas));

/** Sets beta1 the way PyTorch does: a new tuple `(value, *betas[1:])`. */
export function setBeta1(group: ParamGroup, value: number): void {
  const old = group.betas as readonly number[];
  const next = old.slice();
  next[0] = value;
  group.betas = next;
}
