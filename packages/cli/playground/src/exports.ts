// What the playground exports: the selected schedule as a spec, a Keras config and a PyTorch config,
// and the `lrsched` command line that draws the whole view.
import { LrschedError, fromSpec } from "@lrsched/ts-api";
import { specToTorch, type TorchExport } from "../../src/input/torchExport";
import type { Entry, View } from "./state";

/** The text of an export pane: JSON, or one line saying why this form has no counterpart. */
export interface ExportText {
  readonly text: string;
  readonly ok: boolean;
}

const json = (value: unknown): ExportText => ({ text: JSON.stringify(value, null, 2), ok: true });
/** The reason a form has no counterpart, as ts-api words it (it names the type and the way out). */
const none = (e: LrschedError): ExportText => ({ text: e.message, ok: false });

export const specExport = (entry: Entry): ExportText => json(entry.spec);

export function kerasExport(entry: Entry): ExportText {
  try {
    return json(fromSpec(entry.spec).toKeras());
  } catch (e) {
    if (e instanceof LrschedError) return none(e);
    throw e;
  }
}

/** The PyTorch config (the one it was imported from, else its counterpart) and the rate to run it at. */
export function torchExport(entry: Entry & { torch?: TorchExport }): ExportText & { lr?: number } {
  try {
    const { config, lr } = entry.torch ?? specToTorch(entry.spec);
    return { ...json(config), lr };
  } catch (e) {
    if (e instanceof LrschedError) return none(e);
    throw e;
  }
}

/** A POSIX shell word: bare when safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `lrsched plot --spec '...' [--label L] ... --steps N [--start S] [--log]`: the chart, from a shell. */
export function cliExport(entries: readonly Entry[], view: View, steps: number): ExportText {
  const words = ["lrsched", "plot"];
  const labelled = entries.length > 1 || entries.some((e) => e.label !== e.spec.type);
  for (const e of entries) {
    words.push("--spec", shellWord(JSON.stringify(e.spec)));
    if (labelled) words.push("--label", shellWord(e.label));
  }
  words.push("--steps", String(steps));
  if (view.start !== 0) words.push("--start", String(view.start));
  if (view.log) words.push("--log");
  return { text: words.join(" "), ok: true };
}
