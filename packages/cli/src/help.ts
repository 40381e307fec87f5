// Help text, generated from the command table so it cannot drift from what the parser accepts.
import type { OptionSpec } from "./args";
import type { Command } from "./command";
import { MAX_INPUT_TEXT } from "./io/readCapped";

/** Options every command accepts. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: "help", short: "h", kind: "flag", doc: "Show this help." },
  { name: "debug", kind: "flag", doc: "Print stack traces of errors." },
];

function optionLines(options: readonly OptionSpec[]): string[] {
  const visible = options.filter((o) => !o.hidden);
  const left = visible.map((o) => `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.placeholder ? ` ${o.placeholder}` : ""}`);
  const width = Math.min(30, Math.max(...left.map((l) => l.length)));
  return visible.map((o, i) => {
    const l = left[i];
    return l.length > width ? `  ${l}\n  ${" ".repeat(width)}  ${o.doc}` : `  ${l.padEnd(width)}  ${o.doc}`;
  });
}

/** `lrsched <cmd> --help`. */
export function commandHelp(c: Command): string {
  const out = [`lrsched ${c.name}: ${c.summary}`, "", "Usage:", ...c.usage.map((u) => `  lrsched ${u}`)];
  if (c.description) out.push("", ...c.description);
  out.push("", "Options:", ...optionLines([...c.options, ...COMMON_OPTIONS]));
  if (c.examples.length > 0) {
    out.push("", "Examples:");
    for (const [cmd, what] of c.examples) out.push(`  # ${what}`, `  lrsched ${cmd}`);
  }
  return `${out.join("\n")}\n`;
}

/** `lrsched --help`. */
export function globalHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `lrsched ${version}: learning-rate schedules from the command line`,
    "",
    "Usage: lrsched <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "A schedule is given as a type and its options (lrsched curve cosine --initial-learning-rate 0.1",
    "--decay-steps 1000), a spec (--spec file.json or --spec '{\"type\": ...}'), or a framework's own config:",
    "Keras (--keras), PyTorch (--torch), timm (--timm) or optax (--optax). `lrsched list` shows every type,",
    "`lrsched list --from timm` what a framework's classes read as; `lrsched describe <type>` a type's options.",
    `Input files (--spec, --keras, --torch, --timm, --optax, --config, or - for stdin) are read up to ${MAX_INPUT_TEXT}.`,
    "",
    "Examples:",
    "  lrsched demo",
    "  lrsched plot cosine --initial-learning-rate 0.1 --decay-steps 1000",
    "  lrsched curve exponential --initial-learning-rate 0.15 --decay-steps 100000 --decay-rate 0.8 --staircase --steps 1e6 --every 1000",
    "  lrsched compare --spec a.json --spec b.json --steps 10000",
    "  lrsched find --quick",
    "  lrsched sweep --quick",
    "",
    "Bad input exits with status 2 and one line on stderr. Run `lrsched <command> --help` for details.",
    "",
  ].join("\n");
}
