// A helper thread of evaluatePlanParallel in Node (parallel.ts): an instance of the core of its
// own, on the module its parent compiled, evaluating each share it is sent (shares.ts); the text of
// a failure goes to the parent's port.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { instanceOf } from "./instance";
import { runShare, type Share } from "./shares";

// A SharedArrayBuffer stays allocated as long as this thread holds it, even in a dead message,
// and this thread's small heap would rarely be collected: the callers' own buffers it was sent
// would pile up. A collection after every COLLECT_BYTES of them lets them go (the staging buffer
// is one and the same, round after round, and does not count).
const COLLECT_BYTES = 256 << 20;
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
let sinceCollect = 0;

const { module, errors } = workerData as { module: WebAssembly.Module; errors: MessagePort };
const wasm = instanceOf(module);

parentPort!.on("message", (share: Share) => {
  runShare(wasm, share, (failure) => errors.postMessage(failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)));
  if (share.callers) sinceCollect += share.count * (share.f32 ? 4 : 8);
  if (sinceCollect >= COLLECT_BYTES) {
    sinceCollect = 0;
    // the share (and its buffer) is garbage once this handler returns: collect on the next turn
    setImmediate(collect);
  }
});
