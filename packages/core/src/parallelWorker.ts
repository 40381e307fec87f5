// A helper thread of evaluatePlanParallel (parallel.ts): an instance of the core of its own, on
// the module its parent compiled, evaluating each share it is sent into the shared result and
// counting it done on the share's signal (errors go to the parent's port first).
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { CurveValueError, evaluateOn } from "./evaluate";
import { instanceOf } from "./instance";

/** One share: steps [start, start + count) into `buffer` at `byteOffset`. */
export interface Share {
  readonly words: Float64Array;
  readonly levels: number;
  readonly start: number;
  readonly count: number;
  readonly f32: boolean;
  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  /** [shares done, failed] */
  readonly signal: Int32Array;
}

const { module, errors } = workerData as { module: WebAssembly.Module; errors: MessagePort };
const wasm = instanceOf(module);

parentPort!.on("message", (share: Share) => {
  try {
    const result = share.f32
      ? new Float32Array(share.buffer, share.byteOffset, share.count)
      : new Float64Array(share.buffer, share.byteOffset, share.count);
    evaluateOn(wasm, { words: share.words, levels: share.levels }, share.start, share.count, result);
  } catch (e) {
    // a value that cannot be stored goes back as data: the parent throws it as its own
    errors.postMessage(e instanceof CurveValueError ? { step: e.step, value: e.value, float32: e.float32 } : e instanceof Error ? (e.stack ?? e.message) : String(e));
    Atomics.store(share.signal, 1, 1);
  } finally {
    Atomics.add(share.signal, 0, 1);
    Atomics.notify(share.signal, 0);
  }
});
