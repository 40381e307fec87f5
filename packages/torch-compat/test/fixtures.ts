// Loads the PyTorch fixtures of tools/conformance and rebuilds their optimizers and schedulers.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { LAMBDAS } from "../../../tools/conformance/lambdas.mjs";
import { fromTorchConfig, type Optimizer, type ParamGroup, type Scheduler } from "../src/index";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../../tools/conformance/fixtures");

export interface Rec {
  lr: number[];
  momentum?: number[];
  betas?: number[][];
}

export interface SchedulerSpec {
  class: string;
  kwargs: Record<string, unknown>;
  other_optimizer?: boolean;
}

export interface OptimizerSpec {
  kind: "sgd" | "adam";
  groups: Record<string, unknown>[];
}

export interface Case {
  name: string;
  optimizer: OptimizerSpec;
  scheduler: SchedulerSpec;
  steps: (number | string | null)[];
  records: Rec[];
  state_dicts?: Record<string, Record<string, unknown>>;
  construct_error?: { type: string; message: string };
  step_error?: { step: number; type: string; message: string; state_dict: Record<string, unknown> };
  resume?: { at: number; groups: Record<string, unknown>[]; state_dict: Record<string, unknown>; records: Rec[] };
  lrsched_rejects?: boolean;
}

export interface FixtureFile<C = Case> {
  torch_version: string;
  class?: string;
  cases: C[];
}

export const readFixture = <C = Case>(name: string): FixtureFile<C> =>
  JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as FixtureFile<C>;

export const classFixtures = () =>
  readdirSync(FIXTURES).filter((f) => /^[A-Z].*\.json$/.test(f)).sort();

/** The named lambdas of generate_torch_fixtures.py, written again in JS. */
export { LAMBDAS };

const GROUP_KEYS: Record<string, string> = {
  lr: "lr", initial_lr: "initialLr", momentum: "momentum", betas: "betas", max_lr: "maxLr", min_lr: "minLr",
  max_momentum: "maxMomentum", base_momentum: "baseMomentum",
};

/** PyTorch param-group fields -> this package's group fields. */
export function toGroup(g: Record<string, unknown>): ParamGroup {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(g)) out[GROUP_KEYS[k] ?? k] = Array.isArray(v) ? [...v] : v;
  return out as ParamGroup;
}

export const makeOptimizer = (spec: OptimizerSpec): Optimizer => ({ paramGroups: spec.groups.map(toGroup) });

/** The fixture's scheduler spec as a torch config (lambdas by name -> functions, nested specs). */
export function toConfig(spec: SchedulerSpec, optimizer: Optimizer): Record<string, unknown> | Scheduler {
  const kwargs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec.kwargs)) {
    if (k === "lr_lambda" || k === "scale_fn") {
      kwargs[k] = Array.isArray(v) ? v.map((n) => LAMBDAS[n as string]) : LAMBDAS[v as string];
    } else if (k === "schedulers") {
      kwargs[k] = (v as SchedulerSpec[]).map((s) => toConfig(s, optimizer));
    } else {
      kwargs[k] = v;
    }
  }
  const config = { _target_: `torch.optim.lr_scheduler.${spec.class}`, ...kwargs };
  if (spec.other_optimizer) {
    return fromTorchConfig(config, makeOptimizer({ kind: "sgd", groups: [{ lr: 0.1, momentum: 0.9 }, { lr: 0.05, momentum: 0.8 }] }));
  }
  return config;
}

export const makeScheduler = (spec: SchedulerSpec, optimizer: Optimizer): Scheduler =>
  fromTorchConfig(toConfig(spec, optimizer), optimizer);

export function decodeArg(a: number | string | null): number | undefined {
  if (a === null) return undefined;
  if (typeof a === "number") return a;
  return a === "inf" ? Infinity : a === "-inf" ? -Infinity : NaN;
}

export function record(optimizer: Optimizer, like: Rec): Rec {
  const r: Rec = { lr: optimizer.paramGroups.map((g) => g.lr) };
  if (like.momentum) r.momentum = optimizer.paramGroups.map((g) => g.momentum as number);
  if (like.betas) r.betas = optimizer.paramGroups.map((g) => [...(g.betas as number[])]);
  return r;
}
