// A small, strict argument parser: the CLI controls every message it prints for bad input.
import { UsageError } from "./errors";

/**
 * One command-line option. `flag` options take no value; `value` options always take the next token.
 *
 * @example
 * ```ts
 * import { parseArgs, type OptionSpec } from "@lrsched/cli";
 * const specs: OptionSpec[] = [{ name: "steps", kind: "value", doc: "How many steps." }, { name: "quiet", short: "q", kind: "flag", doc: "No progress bar." }];
 * parseArgs(["-q", "--steps", "10"], specs).values.get("steps"); // → ["10"]
 * ```
 */
export interface OptionSpec {
  /** Long name without the leading `--`. */
  readonly name: string;
  readonly short?: string;
  readonly kind: "flag" | "value";
  /** May be given several times (values are kept in order). */
  readonly repeat?: boolean;
  /** Shown in help: `--steps N`. */
  readonly placeholder?: string;
  readonly doc: string;
  /** Left out of `--help` (schedule fields are documented by `describe`). */
  readonly hidden?: boolean;
}

/**
 * The result of parsing: every option's raw values (flags as "true"/"false") and the positionals.
 *
 * @example
 * ```ts
 * import { parseArgs, type ParsedArgs } from "@lrsched/cli";
 * const parsed: ParsedArgs = parseArgs(["plot", "cosine"], []);
 * parsed.positionals; // → ["plot", "cosine"]
 * ```
 */
export interface ParsedArgs {
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly positionals: readonly string[];
}

const isLong = (t: string) => t.startsWith("--") && t.length > 2;
const isShort = (t: string) => /^-[A-Za-z]$/.test(t);

/**
 * Parses `argv` against `specs`. When `dynamic` is given, it receives the first positional (found by a
 * tolerant first pass) and returns further options it enables: `lrsched curve cosine --decay-steps 10`
 * learns `--decay-steps` from `cosine`. Throws UsageError naming the first bad token.
 *
 * @example
 * ```ts
 * import { parseArgs } from "@lrsched/cli";
 * const parsed = parseArgs(["curve", "--steps=100"], [{ name: "steps", kind: "value", doc: "How many steps." }]);
 * parsed.values.get("steps"); // → ["100"]
 * ```
 */
export function parseArgs(
  argv: readonly string[],
  specs: readonly OptionSpec[],
  dynamic?: (first: string | undefined) => readonly OptionSpec[],
): ParsedArgs {
  const all = dynamic ? [...specs, ...dynamic(firstPositional(argv, specs))] : specs;
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  const put = (spec: OptionSpec, value: string) => {
    const list = values.get(spec.name) ?? [];
    if (list.length > 0 && !spec.repeat) {
      throw new UsageError(`--${spec.name} was given more than once`);
    }
    list.push(value);
    values.set(spec.name, list);
  };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!isLong(token) && !isShort(token)) {
      if (token.startsWith("-") && token !== "-") {
        throw new UsageError(`unknown option ${token}${hint(token, all)}`);
      }
      positionals.push(token);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    let spec: OptionSpec | undefined;
    if (isShort(token)) {
      spec = byShort.get(token.slice(1));
      name = spec?.name ?? token;
    } else {
      const eq = token.indexOf("=");
      name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      inline = eq < 0 ? undefined : token.slice(eq + 1);
      spec = byName.get(name);
      if (!spec && name.startsWith("no-") && inline === undefined) {
        const negated = byName.get(name.slice(3));
        if (negated?.kind === "flag") {
          put(negated, "false");
          continue;
        }
      }
    }
    if (!spec) throw new UsageError(`unknown option ${token.split("=")[0]}${hint(token, all)}`);
    if (spec.kind === "flag") {
      if (inline === undefined) put(spec, "true");
      else if (inline === "true" || inline === "false") put(spec, inline);
      else throw new UsageError(`--${spec.name} must be true or false, got ${JSON.stringify(inline)}`);
      continue;
    }
    if (inline !== undefined) {
      put(spec, inline);
      continue;
    }
    if (i + 1 >= argv.length) {
      throw new UsageError(`--${spec.name} needs a value${spec.placeholder ? ` (${spec.placeholder})` : ""}`);
    }
    put(spec, argv[++i]);
  }
  return { values, positionals };
}

