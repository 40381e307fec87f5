// Which lrsched type each framework's scheduler class or schedule function reads into. The table
// is computed, not typed: every example below is read by lrsched (fromKeras, fromTorchConfig,
// fromTimm, fromOptax) and the schedule it gives is described by its type and its parts.
import { fromOptax, fromTimm, scheduleTypes, type Schedule, type ScheduleSpec } from "@lrsched/ts-api";
import { optimizerAt, scheduleOf, torchBridge } from "./input/torch";

export const DIALECTS = ["keras", "torch", "timm", "optax"] as const;
export type Dialect = (typeof DIALECTS)[number];

export const DIALECT_NAMES: Record<Dialect, string> = { keras: "Keras", torch: "PyTorch", timm: "timm", optax: "optax" };

/** One framework name and what lrsched reads it as. */
export interface DialectRow {
  readonly name: string;
  /** The lrsched type and its parts (`join(polynomialDecay, cosineDecay)`); null when there is none. */
  readonly lrsched: string | null;
  readonly note?: string;
}

/** A schedule's type with the types of its parts. */
export function structure(spec: ScheduleSpec): string {
  const parts: string[] = [];
  for (const v of Object.values(spec)) {
    if (Array.isArray(v) && v.every((x) => typeof x === "object" && x !== null && "type" in x)) parts.push(...v.map((x) => structure(x as ScheduleSpec)));
    else if (typeof v === "object" && v !== null && "type" in v) parts.push(structure(v as ScheduleSpec));
  }
  return parts.length ? `${spec.type}(${parts.join(", ")})` : spec.type;
}

const read = (make: () => Schedule): string => structure(make().toSpec());

type Example = readonly [name: string, config: Record<string, unknown> | null, note?: string];

const TORCH: readonly Example[] = [
  ["LambdaLR", null, "a Python function: no lrsched form"],
  ["MultiplicativeLR", null, "a Python function: no lrsched form"],
  ["StepLR", { step_size: 30 }],
  ["MultiStepLR", { milestones: [30, 80] }],
  ["ConstantLR", {}],
  ["LinearLR", {}],
  ["ExponentialLR", { gamma: 0.9 }],
  ["PolynomialLR", {}],
  ["CosineAnnealingLR", { T_max: 100 }],
  ["CosineAnnealingWarmRestarts", { T_0: 10, T_mult: 2 }],
  ["CyclicLR", { base_lr: 0.001, max_lr: 0.1 }],
  ["OneCycleLR", { max_lr: 0.1, total_steps: 100 }],
  ["ReduceLROnPlateau", null, "follows a metric: no closed form; torch-compat runs it"],
  ["SequentialLR", { schedulers: [{ _target_: "torch.optim.lr_scheduler.LinearLR" }, { _target_: "torch.optim.lr_scheduler.ExponentialLR", gamma: 0.9 }], milestones: [5] }],
  ["ChainedScheduler", null, "stacks schedulers step by step: torch-compat runs it"],
];

const TIMM: readonly Example[] = [
  ["CosineLRScheduler", { t_initial: 100 }],
  ["TanhLRScheduler", { t_initial: 100 }],
  ["StepLRScheduler", { decay_t: 30 }],
  ["MultiStepLRScheduler", { decay_t: [30, 60] }],
  ["PolyLRScheduler", { t_initial: 100 }],
  ["PlateauLRScheduler", null, "follows a metric: torch-compat's fromTimmConfig runs it"],
  ["create_scheduler_v2", {}, "the class named by sched; cosine by default"],
];

