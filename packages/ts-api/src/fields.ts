// Option descriptors shared by several schedule types.
import type { BooleanField, NameField, NumberField } from "./options";

// Descriptor helpers are free of side effects (annotated so): a type left unused by a bundle goes.
/* @__NO_SIDE_EFFECTS__ */
export function learningRate(doc: string, def?: number): NumberField {
  return { kind: "number", doc, min: 0, default: def };
}

export const initialLearningRate = learningRate("Learning rate at step 0.");

/** Step counts are at least 1: a schedule changes at most once per step. */
export const decaySteps: NumberField = { kind: "number", doc: "Steps over which the decay is applied (>= 1).", min: 1 };

export const staircase: BooleanField = {
  kind: "boolean",
  doc: "Decay at discrete intervals: use floor(step / decaySteps).",
  default: false,
};

export const kerasName: NameField = { kind: "name", doc: "Keras `name` (kept for Keras round trips only)." };

/* @__NO_SIDE_EFFECTS__ */
export function fraction(doc: string, def: number): NumberField {
  return { kind: "number", doc, min: 0, max: 1, default: def };
}
