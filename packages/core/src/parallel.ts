// curve(n, {parallel: true}): the range split into one share per core, evaluated at once by this
// thread and by helper worker_threads (each with an instance of the core of its own) into a
// SharedArrayBuffer. Values depend on their step alone (the core's blocks and anchors sit on a
// fixed grid), so any split gives the serial curve bit for bit. The call stays synchronous: this
// thread computes its own share, then waits on the shares' signal with Atomics.wait.
import { createRequire } from "node:module";
import type { MessagePort, Worker } from "node:worker_threads";
import { evaluatePlan, type CompiledPlan, type CurveArray, type Dtype } from "./evaluate";
import { coreModule } from "./instance";
import type { Share } from "./parallelWorker";

/** Fewest steps worth a helper's share: below it, a message costs more than it saves. */
export const MIN_SHARE = 1 << 18;

interface Helper {
  readonly worker: Worker;
  /** Where the helper reports a failed share (read synchronously while waiting). */
  readonly errors: MessagePort;
}

let helpers: Helper[] | undefined;

// loaded on first use: a program that never asks for a parallel curve does not pay for them
const builtin = <T>(name: string): T => createRequire(import.meta.url)(name) as T;
const workerThreads = () => builtin<typeof import("node:worker_threads")>("node:worker_threads");

/** One helper per core beyond this thread's, started on first use; idle ones keep no process alive. */
function pool(): Helper[] {
  if (helpers) return helpers;
  const module = coreModule();
  const url = new URL("./parallelWorker.js", import.meta.url);
  const { MessageChannel, Worker } = workerThreads();
  const cores = builtin<typeof import("node:os")>("node:os").availableParallelism();
  helpers = Array.from({ length: Math.max(0, cores - 1) }, () => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(url, { workerData: { module, errors: port2 }, transferList: [port2] });
    worker.unref();
    port1.unref();
    return { worker, errors: port1 };
  });
  return helpers;
}

/** How many threads (this one included) `count` steps are worth. */
export const threadsFor = (count: number): number => Math.max(1, Math.min(pool().length + 1, Math.floor(count / MIN_SHARE)));

const sharedArray = (dtype: Dtype, count: number): CurveArray =>
  dtype === "float32"
    ? new Float32Array(new SharedArrayBuffer(count * 4))
    : new Float64Array(new SharedArrayBuffer(count * 8));

/**
 * evaluatePlan over every core: a new array on a SharedArrayBuffer, or `out`. An `out` on a
 * SharedArrayBuffer is written by the helpers directly; another (an ordinary array, one from
 * allocateCurve) gets their shares copied in. Ranges too short to split are evaluated serially.
 */
export function evaluatePlanParallel(
  plan: CompiledPlan,
  start: number,
  count: number,
  dtype: Dtype = "float32",
  out?: CurveArray,
): CurveArray {
  const threads = threadsFor(count);
  if (threads === 1) return evaluatePlan(plan, start, count, dtype, out);
  const result = out ?? sharedArray(dtype, count);
  const f32 = result instanceof Float32Array;
  const own = Math.floor(count / threads); // this thread's share: [0, own)
  const direct = result.buffer instanceof SharedArrayBuffer;
  // the helpers' shares [own, count): into the result, or a shared buffer copied in at the end
  const target = direct ? result.subarray(own) : sharedArray(f32 ? "float32" : "float64", count - own);
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const helpersUsed = pool().slice(0, threads - 1);
  helpersUsed.forEach(({ worker }, k) => {
    const from = Math.floor(((k + 1) * count) / threads) - own;
    const to = Math.floor(((k + 2) * count) / threads) - own;
    const share: Share = {
      words: plan.words, levels: plan.levels, start: start + own + from, count: to - from, f32,
      buffer: target.buffer as SharedArrayBuffer, byteOffset: target.byteOffset + from * target.BYTES_PER_ELEMENT, signal,
    };
    worker.postMessage(share);
  });
  try {
    evaluatePlan(plan, start, own, f32 ? "float32" : "float64", result.subarray(0, own));
  } finally {
    for (let done = Atomics.load(signal, 0); done < helpersUsed.length; done = Atomics.load(signal, 0)) {
      Atomics.wait(signal, 0, done);
    }
  }
  if (Atomics.load(signal, 1)) {
    const reasons = helpersUsed.flatMap(({ errors }) => {
      const got: string[] = [];
      const { receiveMessageOnPort } = workerThreads();
      for (let m = receiveMessageOnPort(errors); m; m = receiveMessageOnPort(errors)) got.push(String(m.message));
      return got;
    });
    throw new Error(`lrsched core: a helper thread failed: ${reasons.join("; ")}`);
  }
  if (!direct) result.set(target, own);
  return result;
}
