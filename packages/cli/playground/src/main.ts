// Entry point of the playground bundle: the WASM core compiles asynchronously (browsers refuse to
// compile a module of this size synchronously on the main thread), then the page comes alive.
// The bundle takes pure modules by path (explore's number formatting, the CLI's envelope and
// summary): the package entry points also load Node-only renderers.
import wasm from "@lrsched/core/wasm";
import { ready } from "@lrsched/ts-api";
import { Playground } from "./app";

async function boot(): Promise<void> {
  const status = document.getElementById("status")!;
  try {
    // compiled from the bytes in this script: works from file://, where a page may not fetch
    await ready(wasm);
    new Playground().start();
    document.body.dataset.ready = "true";
  } catch (e) {
    status.textContent = `The playground could not start: ${e instanceof Error ? e.message : String(e)}`;
    throw e;
  }
}

void boot();
