// Option descriptors shared by several schedule types.
import type { BooleanField, NameField, NumberField } from "./options";

// Descriptor helpers are free of side effects (annotated so): a type left unused by a bundle goes.
/* @__NO_SIDE_EFFECTS__ */
export function learningRate(doc: string, def?: number): NumberField {
  return { kind: "number", doc, min: 0, default: def };
}

export const initialLearningRate = learningRate("Learning rate at step 0.");

/**
 * Smallest decay length: Keras takes any positive one; below this, step / decaySteps leaves
 * float64 before step 2^53 (and the rate turns NaN).
 */
export const MIN_DECAY_STEPS = 1e-292;

/** Any positive length, as Keras takes it (a decay over half a step is still a formula). */
export const decaySteps: NumberField = {
  kind: "number",
  doc: "Steps over which the decay is applied (>= 1e-292; fractions of a step are Keras's formula too).",
  min: MIN_DECAY_STEPS,
};

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
