/**
 * Reports an option that is accepted but has no effect, where the library lrsched mirrors accepts
 * it silently too (so code ported from it keeps working, and its author learns the option is dead).
 */
export function warn(message: string): void {
  console.warn(`lrsched warning: ${message}`);
}
