// curve(n, {parallel: true}) in Node: helper worker_threads, one per core beyond this one, each
// with an instance of the core of its own (shares.ts splits the range among them). The call stays
// synchronous: this thread computes its own share, then waits on the shares' signal.
import { createRequire } from "node:module";
import type { MessagePort, Worker } from "node:worker_threads";
import type { CompiledPlan, CurveArray, Dtype } from "./evaluate";
import { coreModule } from "./instance";
import { SHARE_MIN, checkThreads, evaluateShared, threadsWith, type Helpers } from "./shares";

/**
 * Fewest steps worth a helper's share: below it, a message costs more than it saves.
 *
 * @example
 * ```ts
 * import { MIN_SHARE } from "@lrsched/core";
 * MIN_SHARE; // → 262144
 * ```
 */
export const MIN_SHARE = SHARE_MIN;

interface Helper {
  readonly worker: Worker;
  /** Where the helper reports a failed share (read synchronously while waiting). */
  readonly errors: MessagePort;
}

let helpers: Helper[] | undefined;

// loaded on first use: a program that never asks for a parallel curve does not pay for them
const builtin = <T>(name: string): T => createRequire(import.meta.url)(name) as T;
const workerThreads = () => builtin<typeof import("node:worker_threads")>("node:worker_threads");

/**
 * One helper per core beyond this thread's (or `threads - 1` when startThreads chose), started on
 * first use; idle ones keep no process alive.
 */
function pool(threads?: number): Helper[] {
  if (helpers) return helpers;
  const module = coreModule();
  const url = new URL("./parallelWorker.js", import.meta.url);
  const { MessageChannel, Worker } = workerThreads();
  const cores = builtin<typeof import("node:os")>("node:os").availableParallelism();
  helpers = Array.from({ length: Math.max(0, (threads ?? cores) - 1) }, () => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(url, { workerData: { module, errors: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref();
    return { worker, errors: port1 };
  });
  return helpers;
}

/**
 * How many threads (this one included) `count` steps are worth.
 *
 * @example
 * ```ts
 * import { MIN_SHARE, threadsFor } from "@lrsched/core";
 * threadsFor(MIN_SHARE - 1); // → 1
 * ```
 */
export const threadsFor = (count: number): number => threadsWith(pool().length, count);

/** The pool as shares.ts uses it; a helper's failure text waits on its port. */
function helpersOf(pool: Helper[]): Helpers {
  return {
    count: pool.length,
    post: (k, share) => pool[k]!.worker.postMessage(share),
    reason: (k) => {
      const got = workerThreads().receiveMessageOnPort(pool[k]!.errors);
      return got === undefined ? undefined : String(got.message);
    },
  };
}

/**
 * Starts the helper threads now rather than on the first parallel curve: `threads` in all (this
 * one included; default one per core), unless they are already up. Resolves to the number of
 * threads parallel curves use. In Node this is optional; in a browser's Web Worker it is what
 * lets parallel curves use more than one thread (the core's README says when they can).
 *
 * @example
 * ```ts
 * import { startThreads } from "@lrsched/core";
 * (await startThreads()) >= 1; // → true
 * ```
 */
export async function startThreads(threads?: number): Promise<number> {
  checkThreads(threads);
  return pool(threads).length + 1;
}

/**
 * evaluatePlan over every core, into `out` or a new array. A new array is allocated on a
 * SharedArrayBuffer (when the range is split), so the helpers write it, and an `out` on one,
 * directly, in one round; any other output takes their shares through the staging buffer,
 * ROUND steps per helper at a time. Ranges too short to split are evaluated serially.
 *
 * @example
 * ```ts
 * import { compilePlan, evaluatePlanParallel, Op, planNode } from "@lrsched/core";
 * const plan = compilePlan(planNode(Op.Cosine, [0.1, 2_000_000, 0]));
 * const values = evaluatePlanParallel(plan, 0, 2_000_000, "float64");
 * values[1_000_000]; // → 0.05
 * ```
 */
export function evaluatePlanParallel(
  plan: CompiledPlan,
  start: number,
  count: number,
  dtype: Dtype = "float32",
  out?: CurveArray,
): CurveArray {
  return evaluateShared(helpersOf(pool()), plan, start, count, dtype, out);
}