/** First positional, guessing that unknown options take a value unless followed by another option. */
function firstPositional(argv: readonly string[], specs: readonly OptionSpec[]): string | undefined {
  const known = new Map(specs.map((s) => [s.name, s]));
  const shorts = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i];
    if (t === "--") return argv[i + 1];
    if (isShort(t)) {
      if (shorts.get(t.slice(1))?.kind === "value") i++;
      continue;
    }
    if (!isLong(t)) return t;
    if (t.includes("=")) continue;
    const spec = known.get(t.slice(2));
    if (spec ? spec.kind === "value" : i + 1 < argv.length && !argv[i + 1].startsWith("--")) i++;
  }
  return undefined;
}

/** " (did you mean --steps?)" for a near miss, else "". */
function hint(token: string, specs: readonly OptionSpec[]): string {
  const name = token.replace(/^-+/, "").split("=")[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const s of specs) {
    const d = distance(name, s.name);
    if (d < bestDistance) {
      best = s.name;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean --${best}?)` : "";
}

/** Edit distance counting a swap of neighbours as one edit (`stpes` is 1 from `steps`). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Typed access to parsed options, with errors that name the option and what it expects.
 *
 * @example
 * ```ts
 * import { Options, parseArgs } from "@lrsched/cli";
 * const opts = new Options(parseArgs(["--steps", "1e3"], [{ name: "steps", kind: "value", doc: "How many steps." }]));
 * opts.integer("steps", 1, 100); // → 1000
 * ```
 */
export class Options {
  constructor(readonly parsed: ParsedArgs) {}

  get positionals(): readonly string[] {
    return this.parsed.positionals;
  }

  /** Whether the option was given at all. */
  has(name: string): boolean {
    return this.parsed.values.has(name);
  }

  /** Every value given for a repeatable option, in order. */
  all(name: string): readonly string[] {
    return this.parsed.values.get(name) ?? [];
  }

  /** The option's last value, or undefined. */
  string(name: string): string | undefined {
    return this.parsed.values.get(name)?.[0];
  }

  /** Whether a flag is on. */
  flag(name: string): boolean {
    return this.string(name) === "true";
  }

  /** Throws the UsageError for a bad value: `--name expects ..., got ...`. */
  fail(name: string, expected: string, got: string): never {
    throw new UsageError(`--${name} must be ${expected}, got ${JSON.stringify(got)}`);
  }

  /** An integer option in [min, max]: `--steps must be a positive integer, got "abc"`. */
  integer(name: string, min: number, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const v = parseNumber(raw);
    const what = min === 1 ? "a positive integer" : min === 0 ? "a non-negative integer" : `an integer >= ${min}`;
    if (v === undefined || !Number.isInteger(v) || v < min) this.fail(name, what, raw);
    if (v > max) this.fail(name, `${what} <= ${max}`, raw);
    return v;
  }

  /** The option as a finite number passing `check`, or `fallback` when it is absent. */
  number(name: string, fallback: number, check: (v: number) => boolean = () => true, expected = "a finite number"): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const v = parseNumber(raw);
    if (v === undefined || !check(v)) this.fail(name, expected, raw);
    return v;
  }

  /** The option as one of `choices`, or `fallback` when it is absent. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!(choices as readonly string[]).includes(raw)) this.fail(name, `one of ${choices.join(", ")}`, raw);
    return raw as T;
  }

  /** Comma-separated numbers: `--at 0,100,1e3`. */
  numberList(name: string): number[] | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    return parseNumberList(raw) ?? this.fail(name, "a comma-separated list of numbers", raw);
  }
}

/**
 * Strict number syntax: no empty strings, no surrounding spaces or trailing garbage, finite only.
 * Accepts 1e9 and 1_000.
 */
export function parseNumber(raw: string): number | undefined {
  const s = raw.replace(/_/g, "");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

export function parseNumberList(raw: string): number[] | undefined {
  const parts = raw.split(",").map((p) => p.trim());
  if (raw.trim() === "") return [];
  const out: number[] = [];
  for (const p of parts) {
    const v = parseNumber(p);
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}
