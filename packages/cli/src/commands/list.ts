import { scheduleTypes, type Field } from "@lrsched/ts-api";
import { print, type Command } from "../command";
import { UsageError } from "../errors";
import { kebab, kindOf, shortName } from "../input/types";
import { DIALECTS, DIALECT_NAMES, dialectRows, type Dialect } from "../dialects";

/** `--decay-steps`, `[--alpha=0]`: how an option appears in a one-line summary. */
export function optionSummary(name: string, f: Field): string {
  const flag = `--${kebab(name)}`;
  if (kindOf(f) === "name" || kindOf(f) === "function") return "";
  const def = (f as { default?: unknown }).default;
  if (def === undefined) return flag;
  return `[${flag}=${Array.isArray(def) ? def.join(",") : String(def)}]`;
}

export const listCommand: Command = {
  name: "list",
  summary: "Every schedule type with a one-line description and its options.",
  usage: ["list [--json]", "list --from keras|torch|timm|optax [--json]"],
  options: [
    { name: "json", kind: "flag", doc: "Machine-readable: [{type, alias, summary, keras, options}] (with --from: [{name, lrsched, note}])." },
    { name: "from", kind: "value", placeholder: DIALECTS.join("|"), doc: "What each class or function of a framework reads as in lrsched." },
  ],
  examples: [
    ["list", "all schedule types"],
    ["list --json", "the same as JSON"],
    ["list --from timm", "timm's schedulers and the lrsched type each one reads as"],
  ],
  async run(opts) {
    if (opts.positionals.length > 0) throw new UsageError(`unexpected argument '${opts.positionals[0]}'`);
    if (opts.has("from")) {
      const dialect = opts.choice("from", DIALECTS, "keras") as Dialect;
      const rows = await dialectRows(dialect);
      if (opts.flag("json")) {
        await print(JSON.stringify(rows, null, 2));
        return;
      }
      const width = Math.max(...rows.map((r) => r.name.length));
      const lines = rows.map((r) => `${r.name.padEnd(width)}  -> ${r.lrsched ?? "none"}${r.note ? `  (${r.note})` : ""}`);
      lines.push("", `--${dialect} FILE|JSON reads a ${DIALECT_NAMES[dialect]} config; lrsched describe <type> shows a type's counterparts.`);
      await print(lines.join("\n"));
      return;
    }
    if (opts.flag("json")) {
      const rows = scheduleTypes.map((t) => ({
        type: t.type,
        alias: shortName(t.type),
        summary: t.summary,
        keras: t.keras?.className ?? null,
        options: Object.keys(t.fields).filter((k) => kindOf(t.fields[k]) !== "name"),
      }));
      await print(JSON.stringify(rows, null, 2));
      return;
    }
    const lines: string[] = [];
    for (const t of scheduleTypes) {
      const alias = shortName(t.type);
      lines.push(`${t.type}${alias !== t.type ? ` (${alias})` : ""}`);
      lines.push(`    ${t.summary}`);
      const options = Object.entries(t.fields as Record<string, Field>).map(([k, f]) => optionSummary(k, f)).filter(Boolean);
      lines.push(`    ${options.join(" ")}`);
    }
    lines.push("", "lrsched describe <type> shows one type's options in full.");
    await print(lines.join("\n"));
  },
};
