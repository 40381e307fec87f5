import { LrschedError } from "../errors";
import { isSchedule, type Schedule } from "../schedule";
import { OPTAX_NATIVES } from "../dialects/toOptax";
import { kerasCode, kerasNatives } from "./keras";
import { optaxCode } from "./optax";
import { PYTORCH_NATIVES, pytorchCode } from "./pytorch";

/**
 * A Python framework `toPythonCode` writes for.
 *
 * @example
 * ```ts
 * import { toPythonCode, cosineDecay, type PythonFramework } from "@lrsched/ts-api";
 * const framework: PythonFramework = "optax";
 * toPythonCode(cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 }), framework).includes("optax.cosine_decay_schedule"); // → true
 * ```
 */
export type PythonFramework = "pytorch" | "keras" | "optax";
/**
 * The Python frameworks `toPythonCode` writes for.
 *
 * @example
 * ```ts
 * import { PYTHON_FRAMEWORKS } from "@lrsched/ts-api";
 * PYTHON_FRAMEWORKS; // → ["pytorch", "keras", "optax"]
 * ```
 */
export const PYTHON_FRAMEWORKS: readonly PythonFramework[] = ["pytorch", "keras", "optax"];

/**
 * A snippet and how it reproduces the schedule: the framework's own classes, or a closed form.
 *
 * @example
 * ```ts
 * import { pythonCode, cosineDecay, type PythonCode } from "@lrsched/ts-api";
 * const snippet: PythonCode = pythonCode(cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 }), "keras");
 * snippet.form; // → "native"
 * ```
 */
export interface PythonCode {
  readonly form: "native" | "closed form";
  readonly code: string;
}

function header(s: Schedule, framework: PythonFramework): string {
  let spec = "";
  try {
    spec = `\n# spec: ${JSON.stringify(s.toSpec())}`;
  } catch {
    // a schedule holding a JS function has no spec; it also has no Python form (refused below)
  }
  return `# lrsched ${s.type} schedule for ${framework === "pytorch" ? "PyTorch" : framework === "keras" ? "Keras" : "optax"}${spec}`;
}

/**
 * The schedule as Python code for `framework`, with how it is written. Throws an LrschedError when
 * the framework cannot run it (a JS function inside, or seeded noise outside plain Python).
 *
 * @example
 * ```ts
 * import { pythonCode, cosineDecay } from "@lrsched/ts-api";
 * const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 });
 * pythonCode(s, "keras").form; // → "native"
 * pythonCode(s, "pytorch").form; // → "closed form"
 * ```
 */
export function pythonCode(schedule: Schedule, framework: PythonFramework): PythonCode {
  if (!isSchedule(schedule)) throw new LrschedError("schedule", "must be a schedule", schedule);
  const h = header(schedule, framework);
  switch (framework) {
    case "pytorch":
      return pytorchCode(schedule, h);
    case "keras":
      return kerasCode(schedule, h);
    case "optax":
      return optaxCode(schedule, h);
    default:
      throw new LrschedError("framework", `must be one of ${PYTHON_FRAMEWORKS.map((f) => `'${f}'`).join(", ")}`, framework);
  }
}

/**
 * A self-contained Python snippet reproducing `schedule` in `framework`:
 * - "pytorch": `make_scheduler(optimizer)` returns a torch.optim.lr_scheduler object (a native
 *   class where one has the schedule's rates, else a LambdaLR of the closed form); it sets each
 *   group's lr and initial_lr, so the rate right after it returns is `at(0)` and after the k-th
 *   `optimizer.step(); scheduler.step()` is `at(k)`;
 * - "keras": `schedule`, a keras.optimizers.schedules object (Keras's class, or a
 *   LearningRateSchedule subclass with get_config);
 * - "optax": `schedule`, optax's schedule functions and join_schedules, else a closed-form
 *   jax.numpy function.
 *
 * @example
 * ```ts
 * import { toPythonCode, cosineDecay } from "@lrsched/ts-api";
 * const code = toPythonCode(cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 }), "optax");
 * code.includes("schedule = optax.cosine_decay_schedule(init_value=0.1, decay_steps=1000"); // → true
 * ```
 */
export function toPythonCode(schedule: Schedule, framework: PythonFramework): string {
  return pythonCode(schedule, framework).code;
}

/** Types whose noise is written in plain Python only. */
const PLAIN_PYTHON_ONLY = ["noisyLinearCosineDecay"];

/**
 * How toPythonCode writes a type for `framework`, in words: the framework's own classes or
 * functions and when it uses them, else a closed form, or "none".
 *
 * @example
 * ```ts
 * import { pythonSupport } from "@lrsched/ts-api";
 * pythonSupport("inverseSqrt", "optax"); // → "a closed form"
 * ```
 */
export function pythonSupport(type: string, framework: PythonFramework): string {
  if (framework !== "pytorch" && PLAIN_PYTHON_ONLY.includes(type)) return "none (its seeded noise is written in plain Python only)";
  const table = framework === "pytorch" ? PYTORCH_NATIVES : framework === "keras" ? kerasNatives() : OPTAX_NATIVES;
  const native = table[type];
  return native ? `${native}; otherwise a closed form` : "a closed form";
}
