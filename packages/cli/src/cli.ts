// Dispatch: find the command, parse its options, run it, and turn every failure into an exit code
// and (for bad input) one line on stderr.
import { LrschedError } from "@lrsched/ts-api";
import { Options, distance, parseArgs } from "./args";
import type { Command } from "./command";
import { compareCommand } from "./commands/compare";
import { curveCommand } from "./commands/curve";
import { demoCommand } from "./commands/demo";
import { describeCommand } from "./commands/describe";
import { exportCommand } from "./commands/export";
import { findCommand } from "./commands/find";
import { sweepCommand } from "./commands/sweep";
import { listCommand } from "./commands/list";
import { playgroundCommand } from "./commands/playground";
import { plotCommand } from "./commands/plot";
import { UsageError } from "./errors";
import { COMMON_OPTIONS, commandHelp, globalHelp } from "./help";
import { scheduleFlags } from "./input/sources";
import { BrokenPipe } from "./io/output";
import { version } from "./version";

/**
 * Every command, in the order `lrsched --help` lists them.
 *
 * @example
 * ```ts
 * import { COMMANDS } from "@lrsched/cli";
 * COMMANDS.map((c) => c.name).includes("plot"); // → true
 * ```
 */
export const COMMANDS: readonly Command[] = [
  curveCommand,
  plotCommand,
  compareCommand,
  listCommand,
  describeCommand,
  exportCommand,
  demoCommand,
  findCommand,
  sweepCommand,
  playgroundCommand,
];

/**
 * Exit statuses.
 *
 * @example
 * ```ts
 * import { EXIT, main } from "@lrsched/cli";
 * (await main(["describe"])) === EXIT.usage; // → true
 * ```
 */
export const EXIT = { ok: 0, internal: 1, usage: 2 } as const;

function report(prefix: string, e: unknown, debug: boolean): number {
  if (e instanceof BrokenPipe) return 141; // like a process killed by SIGPIPE, and silent
  const usage = e instanceof UsageError || e instanceof LrschedError;
  const message = e instanceof Error ? e.message : String(e);
  const firstLine = message.split("\n")[0];
  if (usage) process.stderr.write(`${prefix}: ${firstLine}\n`);
  else process.stderr.write(`${prefix}: internal error: ${firstLine}${debug ? "" : " (run with --debug for details)"}\n`);
  if (debug && e instanceof Error) {
    process.stderr.write(`${e.stack ?? ""}\n`);
    if (e.cause instanceof Error) process.stderr.write(`caused by: ${e.cause.stack ?? e.cause.message}\n`);
  }
  return usage ? EXIT.usage : EXIT.internal;
}

/**
 * Runs `lrsched` with `argv` (without node and the script) and resolves to the exit status:
 * 0 when the output is complete, 2 for bad input or an output that cannot be written, 1 for a bug.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes("--debug");
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") {
    process.stdout.write(globalHelp(COMMANDS, version()));
    return EXIT.ok;
  }
  if (first === "--version" || first === "-V") {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (first === "help") {
    const target = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !target) return report("lrsched", unknownCommand(rest[0]), debug);
    process.stdout.write(target ? commandHelp(target) : globalHelp(COMMANDS, version()));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const e = first.startsWith("-") && first !== "--debug" ? new UsageError(`unknown option ${first} (options come after the command; see lrsched --help)`) : unknownCommand(first);
    return report("lrsched", e, debug);
  }
  const prefix = `lrsched ${command.name}`;
  try {
    const parsed = parseArgs(rest, [...command.options, ...COMMON_OPTIONS], command.scheduleFlags ? scheduleFlags : undefined);
    const opts = new Options(parsed);
    if (opts.flag("help")) {
      process.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    if (!command.scheduleFlags && !command.positionals && command.name !== "describe" && opts.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${opts.positionals[0]}'`);
    }
    await command.run(opts);
    return EXIT.ok;
  } catch (e) {
    return report(prefix, e, debug);
  }
}

function unknownCommand(name: string): UsageError {
  const near = COMMANDS.map((c) => c.name).find((c) => distance(c, name) <= 2);
  return new UsageError(
    `unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ""}; commands: ${COMMANDS.map((c) => c.name).join(", ")}`,
  );
}
