// A schedule type's options as a markdown table, from the field descriptors in @lrsched/ts-api that
// also validate options, build the JSON Schema and feed `lrsched describe`.
import { fieldDefault, fieldRules } from "@lrsched/ts-api";

/** The value a field holds, in TypeScript words. */
export function fieldType(f) {
  switch (f.kind) {
    case "number":
      return f.integer ? "integer" : "number";
    case "nullableNumber":
      return `${f.integer ? "integer" : "number"} \\| null`;
    case "boolean":
      return "boolean";
    case "numberList":
      return "number[]";
    case "name":
      return "string \\| null";
    case "choice":
      return [...f.choices.map((c) => `'${c}'`), ...(f.default === null ? ["null"] : [])].join(" \\| ");
    case "schedule":
      return "Schedule \\| spec";
    case "scheduleList":
      return "(Schedule \\| spec)[]";
    case "function":
      return "function \\| null";
    default:
      return String(f.kind);
  }
}

const cell = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Markdown: one row per option with its type, default, rules and meaning. */
export function optionTable(type) {
  const rows = Object.entries(type.fields).map(
    ([name, f]) => `| \`${name}\` | ${fieldType(f)} | ${cell(fieldDefault(f))} | ${cell(fieldRules(f)) || "—"} | ${cell(f.doc)} |`,
  );
  return ["| option | type | default | rules | meaning |", "|---|---|---|---|---|", ...rows].join("\n");
}
