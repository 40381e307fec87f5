// curve(n, {parallel: true}) in the browser build: helper Web Workers, each with an instance of
// the core of its own (shares.ts splits the range among them). A synchronous curve can wait for
// them only where the thread may block on Atomics.wait (a Web Worker, not a page's main thread)
// and memory can be shared (a cross-origin isolated page); and a helper must be up before a
// curve blocks waiting on it, so helpers start in `await startThreads()`. Anywhere else, and
// before that, parallel curves are evaluated on this thread: the values are the same either way.
import { evaluatePlan, type CompiledPlan, type CurveArray, type Dtype } from "./evaluate";
import { coreModule, ready } from "./instance";
import { SHARE_MIN, checkThreads, evaluateShared, threadsWith, type Helpers } from "./shares";

export const MIN_SHARE = SHARE_MIN;

/** Helpers that answered, in start order. */
const helpers: Worker[] = [];

const scope = globalThis as { WorkerGlobalScope?: abstract new () => unknown; crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } };
/** Atomics.wait is allowed in workers only. */
const mayBlock = () => scope.WorkerGlobalScope !== undefined && globalThis instanceof scope.WorkerGlobalScope;
const mayShare = () => typeof SharedArrayBuffer === "function" && scope.crossOriginIsolated === true;

export const threadsFor = (count: number): number => (mayBlock() ? threadsWith(helpers.length, count) : 1);

/** One helper, resolved once it has instantiated the core on `module`. */
function startHelper(module: WebAssembly.Module): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./parallelWorker.browser.js", import.meta.url), { type: "module", name: "lrsched core helper" });
    worker.onmessage = (e: MessageEvent) => {
      if (e.data === "up") resolve(worker);
    };
    worker.onerror = (e: ErrorEvent) => {
      worker.terminate();
      reject(new Error(`lrsched core: a helper Web Worker failed to start: ${e.message || "parallelWorker.browser.js could not be loaded"}`));
    };
    worker.postMessage({ module });
  });
}

export async function startThreads(threads?: number): Promise<number> {
  checkThreads(threads);
  if (!mayBlock() || !mayShare()) return 1;
  await ready();
  const module = coreModule();
  const wanted = (threads ?? scope.navigator?.hardwareConcurrency ?? 1) - 1 - helpers.length;
  if (wanted > 0) helpers.push(...(await Promise.all(Array.from({ length: wanted }, () => startHelper(module)))));
  return helpers.length + 1;
}

const asHelpers: Helpers = {
  get count() {
    return helpers.length;
  },
  post: (k, share) => helpers[k]!.postMessage(share),
  // a helper logs its failure in its own console; the page sees only that it failed
  reason: () => undefined,
};

export function evaluatePlanParallel(plan: CompiledPlan, start: number, count: number, dtype: Dtype = "float32", out?: CurveArray): CurveArray {
  return mayBlock() ? evaluateShared(asHelpers, plan, start, count, dtype, out) : evaluatePlan(plan, start, count, dtype, out);
}
