// Runs snippets of code against built packages in a worker thread and fails any snippet that has
// not returned within a time limit. A synchronous infinite loop cannot be interrupted in the
// thread that runs it, so a test that must catch a hang runs the suspect code here: the limit is
// generous (seconds for work of milliseconds), so it catches a hang without timing anything.
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";

/** What a snippet did: returned a (structured-clonable) value, or threw. */
export type Outcome = { readonly value: unknown } | { readonly error: { readonly name: string; readonly message: string } };

/** The value of an outcome, or an Error carrying what the snippet threw. */
export function valueOf(o: Outcome): unknown {
  if ("error" in o) throw new Error(`${o.error.name}: ${o.error.message}`);
  return o.value;
}

export interface Watchdog {
  /** Runs `code` (a function body that sees the loaded modules as `lib` and returns a value). */
  run(code: string): Promise<Outcome>;
  /** Snippets run so far. */
  readonly count: number;
  close(): Promise<void>;
}

const SOURCE = `
  const { parentPort, workerData } = require("node:worker_threads");
  const lib = {};
  for (const [name, file] of Object.entries(workerData.modules)) lib[name] = require(file);
  if (workerData.setup) new Function("lib", workerData.setup)(lib);
  parentPort.on("message", (code) => {
    let reply;
    try {
      reply = { value: new Function("lib", code)(lib) };
    } catch (e) {
      reply = { error: { name: e && e.name ? String(e.name) : typeof e, message: e && e.message !== undefined ? String(e.message) : String(e) } };
    }
    try {
      parentPort.postMessage(reply);
    } catch (e) {
      parentPort.postMessage({ error: { name: "DataCloneError", message: String(e) } });
    }
  });
`;

/**
 * A worker that has `modules` (name -> CommonJS file, e.g. a package's dist/index.cjs) loaded
 * and has run `setup` (code that may add helpers to `lib`) once. A snippet exceeding `limitMs`
 * rejects with the snippet in the message; the worker is then replaced, so later snippets still run.
 */
export function watchdog(modules: Record<string, string>, limitMs = 20_000, setup = ""): Watchdog {
  for (const [name, file] of Object.entries(modules)) {
    if (!existsSync(file)) throw new Error(`watchdog: ${name} is not built (${file}); run the build first`);
  }
  let worker: Worker | undefined;
  let count = 0;
  const start = () => (worker ??= new Worker(SOURCE, { eval: true, workerData: { modules, setup } }));
  return {
    get count() {
      return count;
    },
    run(code) {
      count++;
      const w = start();
      return new Promise<Outcome>((resolve, reject) => {
        const timer = setTimeout(() => {
          cleanup();
          worker = undefined;
          void w.terminate();
          reject(new Error(`no result within ${limitMs} ms (a hang): ${code}`));
        }, limitMs);
        const onMessage = (m: Outcome) => {
          cleanup();
          resolve(m);
        };
        const onError = (e: Error) => {
          cleanup();
          worker = undefined;
          reject(e);
        };
        const cleanup = () => {
          clearTimeout(timer);
          w.off("message", onMessage);
          w.off("error", onError);
        };
        w.on("message", onMessage);
        w.on("error", onError);
        w.postMessage(code);
      });
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
