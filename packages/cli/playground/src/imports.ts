// Pasted JSON to schedules: a Keras config ({class_name, config}), a PyTorch config ({_target_, ...},
// run on an optimizer at `lr`), a spec, {label, spec}, or an array of any of these.
import { LrschedError, fromKeras, type Schedule } from "@lrsched/ts-api";
import { fromTorchConfig } from "@lrsched/torch-compat";
import { optimizerAt } from "../../src/input/torch";
import type { TorchExport } from "../../src/input/torchExport";
import type { Spec } from "../../src/starters";
import { entriesOf, uniqueLabel, type Entry } from "./state";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A PyTorch config's closed form as a spec (stateful schedulers without one cannot be shown). */
function torchSpec(config: Record<string, unknown>, lr: number, where: string): Spec {
  const scheduler = fromTorchConfig(config, optimizerAt(lr) as never) as { toSchedule?: () => Schedule };
  let schedule: Schedule | undefined;
  try {
    schedule = scheduler.toSchedule?.();
  } catch (e) {
    if (!(e instanceof LrschedError)) throw e;
  }
  if (!schedule) throw new LrschedError(where, "has no closed form here (it needs training data or steps one epoch at a time); plot it with lrsched plot --torch");
  return schedule.toSpec() as Spec;
}

/** An imported schedule; a PyTorch one keeps its config and rate for the PyTorch export. */
export interface Imported extends Entry {
  readonly torch?: TorchExport;
}

/** Reads pasted text; every error is one LrschedError naming where in the paste it is. */
export function importText(text: string, lr: number, taken: readonly string[]): Imported[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new LrschedError("import", `must be JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const list = Array.isArray(value) ? value : [value];
  const out: Imported[] = [];
  list.forEach((item, i) => {
    const where = Array.isArray(value) ? `import[${i}]` : "import";
    let found: Imported[];
    if (isObject(item) && "class_name" in item) {
      const spec = fromKeras(item).toSpec() as Spec;
      const name = isObject(item.config) && typeof item.config.name === "string" ? item.config.name : String(item.class_name);
      found = [{ label: name, spec }];
    } else if (isObject(item) && "_target_" in item) {
      const target = String(item._target_).split(".").pop() ?? "torch";
      found = [{ label: target, spec: torchSpec(item, lr, where), torch: { config: item, lr } }];
    } else found = entriesOf(item, where);
    for (const e of found) out.push({ ...e, label: uniqueLabel(e.label, [...taken, ...out.map((x) => x.label)]) });
  });
  if (out.length === 0) throw new LrschedError("import", "holds no schedule");
  return out;
}