const OPTAX: readonly Example[] = [
  ["constant_schedule", { value: 0.1 }],
  ["linear_schedule", { init_value: 0, end_value: 0.1, transition_steps: 100 }, "transition_begin > 0: a join after a constant"],
  ["polynomial_schedule", { init_value: 0.1, end_value: 0, power: 2, transition_steps: 100 }],
  ["piecewise_constant_schedule", { init_value: 0.1, boundaries_and_scales: { "100": 0.1 } }],
  ["exponential_decay", { init_value: 0.1, transition_steps: 100, decay_rate: 0.5 }, "decay_rate > 1: exponentialGrowth; end_value: a clamp around it"],
  ["cosine_decay_schedule", { init_value: 0.1, decay_steps: 100 }, "exponent != 1: cosinePower"],
  ["warmup_constant_schedule", { init_value: 0, peak_value: 0.1, warmup_steps: 10 }],
  ["warmup_cosine_decay_schedule", { init_value: 0, peak_value: 0.1, warmup_steps: 10, decay_steps: 100 }],
  ["warmup_exponential_decay_schedule", { init_value: 0, peak_value: 0.1, warmup_steps: 10, transition_steps: 10, decay_rate: 0.5 }],
  ["sgdr_schedule", { cosine_kwargs: [{ init_value: 0, peak_value: 0.1, warmup_steps: 5, decay_steps: 50 }, { init_value: 0, peak_value: 0.05, warmup_steps: 5, decay_steps: 50 }] }],
  ["linear_onecycle_schedule", { transition_steps: 100, peak_value: 0.1 }],
  ["cosine_onecycle_schedule", { transition_steps: 100, peak_value: 0.1 }],
  ["piecewise_interpolate_schedule", { interpolate_type: "cosine", init_value: 0.1, boundaries_and_scales: { "50": 0.5 } }],
  ["join_schedules", { schedules: [{ fn: "constant_schedule", kwargs: { value: 0.1 } }, { fn: "constant_schedule", kwargs: { value: 0.01 } }], boundaries: [100] }],
];

/** The rows of one dialect, computed by reading each example. */
export async function dialectRows(dialect: Dialect): Promise<DialectRow[]> {
  switch (dialect) {
    case "keras":
      return [
        ...scheduleTypes.flatMap((t) => (t.keras ? [{ name: t.keras.className, lrsched: t.type, note: t.keras.className.includes("Linear") ? "tf.keras 2" : undefined }] : [])),
      ];
    case "torch": {
      const { fromTorchConfig } = await torchBridge();
      return TORCH.map(([name, config, note]) => {
        if (!config || !fromTorchConfig) return { name, lrsched: null, note };
        const scheduler = fromTorchConfig({ _target_: `torch.optim.lr_scheduler.${name}`, ...config }, optimizerAt(0.1));
        return { name, lrsched: read(() => scheduleOf(scheduler, name)), note };
      });
    }
    case "timm":
      return TIMM.map(([name, kwargs, note]) => ({ name, lrsched: kwargs ? read(() => fromTimm({ class: name, kwargs }, { lr: 0.1 })) : null, note }));
    case "optax":
      return OPTAX.map(([fn, kwargs, note]) => ({ name: fn, lrsched: read(() => fromOptax({ fn, kwargs: kwargs! })), note }));
  }
}

/** Every framework name that reads into `type` (as the whole schedule or its outer part). */
export async function counterparts(type: string): Promise<Record<Dialect, string[]>> {
  const out = {} as Record<Dialect, string[]>;
  for (const d of DIALECTS) {
    out[d] = (await dialectRows(d)).filter((r) => r.lrsched !== null && r.lrsched.replace(/\(.*$/, "") === type).map((r) => r.name);
  }
  return out;
}

/** The README table: framework name -> lrsched type, one section per framework. */
export async function dialectTable(): Promise<string> {
  const lines = ["| framework | class or function | lrsched type |", "|---|---|---|"];
  for (const d of DIALECTS) {
    for (const r of await dialectRows(d)) {
      lines.push(`| ${DIALECT_NAMES[d]} | \`${r.name}\` | ${r.lrsched === null ? "none" : `\`${r.lrsched}\``}${r.note ? ` (${r.note})` : ""} |`);
    }
  }
  return lines.join("\n");
}
