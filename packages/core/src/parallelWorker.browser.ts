// A helper Web Worker of evaluatePlanParallel in the browser build (parallel.browser.ts): the first
// message brings the module its parent compiled, on which it instantiates a core of its own and
// answers "up"; every later one is a share to evaluate (shares.ts).
import { instanceOf, type CoreExports } from "./instance";
import { runShare, type Share } from "./shares";

let wasm: CoreExports | undefined;

self.onmessage = (e: MessageEvent<{ module: WebAssembly.Module } | Share>) => {
  if ("module" in e.data) {
    wasm = instanceOf(e.data.module);
    self.postMessage("up");
    return;
  }
  runShare(wasm!, e.data, (failure) => console.error("lrsched core helper:", failure));
};
