// A schedule given as flags: `lrsched curve cosine --initial-learning-rate 0.1 --decay-steps 1000`.
import type { Field, Schedule } from "@lrsched/ts-api";
import { parseNumber, parseNumberList, type OptionSpec, type Options } from "../args";
import { UsageError } from "../errors";
import { kebab, kindOf, type AnyScheduleType } from "./types";

/** Field kinds a flag cannot express (a JS function). */
const NOT_A_FLAG = new Set(["function"]);

/** The `--kebab-case` flags of a schedule type's options. */
export function fieldOptions(t: AnyScheduleType): OptionSpec[] {
  return Object.entries(t.fields as Record<string, Field>)
    .filter(([, f]) => !NOT_A_FLAG.has(kindOf(f)))
    .map(([name, f]) => ({
      name: kebab(name),
      kind: kindOf(f) === "boolean" ? ("flag" as const) : ("value" as const),
      placeholder: placeholder(f),
      doc: f.doc,
      hidden: true,
    }));
}

/** How a field's value is written on the command line, for help and `describe`. */
export function placeholder(f: Field): string {
  switch (kindOf(f)) {
    case "number":
      return (f as { integer?: boolean }).integer ? "INT" : "NUM";
    case "nullableNumber":
      return "NUM|null";
    case "numberList":
      return "N,N,...";
    case "boolean":
      return "";
    case "choice":
      return ((f as { choices?: readonly string[] }).choices ?? []).join("|");
    case "schedule":
      return "SPEC-JSON";
    case "scheduleList":
      return "[SPEC-JSON,...]";
    default:
      return "VALUE";
  }
}

/** Converts one flag's text to the option value the factory expects. */
function convert(flag: string, raw: string, f: Field): unknown {
  const bad = (expected: string): never => {
    throw new UsageError(`--${flag} must be ${expected}, got ${JSON.stringify(raw)}`);
  };
  switch (kindOf(f)) {
    case "number":
      return parseNumber(raw) ?? bad("a number");
    case "nullableNumber":
      return raw === "null" ? null : parseNumber(raw) ?? bad("a number or null");
    case "boolean":
      return raw === "true";
    case "numberList": {
      const text = raw.trim().replace(/^\[(.*)\]$/s, "$1");
      return parseNumberList(text) ?? bad("a comma-separated list of numbers");
    }
    case "schedule":
    case "scheduleList":
      try {
        return JSON.parse(raw);
      } catch {
        return bad(kindOf(f) === "schedule" ? "a schedule spec in JSON" : "a JSON array of schedule specs");
      }
    default:
      return raw;
  }
}

/** Builds the schedule from the flags the user gave for type `t`. Errors name the flag. */
export function scheduleFromFlags(t: AnyScheduleType, opts: Options): Schedule {
  const raw: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(t.fields as Record<string, Field>)) {
    const flag = kebab(name);
    const value = opts.string(flag);
    if (value !== undefined) raw[name] = convert(flag, value, f);
  }
  return t.create(raw, (field: string) => `--${kebab(field)}`);
}
