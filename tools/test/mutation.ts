// Helpers the fuzzers use to corrupt generated inputs in place.

/** Sets an own key, as JSON.parse does (so `__proto__` becomes a key, not the prototype). */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  try {
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  } catch {
    // a frozen or exotic generated value: leave it as it is
  }
}

/** Plain, editable containers (generated boxed values, typed arrays and frozen objects are leaves). */
export const editable = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && Object.isExtensible(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === Array.prototype);
