import { keep, scalar, type Optimizer } from "@tensorflow/tfjs";
import { LrschedError } from "@lrsched/ts-api";
import { checkNumber } from "./checks";
import { getLearningRate, setLearningRate } from "./learningRate";
import { internals, optimizerKind } from "./optimizerKind";

/**
 * One PyTorch-style parameter group. `lr` (and `momentum` / `betas` where the optimizer has
 * them) read and write the tfjs optimizer; any other key (`initialLr`, `maxLr`, ...) is plain
 * scheduler bookkeeping stored on the group.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { torchOptimizer, type TorchParamGroup } from "@lrsched/tfjs-adapter";
 * const group: TorchParamGroup = torchOptimizer(tf.train.sgd(0.1)).paramGroups[0];
 * group.lr; // → 0.1
 * ```
 */
export interface TorchParamGroup {
  lr: number;
  initialLr?: number;
  momentum?: number;
  betas?: readonly [number, number];
  [key: string]: unknown;
}

/**
 * The `{paramGroups}` object `@lrsched/torch-compat` schedulers drive.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { StepLR } from "@lrsched/torch-compat";
 * import { getLearningRate, torchOptimizer, type TorchOptimizerView } from "@lrsched/tfjs-adapter";
 * const sgd = tf.train.sgd(0.1);
 * const view: TorchOptimizerView = torchOptimizer(sgd);
 * new StepLR(view, { stepSize: 1, gamma: 0.5 }).step();
 * getLearningRate(sgd); // → 0.05
 * ```
 */
export interface TorchOptimizerView {
  /** A single group: a tfjs optimizer has one rate for all its variables. */
  readonly paramGroups: TorchParamGroup[];
  /** The hyper-parameters at the time the view was made, as PyTorch's `optimizer.defaults`. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** The tfjs optimizer behind the view. */
  readonly optimizer: Optimizer;
}

const views = new WeakMap<Optimizer, TorchOptimizerView>();

function checkMomentum(path: string, value: unknown): number {
  return checkNumber(path, value, { min: 0 });
}

function checkBetas(value: unknown): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new LrschedError("betas", "must be a pair [beta1, beta2]", value);
  }
  return [
    checkNumber("betas[0]", value[0], { min: 0, below: 1 }),
    checkNumber("betas[1]", value[1], { min: 0, below: 1 }),
  ];
}

/**
 * A PyTorch-optimizer view of a tfjs optimizer, for `@lrsched/torch-compat` schedulers.
 *
 * `paramGroups[0].lr` is live: reading it calls {@link getLearningRate}, assigning it calls
 * {@link setLearningRate}. `momentum` is present for `tf.train.momentum` (the cached momentum
 * tensor is replaced too, which tfjs's own `setMomentum` forgets) and `tf.train.rmsprop`;
 * `betas` for `tf.train.adam` and `tf.train.adamax` (tfjs's bias correction keeps its running
 * product of the betas in force at each step, where PyTorch uses `beta1 ** step`).
 * The same optimizer always gives the same view.
 *
 * @example
 * const opt = tf.train.momentum(0.1, 0.9);
 * const view = torchOptimizer(opt);
 * view.paramGroups[0].lr = 0.05; // getLearningRate(opt) === 0.05
 * view.paramGroups[0].momentum;  // 0.9
 */
export function torchOptimizer(optimizer: Optimizer): TorchOptimizerView {
  const cached = views.get(optimizer);
  if (cached) return cached;
  const lr0 = getLearningRate(optimizer);
  const opt = internals(optimizer);
  const kind = optimizerKind(optimizer);
  const group = {} as TorchParamGroup;
  const defaults: Record<string, unknown> = { lr: lr0 };
  Object.defineProperty(group, "lr", {
    enumerable: true,
    get: () => getLearningRate(optimizer),
    set: (lr: number) => setLearningRate(optimizer, lr),
  });
  if (kind === "Momentum" || kind === "RMSProp") {
    defaults.momentum = opt.momentum;
    Object.defineProperty(group, "momentum", {
      enumerable: true,
      get: () => opt.momentum,
      set(value: number) {
        const m = checkMomentum("momentum", value);
        if (m === opt.momentum) return;
        opt.momentum = m;
        if (kind === "Momentum") {
          // Momentum multiplies by the tensor made at construction, not by the field.
          opt.m?.dispose();
          opt.m = keep(scalar(m));
        }
      },
    });
  }
  if (kind === "Adam" || kind === "Adamax") {
    defaults.betas = Object.freeze([opt.beta1, opt.beta2]);
    Object.defineProperty(group, "betas", {
      enumerable: true,
      get: () => Object.freeze([opt.beta1, opt.beta2]) as readonly [number, number],
      set(value: readonly [number, number]) {
        [opt.beta1, opt.beta2] = checkBetas(value);
      },
    });
  }
  const view: TorchOptimizerView = Object.freeze({
    paramGroups: [group],
    defaults: Object.freeze(defaults),
    optimizer,
  });
  views.set(optimizer, view);
  return view;
}
