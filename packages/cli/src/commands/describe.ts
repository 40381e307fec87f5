import { PYTHON_FRAMEWORKS, fieldDefault as defaultText, fieldRules as rules, pythonSupport, scheduleTypes, type Field } from "@lrsched/ts-api";
import { print, type Command } from "../command";
import { UsageError } from "../errors";
import { placeholder } from "../input/flags";
import { aliases, kebab, resolveType } from "../input/types";
import { DIALECTS, DIALECT_NAMES, counterparts } from "../dialects";
import { starterSpec } from "../starters";

export const describeCommand: Command = {
  name: "describe",
  summary: "One schedule type in full: options, defaults, rules, its counterpart in each framework, an example.",
  usage: ["describe <type>"],
  options: [],
  examples: [["describe cosine", "cosineDecay's options"], ["describe piecewise", "piecewiseConstantDecay"]],
  async run(opts) {
    const name = opts.positionals[0];
    if (name === undefined) throw new UsageError("needs a schedule type (see lrsched list)");
    if (opts.positionals.length > 1) throw new UsageError(`unexpected argument '${opts.positionals[1]}'`);
    const t = resolveType(name);
    if (!t) throw new UsageError(`unknown schedule type '${name}' (types: ${scheduleTypes.map((x) => x.type).join(", ")})`);
    const lines = [`${t.type}: ${t.summary}`, "", `Names: ${aliases(t).join(", ")}`];
    lines.push("", "Counterparts (framework classes and functions read as this type):");
    const found = await counterparts(t.type);
    for (const d of DIALECTS) lines.push(`  ${DIALECT_NAMES[d]}: ${found[d].length ? found[d].join(", ") : "none"}`);
    lines.push("", "As Python code (lrsched export --to pytorch-code|keras-code|optax-code):");
    for (const f of PYTHON_FRAMEWORKS) {
      lines.push(`  ${f === "pytorch" ? "PyTorch" : f === "keras" ? "Keras" : "optax"}: ${pythonSupport(t.type, f)}`);
    }
    lines.push("", "Options:");
    const entries = Object.entries(t.fields as Record<string, Field>);
    const left = entries.map(([k, f]) => `--${kebab(k)}${placeholder(f) ? ` ${placeholder(f)}` : ""}`);
    const width = Math.max(...left.map((l) => l.length));
    entries.forEach(([k, f], i) => {
      const r = rules(f);
      lines.push(`  ${left[i].padEnd(width)}  ${f.doc} (${k}; ${defaultText(f)}${r ? `; ${r}` : ""})`);
    });
    lines.push("", "Example:", `  lrsched plot ${aliases(t)[0]} ${exampleFlags(t.type)}`.trimEnd());
    await print(lines.join("\n"));
  },
};

/** The type's starting spec (the playground's) as flags, quoted for a POSIX shell where needed. */
function exampleFlags(type: string): string {
  const { type: _, ...options } = starterSpec(type);
  return Object.entries(options)
    .map(([k, v]) => `--${kebab(k)} ${shellWord(flagValue(v))}`)
    .join(" ");
}

function flagValue(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x === "number")) return v.join(",");
  return typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
}

const shellWord = (w: string): string => (/^[\w.,:+-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);
