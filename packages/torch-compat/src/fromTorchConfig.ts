import { LrschedError, MAX_NESTING } from "@lrsched/ts-api";
import { nestingError } from "./nesting";
import { isPlainObject } from "./checks";
import { checkOptimizer, type Optimizer } from "./optimizer";
import { TORCH_PREFIX, type Scheduler } from "./scheduler";
import { ChainedScheduler } from "./schedulers/ChainedScheduler";
import { ConstantLR } from "./schedulers/ConstantLR";
import { CosineAnnealingLR } from "./schedulers/CosineAnnealingLR";
import { CosineAnnealingWarmRestarts } from "./schedulers/CosineAnnealingWarmRestarts";
import { CyclicLR } from "./schedulers/CyclicLR";
import { ExponentialLR } from "./schedulers/ExponentialLR";
import { LambdaLR } from "./schedulers/LambdaLR";
import { LinearLR } from "./schedulers/LinearLR";
import { MultiplicativeLR } from "./schedulers/MultiplicativeLR";
import { MultiStepLR } from "./schedulers/MultiStepLR";
import { OneCycleLR } from "./schedulers/OneCycleLR";
import { PolynomialLR } from "./schedulers/PolynomialLR";
import { ReduceLROnPlateau } from "./schedulers/ReduceLROnPlateau";
import { SequentialLR } from "./schedulers/SequentialLR";
import { StepLR } from "./schedulers/StepLR";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Build = (optimizer: Optimizer, options: any) => Scheduler;

/**
 * Every class fromTorchConfig builds, by PyTorch's name.
 *
 * @example
 * ```ts
 * import { TORCH_CLASSES } from "@lrsched/torch-compat";
 * Object.keys(TORCH_CLASSES).length; // → 15
 * "OneCycleLR" in TORCH_CLASSES; // → true
 * ```
 */
export const TORCH_CLASSES: Readonly<Record<string, Build>> = Object.freeze({
  LambdaLR: (o, x) => new LambdaLR(o, x),
  MultiplicativeLR: (o, x) => new MultiplicativeLR(o, x),
  StepLR: (o, x) => new StepLR(o, x),
  MultiStepLR: (o, x) => new MultiStepLR(o, x),
  ConstantLR: (o, x) => new ConstantLR(o, x),
  LinearLR: (o, x) => new LinearLR(o, x),
  ExponentialLR: (o, x) => new ExponentialLR(o, x),
  PolynomialLR: (o, x) => new PolynomialLR(o, x),
  CosineAnnealingLR: (o, x) => new CosineAnnealingLR(o, x),
  CosineAnnealingWarmRestarts: (o, x) => new CosineAnnealingWarmRestarts(o, x),
  CyclicLR: (o, x) => new CyclicLR(o, x),
  OneCycleLR: (o, x) => new OneCycleLR(o, x),
  ReduceLROnPlateau: (o, x) => new ReduceLROnPlateau(o, x),
  SequentialLR: (o, x) => new SequentialLR(o, x),
  ChainedScheduler: (o, x) => new ChainedScheduler(o, x),
});

// PyTorch's capitalised kwargs; every other kwarg is plain snake_case
const SPECIAL: Record<string, string> = { T_max: "tMax", T_0: "t0", T_mult: "tMult" };
const SPECIAL_BACK: Record<string, string> = Object.fromEntries(Object.entries(SPECIAL).map(([k, v]) => [v, k]));

// own keys only: `toString` or `constructor` must not find Object.prototype's functions
const own = (table: Record<string, string>, k: string) => (Object.prototype.hasOwnProperty.call(table, k) ? table[k] : undefined);

export const snakeToCamel = (k: string) => own(SPECIAL, k) ?? k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const camelToSnake = (k: string) => own(SPECIAL_BACK, k) ?? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Rewrites an option path of a constructor error (`stepSize`, `lrLambda[1]`) as a config path;
 * paths that name no option (`optimizer.paramGroups[0]`, `CyclicLR.step`) are kept as they are.
 */
function configPath(prefix: string, path: string): string {
  if (path.startsWith("optimizer.") || /^[A-Z]/.test(path)) return path;
  const m = /^([A-Za-z0-9]+)(.*)$/.exec(path);
  return m ? `${prefix}${camelToSnake(m[1])}${m[2]}` : `${prefix}${path}`;
}

function build(config: unknown, optimizer: Optimizer, prefix: string, depth = 0): Scheduler {
  const where = prefix.slice(0, -1);
  if (!isPlainObject(config)) {
    throw new LrschedError(where, "must be an object {_target_: 'torch.optim.lr_scheduler.X', ...kwargs}", config);
  }
  const target = config._target_;
  const name = typeof target === "string" && target.startsWith(TORCH_PREFIX) ? target.slice(TORCH_PREFIX.length) : target;
  if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(TORCH_CLASSES, name)) {
    throw new LrschedError(`${prefix}_target_`, `must be one of ${Object.keys(TORCH_CLASSES).map((c) => TORCH_PREFIX + c).join(", ")}`, target);
  }
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (key === "_target_") continue;
    if (key === "optimizer") {
      throw new LrschedError(`${prefix}optimizer`, "is not a config key: pass the optimizer as fromTorchConfig's second argument");
    }
    if (key !== key.replace(/[A-Z]/g, "") && own(SPECIAL, key) === undefined) {
      throw new LrschedError(`${prefix}${key}`, "must be a PyTorch snake_case keyword argument");
    }
    if (key === "schedulers" && Array.isArray(value)) {
      options.schedulers = value.map((child, i) => {
        if (!isPlainObject(child)) return child;
        // checked before recursing: a config nested 1e5 deep (or one holding itself) fails here
        if (depth >= MAX_NESTING) throw nestingError(`${prefix}schedulers[${i}]`);
        return build(child, optimizer, `${prefix}schedulers[${i}].`, depth + 1);
      });
      continue;
    }
    options[snakeToCamel(key)] = value;
  }
  try {
    return TORCH_CLASSES[name](optimizer, options);
  } catch (e) {
    if (e instanceof LrschedError && !e.path.startsWith("config.")) {
      throw new LrschedError(configPath(prefix, e.path), e.rule, e.got);
    }
    throw e;
  }
}

/**
 * Builds a scheduler from PyTorch's constructor call written as a Hydra-style config:
 * `{_target_: 'torch.optim.lr_scheduler.StepLR', step_size: 30, gamma: 0.1}`. `schedulers` of
 * SequentialLR / ChainedScheduler may hold nested configs (built in order, on the same optimizer);
 * `lr_lambda` and `scale_fn` are JS functions. Errors name the config path (`config.step_size`).
 *
 * @example
 * ```ts
 * import { fromTorchConfig } from "@lrsched/torch-compat";
 * const optimizer = { paramGroups: [{ lr: 0.1 }] };
 * const s = fromTorchConfig({ _target_: "torch.optim.lr_scheduler.MultiStepLR", milestones: [1, 3], gamma: 0.5 }, optimizer);
 * s.step();
 * s.getLastLr(); // → [0.05]
 * ```
 */
export function fromTorchConfig(config: unknown, optimizer: Optimizer): Scheduler {
  // checked first: ChainedScheduler's constructor would read an array here as its scheduler list
  checkOptimizer(optimizer);
  return build(config, optimizer, "config.");
}
