// Where schedules come from: spec files or inline JSON, Keras configs, PyTorch configs, or flags.
import { basename } from "node:path";
import { fromKeras, fromOptax, fromSpec, fromTimm, type OptaxConfig, type Schedule, type TimmConfig } from "@lrsched/ts-api";
import type { OptionSpec, Options } from "../args";
import { UsageError, fileError, scheduleError } from "../errors";
import { MAX_INPUT_TEXT, readCapped } from "../io/readCapped";
import { fieldOptions, scheduleFromFlags } from "./flags";
import { plateauSchedules } from "./plateau";
import { checkForm } from "./form";
import { scheduleFromTorch } from "./torch";
import { resolveType } from "./types";
import { scheduleTypes } from "@lrsched/ts-api";

/** A schedule with the name it is shown under. */
export interface Labeled {
  readonly label: string;
  readonly schedule: Schedule;
}

/** Options every schedule-reading command accepts. */
export const SOURCE_OPTIONS: readonly OptionSpec[] = [
  { name: "spec", kind: "value", repeat: true, placeholder: "FILE|JSON", doc: `Schedule spec: a JSON file (at most ${MAX_INPUT_TEXT}; - for stdin) or inline JSON (an array gives several).` },
  { name: "keras", kind: "value", repeat: true, placeholder: "FILE|JSON", doc: "Keras {class_name, config} (get_config()/serialize() output)." },
  { name: "torch", kind: "value", repeat: true, placeholder: "FILE|JSON", doc: "PyTorch config {_target_: 'torch.optim.lr_scheduler.X', ...}." },
  { name: "timm", kind: "value", repeat: true, placeholder: "FILE|JSON", doc: "timm scheduler {class, kwargs} (or {class: 'create_scheduler_v2', kwargs})." },
  { name: "optax", kind: "value", repeat: true, placeholder: "FILE|JSON", doc: "optax schedule {fn, kwargs}, e.g. {fn: 'warmup_cosine_decay_schedule', kwargs: {...}}." },
  { name: "lr", kind: "value", placeholder: "NUM", doc: "Optimizer learning rate for --torch and --timm configs (default 0.1)." },
  { name: "label", kind: "value", repeat: true, placeholder: "NAME", doc: "Name of each schedule in charts and tables, in order." },
];

/** The flags of the schedule type named by the first positional (`cosine` -> `--decay-steps`, ...). */
export function scheduleFlags(first: string | undefined): readonly OptionSpec[] {
  const t = first === undefined ? undefined : resolveType(first);
  return t ? fieldOptions(t) : [];
}

/** Inline JSON rather than a file name. */
const isInline = (raw: string) => /^\s*[[{]/.test(raw);

/**
 * Reads `--spec`-style input: inline when it looks like JSON, else a file path (`-` is stdin), of
 * at most MAX_INPUT_BYTES.
 */
export function readJsonInput(option: string, raw: string): { value: unknown; where: string } {
  const inline = isInline(raw);
  const where = inline ? `--${option}` : `--${option} ${raw}`;
  let text: string;
  if (inline) text = raw;
  else {
    try {
      text = readCapped(raw, where);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`--${option}: ${fileError("read", raw, e).message}`);
    }
  }
  try {
    return { value: JSON.parse(text), where };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new UsageError(`${where}: malformed JSON (${detail})`);
  }
}

/** Runs a ts-api builder, re-labelling its validation errors with the input they came from. */
function build(where: string, make: () => Schedule): Schedule {
  try {
    return make();
  } catch (e) {
    throw scheduleError(where, e);
  }
}

/** A schedule's default name: its spec file's name, else its type. */
const defaultLabel = (file: string | undefined, s: Schedule) =>
  file !== undefined && file !== "-" ? basename(file).replace(/\.json$/i, "") : s.type;


/**
 * Every schedule the command line names, in this order: the flag-built one (`<type> --opt ...`),
 * then `--spec`, `--keras`, `--torch`, `--timm`, `--optax` and `--plateau` inputs, each labelled by `--label`, its
 * file name or its type.
 */
export async function readSchedules(opts: Options, range: { min: number; max: number }): Promise<Labeled[]> {
  const found: { where: string; file?: string; schedule: Schedule }[] = [];
  const first = opts.positionals[0];
  if (first !== undefined) {
    const t = resolveType(first);
    if (!t) {
      const names = scheduleTypes.map((x) => x.type).join(", ");
      throw new UsageError(`unknown schedule type '${first}' (types: ${names}; see lrsched list)`);
    }
    found.push({ where: "", schedule: build("", () => scheduleFromFlags(t, opts)) });
    if (opts.positionals.length > 1) {
      throw new UsageError(`unexpected argument '${opts.positionals[1]}' (one schedule type per command line; use --spec for more)`);
    }
  }
  for (const raw of opts.all("spec")) {
    const { value, where } = readJsonInput("spec", raw);
    const list = Array.isArray(value) ? value : [value];
    list.forEach((spec, i) => {
      const at = Array.isArray(value) ? `${where} [${i}]` : where;
      const file = isInline(raw) || Array.isArray(value) ? undefined : raw;
      checkForm("spec", at, spec);
      found.push({ where: at, file, schedule: build(at, () => fromSpec(spec)) });
    });
  }
  for (const raw of opts.all("keras")) {
    const { value, where } = readJsonInput("keras", raw);
    checkForm("keras", where, value);
    found.push({ where, file: isInline(raw) ? undefined : raw, schedule: build(where, () => fromKeras(value)) });
  }
  const lr = opts.number("lr", 0.1, (v) => v >= 0, "a number >= 0");
  for (const raw of opts.all("torch")) {
    const { value, where } = readJsonInput("torch", raw);
    checkForm("torch", where, value);
    try {
      found.push({ where, file: isInline(raw) ? undefined : raw, schedule: await scheduleFromTorch(value, lr, where) });
    } catch (e) {
      throw scheduleError(where, e);
    }
  }
  for (const raw of opts.all("timm")) {
    const { value, where } = readJsonInput("timm", raw);
    found.push({ where, file: isInline(raw) ? undefined : raw, schedule: build(where, () => fromTimm(value as TimmConfig, { lr })) });
  }
  for (const raw of opts.all("optax")) {
    const { value, where } = readJsonInput("optax", raw);
    found.push({ where, file: isInline(raw) ? undefined : raw, schedule: build(where, () => fromOptax(value as OptaxConfig)) });
  }
  const plateaus = opts.all("plateau").map((raw) => {
    const { value, where } = readJsonInput("plateau", raw);
    return { where, file: isInline(raw) ? undefined : raw, options: value };
  });
  plateauSchedules(opts, plateaus).forEach((schedule, i) => found.push({ where: plateaus[i].where, file: plateaus[i].file, schedule }));
  if (found.length < range.min) {
    throw new UsageError(
      `no schedule given (name a type such as 'cosine' with its options, or use --spec, --keras, --torch, --timm or --optax)`,
    );
  }
  if (found.length > range.max) {
    throw new UsageError(`takes ${range.max === 1 ? "one schedule" : `at most ${range.max} schedules`}, got ${found.length}`);
  }
  const labels = opts.all("label");
  if (labels.length > found.length) {
    throw new UsageError(`--label was given ${labels.length} times for ${found.length} schedule(s)`);
  }
  const seen = new Map<string, number>();
  return found.map(({ file, schedule }, i) => {
    let label = labels[i] ?? defaultLabel(file, schedule);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n > 1 && labels[i] === undefined) label = `${label} #${n}`;
    return { label, schedule };
  });
}

