import { startThreads as startInCore } from "@lrsched/core";
import { checkNumber } from "./options";

/**
 * Starts the threads that `curve(n, {parallel: true})` and `chunks(..., {parallel: true})` split
 * long ranges over, `threads` in all (1 to 256, this one included; default one per core), and resolves to
 * the number they use. Optional in Node, where they start on the first parallel curve. In a
 * browser it is what starts them: helper Web Workers, used from a Web Worker of a cross-origin
 * isolated page (elsewhere it resolves to 1 and curves stay on the calling thread, with the same
 * values).
 *
 * @example
 * ```ts
 * import { cosineDecay, startThreads } from "@lrsched/ts-api";
 * const threads = await startThreads();
 * threads >= 1; // → true
 * cosineDecay({ initialLearningRate: 0.1, decaySteps: 2e6 }).curve(2e6, { parallel: true })[1e6]; // → 0.05
 * ```
 */
export async function startThreads(threads?: number): Promise<number> {
  if (threads === undefined) return startInCore();
  return startInCore(checkNumber("threads", threads, { integer: true, min: 1, max: 256 }));
}
