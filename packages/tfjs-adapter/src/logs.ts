/** Epoch or batch logs as tfjs passes them to callbacks: numbers, or scalar tensors not yet read. */
export type UnresolvedLogs = Record<string, unknown>;

interface ScalarLike {
  data(): Promise<ArrayLike<number>>;
  dispose(): void;
}

const isScalar = (v: unknown): v is ScalarLike =>
  typeof v === "object" && v !== null && typeof (v as ScalarLike).data === "function";

/**
 * Replaces the scalar tensors in `logs` with their values and disposes them, as tfjs's own
 * callbacks do, so later callbacks and History see numbers and no tensor is left behind.
 */
export async function resolveLogs(logs: UnresolvedLogs | undefined): Promise<Record<string, unknown>> {
  if (!logs) return {};
  for (const key of Object.keys(logs)) {
    const value = logs[key];
    if (isScalar(value)) {
      logs[key] = (await value.data())[0];
      value.dispose();
    }
  }
  return logs;
}
