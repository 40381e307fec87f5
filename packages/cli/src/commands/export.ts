import { LrschedError, specJsonSchema, toOptax, toPythonCode, type PythonFramework, type Schedule } from "@lrsched/ts-api";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { SOURCE_OPTIONS, readSchedules } from "../input/sources";
import { torchBridge, torchConfigOf } from "../input/torch";
import { specToTorch } from "../input/torchExport";
import { writeOutput } from "../io/output";

const TARGETS = ["spec", "keras", "torch", "optax", "pytorch-code", "keras-code", "optax-code", "schema"] as const;
type Target = (typeof TARGETS)[number];

const FORM_NAMES: Record<Target, string> = {
  spec: "spec", keras: "Keras", torch: "PyTorch", optax: "optax", schema: "schema",
  "pytorch-code": "PyTorch code", "keras-code": "Keras code", "optax-code": "optax code",
};

/** Targets written as Python source rather than JSON. */
const CODE: Partial<Record<Target, PythonFramework>> = { "pytorch-code": "pytorch", "keras-code": "keras", "optax-code": "optax" };

/** Runs a conversion; a schedule with no counterpart becomes one clear line. */
async function convert(schedule: Schedule, to: Target): Promise<unknown> {
  try {
    switch (to) {
      case "spec":
      case "schema":
        return schedule.toSpec();
      case "keras":
        return schedule.toKeras();
      case "optax":
        return toOptax(schedule);
      case "pytorch-code":
      case "keras-code":
      case "optax-code":
        return toPythonCode(schedule, CODE[to]!);
      case "torch": {
        const own = torchConfigOf(schedule);
        if (own !== undefined) return own;
        const { toTorchConfig } = await torchBridge();
        if (toTorchConfig) return toTorchConfig(schedule);
        // the optimizer's rate is not part of a scheduler's config: run it at the schedule's first rate
        return specToTorch(schedule.toSpec() as Record<string, unknown>).config;
      }
    }
  } catch (e) {
    if (e instanceof LrschedError) {
      const said = /equivalent|no Python form|has no .*code/.test(e.message);
      throw new UsageError(said ? e.message : `no ${FORM_NAMES[to]} equivalent: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

export const exportCommand: Command = {
  name: "export",
  summary: "Convert a schedule to a spec, a Keras, PyTorch or optax config, or Python code (or print the spec JSON Schema).",
  usage: [
    "export --to spec|keras|torch|optax <type> [--<option> VALUE ...] [--out FILE]",
    "export --to pytorch-code|keras-code|optax-code <type> [--<option> VALUE ...] [--out FILE]",
    "export --to keras --spec FILE|JSON", "export --to spec --keras FILE|JSON", "export --to schema",
  ],
  description: [
    "spec: lrsched's JSON form (every option, defaults filled in). keras: {class_name, config} as Keras's",
    "get_config() gives it. torch: a {_target_: 'torch.optim.lr_scheduler.X', ...} config, to run on an",
    "optimizer whose lr is the schedule's first rate (lrsched curve --torch FILE --lr RATE). optax: optax's",
    "{fn, kwargs} call. A schedule with no counterpart in the target exits with status 2 and says so.",
    "pytorch-code: a Python module defining make_scheduler(optimizer) (a torch.optim.lr_scheduler object);",
    "keras-code: one defining `schedule`, a Keras LearningRateSchedule; optax-code: one defining `schedule`,",
    "an optax schedule. Each uses the framework's own classes where they give the same rates, else a",
    "closed form. schema: the JSON Schema of specs.",
  ],
  scheduleFlags: true,
  options: [
    { name: "to", short: "t", kind: "value", placeholder: TARGETS.join("|"), doc: "Target form (required)." },
    ...SOURCE_OPTIONS,
    { name: "out", short: "o", kind: "value", placeholder: "FILE", doc: "Output file (default: stdout)." },
  ],
  examples: [
    ["export --to keras exponential --initial-learning-rate 0.15 --decay-steps 100000 --decay-rate 0.8 --staircase", "the seed's ExponentialDecay as a Keras config"],
    ["export --to spec --keras keras.json --out spec.json", "a Keras config to an lrsched spec"],
    ["export --to torch --spec spec.json", "a PyTorch config, or a clear 'no equivalent'"],
    ["export --to pytorch-code warmup-cosine --learning-rate 0.1 --warmup-steps 500 --total-steps 9000 --out sched.py", "runnable PyTorch: make_scheduler(optimizer)"],
    ["export --to optax-code --timm '{\"class\": \"CosineLRScheduler\", \"kwargs\": {\"t_initial\": 100}}'", "a timm schedule as an optax schedule"],
    ["export --to schema --out spec.schema.json", "the JSON Schema of specs"],
  ],
  async run(opts) {
    if (!opts.has("to")) throw new UsageError(`--to is required (one of ${TARGETS.join(", ")})`);
    const to = opts.choice("to", TARGETS, "spec");
    let value: unknown;
    if (to === "schema") {
      if (opts.positionals.length > 0 || ["spec", "keras", "torch", "timm", "optax"].some((o) => opts.has(o))) {
        throw new UsageError("--to schema takes no schedule");
      }
      value = specJsonSchema();
    } else {
      const [{ schedule }] = await readSchedules(opts, { min: 1, max: 1 });
      value = await convert(schedule, to);
    }
    await writeOutput(opts.string("out"), typeof value === "string" && CODE[to] ? value : `${JSON.stringify(value, null, 2)}\n`);
  },
};
