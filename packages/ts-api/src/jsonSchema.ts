import type { Field } from "./options";
import { scheduleTypes } from "./registry";

function fieldSchema(f: Field): Record<string, unknown> {
  switch (f.kind) {
    case "number":
    case "nullableNumber": {
      const s: Record<string, unknown> = { type: f.kind === "number" ? (f.integer ? "integer" : "number") : ["number", "null"], description: f.doc };
      if (f.min !== undefined) s.minimum = f.min;
      if (f.above !== undefined) s.exclusiveMinimum = f.above;
      if (f.max !== undefined) s.maximum = f.max;
      if (f.below !== undefined) s.exclusiveMaximum = f.below;
      if (f.default !== undefined) s.default = f.default;
      return s;
    }
    case "boolean":
      return { type: "boolean", description: f.doc, ...(f.default === undefined ? {} : { default: f.default }) };
    case "name":
      return { type: ["string", "null"], description: f.doc };
    case "choice":
      return {
        enum: f.default === null ? [...f.choices, null] : [...f.choices],
        description: f.doc,
        ...(f.default === undefined ? {} : { default: f.default }),
      };
    case "schedule":
      return { $ref: "#", description: f.doc };
    case "scheduleList":
      return {
        type: "array",
        description: f.doc,
        items: { $ref: "#" },
        minItems: f.minLength,
        ...(f.maxLength === undefined ? {} : { maxItems: f.maxLength }),
      };
    case "function":
      return { type: "null", description: `${f.doc} Specs cannot hold functions.` };
    case "numberList":
      return {
        type: "array",
        description: f.doc,
        items: { type: "number", ...(f.min === undefined ? {} : { minimum: f.min }) },
        ...(f.minLength === undefined ? {} : { minItems: f.minLength }),
      };
  }
}

const isRequired = (f: Field) =>
  f.kind === "schedule" || f.kind === "scheduleList" || (f.kind !== "name" && f.default === undefined);

/**
 * JSON Schema (draft 2020-12) of a schedule spec, generated from the option tables.
 *
 * @example
 * ```ts
 * import { specJsonSchema } from "@lrsched/ts-api";
 * const schema = specJsonSchema();
 * schema.title; // → "lrsched schedule spec"
 * (schema.oneOf as unknown[]).length > 20; // → true
 * ```
 */
export function specJsonSchema(): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://lrsched.dev/schema/spec.json",
    title: "lrsched schedule spec",
    oneOf: scheduleTypes.map((t) => ({
      type: "object",
      title: t.type,
      description: t.summary,
      additionalProperties: false,
      required: ["type", ...Object.entries(t.fields).filter(([, f]) => isRequired(f)).map(([k]) => k)],
      properties: {
        type: { const: t.type },
        ...Object.fromEntries(Object.entries(t.fields).map(([k, f]) => [k, fieldSchema(f)])),
      },
    })),
  };
}
