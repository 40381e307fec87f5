// A helper thread of evaluatePlanParallel (parallel.ts): an instance of the core of its own, on
// the module its parent compiled, evaluating each share it is sent into the shared result and
// counting it done on the share's signal (errors go to the parent's port first).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { CurveValueError, evaluateOn } from "./evaluate";
import { instanceOf } from "./instance";

// A SharedArrayBuffer stays allocated as long as this thread holds it, even in a dead message,
// and this thread's small heap would rarely be collected: the callers' own buffers it was sent
// would pile up. A collection after every COLLECT_BYTES of them lets them go (the staging buffer
// is one and the same, round after round, and does not count).
const COLLECT_BYTES = 256 << 20;
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
let sinceCollect = 0;

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
  /** Whether `buffer` is the caller's own (not the reused staging buffer). */
  readonly callers: boolean;
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
  if (share.callers) sinceCollect += share.count * (share.f32 ? 4 : 8);
  if (sinceCollect >= COLLECT_BYTES) {
    sinceCollect = 0;
    // the share (and its buffer) is garbage once this handler returns: collect on the next turn
    setImmediate(collect);
  }
});
