// What a call throws, for tests that look at the error itself (its class, path, message, cause).

/** The value `f` throws, or undefined when it returns. */
export function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
