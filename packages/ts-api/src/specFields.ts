// Option descriptors for schedules nested in others (warmup's schedule, join's pieces, ...). A spec
// in their place is built by the registry, which knows every type: only these fields reach it,
// so a bundle of schedules that nest none leaves the other types out.
import type { ScheduleField, ScheduleListField } from "./options";
import { fromSpec } from "./registry";

const resolve = (spec: unknown, prefix: string) => fromSpec(spec, prefix);

// (free of side effects, annotated so: a type that holds one is left out of a bundle that does not use it)
/* @__NO_SIDE_EFFECTS__ */
export function scheduleField(doc: string): ScheduleField {
  return { kind: "schedule", doc, resolve };
}

/* @__NO_SIDE_EFFECTS__ */
export function scheduleListField(doc: string, minLength: number, maxLength?: number): ScheduleListField {
  return maxLength === undefined ? { kind: "scheduleList", doc, minLength, resolve } : { kind: "scheduleList", doc, minLength, maxLength, resolve };
}
