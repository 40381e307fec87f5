import type { OptionSpec, Options } from "./args";

/** One `lrsched` subcommand: its documentation and its behaviour. */
export interface Command {
  readonly name: string;
  /** One line for `lrsched --help`. */
  readonly summary: string;
  /** Usage lines after `lrsched `. */
  readonly usage: readonly string[];
  /** Paragraphs shown under the usage in `lrsched <cmd> --help`. */
  readonly description?: readonly string[];
  readonly options: readonly OptionSpec[];
  /** Example command lines (after `lrsched `), each with what it does. */
  readonly examples: readonly (readonly [string, string])[];
  /** Takes a schedule type as first positional followed by its option flags. */
  readonly scheduleFlags?: boolean;
  /** Takes positional arguments of its own (a subcommand and its operands). */
  readonly positionals?: boolean;
  run(opts: Options): Promise<void>;
}

/** Writes to stdout, waiting when the pipe is full so large outputs keep their order. */
export function print(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text.endsWith("\n") ? text : `${text}\n`)) resolve();
    else process.stdout.once("drain", resolve);
  });
}
