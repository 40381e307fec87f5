// curve(n, {parallel: true}): the range split into one share per core, evaluated at once by this
// thread and by helper worker_threads (each with an instance of the core of its own), which write
// into shared memory. Values depend on their step alone (the core's blocks and anchors sit on a
// fixed grid), so any split gives the serial curve bit for bit. The call stays synchronous: this
// thread computes its own share, then waits on the shares' signal with Atomics.wait.
import { createRequire } from "node:module";
import type { MessagePort, Worker } from "node:worker_threads";
import { CurveValueError, evaluatePlan, type CompiledPlan, type CurveArray, type Dtype } from "./evaluate";
import { coreModule } from "./instance";
import type { Share } from "./parallelWorker";

/**
 * Fewest steps worth a helper's share: below it, a message costs more than it saves.
 *
 * @example
 * ```ts
 * import { MIN_SHARE } from "@lrsched/core";
 * MIN_SHARE; // → 262144
 * ```
 */
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

/**
 * How many threads (this one included) `count` steps are worth.
 *
 * @example
 * ```ts
 * import { MIN_SHARE, threadsFor } from "@lrsched/core";
 * threadsFor(MIN_SHARE - 1); // → 1
 * ```
 */
export const threadsFor = (count: number): number => Math.max(1, Math.min(pool().length + 1, Math.floor(count / MIN_SHARE)));

/** Steps per helper and round when the shares are staged (an output not on a SharedArrayBuffer). */
const ROUND = 1 << 21;

/**
 * Where the helpers write their shares of an output they cannot reach (an ordinary array, one
 * from allocateCurve), copied in round by round: one buffer, reused, so the helpers never hold
 * more than it (a buffer a thread was sent stays allocated until that thread collects).
 */
let staging: SharedArrayBuffer | undefined;
const stagingOf = (bytes: number) => (staging && staging.byteLength >= bytes ? staging : (staging = new SharedArrayBuffer(bytes)));

/** Waits for the `used` helpers on `signal`, then throws the failures they reported. */
function join(signal: Int32Array, used: Helper[]): void {
  for (let done = Atomics.load(signal, 0); done < used.length; done = Atomics.load(signal, 0)) Atomics.wait(signal, 0, done);
  if (!Atomics.load(signal, 1)) return;
  const { receiveMessageOnPort } = workerThreads();
  const reasons = used.flatMap(({ errors }) => {
    const got: unknown[] = [];
    for (let m = receiveMessageOnPort(errors); m; m = receiveMessageOnPort(errors)) got.push(m.message);
    return got;
  });
  // the first value that cannot be stored, as the serial curve would report it
  const refused = reasons
    .filter((r): r is { step: number; value: number; float32: boolean } => typeof r === "object" && r !== null)
    .sort((a, b) => a.step - b.step)[0];
  if (refused) throw new CurveValueError(refused.step, refused.value, refused.float32);
  throw new Error(`lrsched core: a helper thread failed: ${reasons.map(String).join("; ")}`);
}

/**
 * Steps [start, start + n) into `into` (n values), split in `threads` shares: this thread takes
 * the first, helper k the (k + 1)-th, written at `into` itself when it is on a SharedArrayBuffer,
 * else into the staging buffer and copied in once all are done.
 */
function split(plan: CompiledPlan, start: number, n: number, threads: number, into: CurveArray): void {
  const size = into.BYTES_PER_ELEMENT;
  const own = Math.floor(n / threads);
  const direct = into.buffer instanceof SharedArrayBuffer;
  const stage = direct ? undefined : stagingOf((n - own) * size);
  const target = stage === undefined ? into.subarray(own) : size === 4 ? new Float32Array(stage, 0, n - own) : new Float64Array(stage, 0, n - own);
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const used = pool().slice(0, threads - 1);
  used.forEach(({ worker }, k) => {
    const from = Math.floor(((k + 1) * n) / threads) - own;
    const to = Math.floor(((k + 2) * n) / threads) - own;
    const share: Share = {
      words: plan.words, levels: plan.levels, start: start + own + from, count: to - from, f32: size === 4,
      buffer: target.buffer as SharedArrayBuffer, byteOffset: target.byteOffset + from * size, signal, callers: direct,
    };
    worker.postMessage(share);
  });
  try {
    evaluatePlan(plan, start, own, size === 4 ? "float32" : "float64", into.subarray(0, own));
  } finally {
    join(signal, used);
  }
  if (!direct) into.set(target, own);
}

/**
 * evaluatePlan over every core, into `out` or a new array. An `out` on a SharedArrayBuffer is
 * written by the helpers directly, in one round; any other output (a new array included) takes
 * their shares through the staging buffer, ROUND steps per helper at a time. Ranges too short to
 * split are evaluated serially.
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
  const threads = threadsFor(count);
  if (threads === 1) return evaluatePlan(plan, start, count, dtype, out);
  const result = out ?? (dtype === "float32" ? new Float32Array(count) : new Float64Array(count));
  if (result.buffer instanceof SharedArrayBuffer) {
    split(plan, start, count, threads, result);
    return result;
  }
  const span = ROUND * threads;
  for (let done = 0; done < count; done += span) {
    const n = Math.min(span, count - done);
    split(plan, start + done, n, threadsFor(n), result.subarray(done, done + n));
  }
  return result;
}
