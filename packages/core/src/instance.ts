import type { Run } from "../assembly/opcodes";
import { embeddedWasm, wasmAssetUrl } from "./wasmSource";

/** The raw exports of lrsched.wasm. */
export interface CoreExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  ensureBytes(bytes: number): boolean;
  /** Steps from `start` (at most `limit`) over which the plan keeps one value; 0 if not known. */
  constantRun(plan: number, start: number, limit: number): number;
  /** Writes the chunk at `out` (f32 or f64): its values, one repeated value, or refused (not finite). */
  run(plan: number, scratch: number, out: number, start: number, count: number, asF32: boolean): Run;
  /** The same without the uniform check, for an output that is the caller's array. */
  write(plan: number, scratch: number, out: number, start: number, count: number, asF32: boolean): Run;
  gaussian(seed: number, step: number): number;
  gaussians(out: number, n: number, first: number, seed: number): void;
}

/**
 * Where {@link ready} may load the core from: a URL (fetched; compiled while it streams in when
 * served as `application/wasm`), a fetch `Response` (or a promise of one), the module's bytes, or
 * an already compiled `WebAssembly.Module`.
 *
 * @example
 * ```ts
 * import { ready, isReady, type WasmSource } from "@lrsched/core";
 * const source: WasmSource | undefined = undefined; // in a page: new URL("lrsched.wasm", import.meta.url)
 * await ready(source);
 * isReady(); // → true
 * ```
 */
export type WasmSource = string | URL | Response | PromiseLike<Response> | BufferSource | WebAssembly.Module;

const NOT_READY_RULE = "is not initialised and cannot load synchronously here: `await ready()` before curve()";

/**
 * Thrown when the core is needed before {@link ready} resolved where it cannot be loaded
 * synchronously: in a browser, whose build fetches the module as a separate asset, or on a thread
 * that refuses synchronous compilation. `path` and `rule` match the shape of `LrschedError` in
 * `@lrsched/ts-api`.
 *
 * @example
 * ```ts
 * import { CoreNotReadyError } from "@lrsched/core";
 * const e = new CoreNotReadyError(new Error("a browser main thread"));
 * e instanceof Error; // → true
 * ```
 */
export class CoreNotReadyError extends Error {
  override readonly name = "CoreNotReadyError";
  readonly path = "core";
  readonly rule = NOT_READY_RULE;
  constructor(cause?: unknown) {
    super(`lrsched core ${NOT_READY_RULE}`, { cause });
  }
}

let instance: CoreExports | undefined;
let compiled: WebAssembly.Module | undefined;
let pending: Promise<void> | undefined;

/** Pages the module asks for at least (asconfig.json's initialMemory). */
const MIN_PAGES = 4;

function abort(): never {
  throw new Error("lrsched core: abort");
}

/** The module's imports: its memory is the host's, so a caller's array can live in one. */
const importsFor = (memory: WebAssembly.Memory): WebAssembly.Imports => ({ env: { abort, memory } });
const imports = () => importsFor(new WebAssembly.Memory({ initial: MIN_PAGES }));

function adopt(module: WebAssembly.Module, exports: WebAssembly.Exports): CoreExports {
  compiled ??= module;
  return (instance ??= exports as unknown as CoreExports);
}

/**
 * The core instance. Compiled and instantiated synchronously on first use where the build embeds
 * the module (Node, Deno, Bun); otherwise {@link ready} must have resolved first.
 *
 * @throws CoreNotReadyError before `await ready()` in a browser.
 */
export function core(): CoreExports {
  if (instance) return instance;
  const bytes = embeddedWasm();
  if (!bytes) throw new CoreNotReadyError();
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (e) {
    // Only the host's refusal lands here: the embedded bytes compile everywhere else.
    throw new CoreNotReadyError(e);
  }
  return adopt(module, new WebAssembly.Instance(module, imports()).exports);
}

/** The compiled module of the running core (for worker threads that instantiate their own). */
export function coreModule(): WebAssembly.Module {
  core();
  return compiled!;
}

/** A further instance of the core on `memory` (a fresh one by default), from `module`. */
export function instanceOf(module: WebAssembly.Module, memory = new WebAssembly.Memory({ initial: MIN_PAGES })): CoreExports {
  return new WebAssembly.Instance(module, importsFor(memory)).exports as unknown as CoreExports;
}

/** A further instance of the running core on `memory`, which it never grows beyond its size. */
export function instantiateCore(memory: WebAssembly.Memory): CoreExports {
  return instanceOf(coreModule(), memory);
}

const isBytes = (s: unknown): s is BufferSource => s instanceof ArrayBuffer || ArrayBuffer.isView(s);

async function instantiate(source: WasmSource): Promise<WebAssembly.WebAssemblyInstantiatedSource> {
  if (source instanceof WebAssembly.Module) {
    return { module: source, instance: await WebAssembly.instantiate(source, imports()) };
  }
  if (isBytes(source)) return WebAssembly.instantiate(source, imports());
  const response = await (typeof source === "string" || source instanceof URL ? fetch(source) : source);
  if (!response.ok) throw new Error(`lrsched core: fetching ${response.url || "the WASM module"} failed with HTTP ${response.status}`);
  // streaming compilation needs the wasm type; servers that send another get the buffered path
  if (typeof WebAssembly.instantiateStreaming === "function" && response.headers.get("content-type")?.startsWith("application/wasm")) {
    return WebAssembly.instantiateStreaming(response, imports());
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports());
}

/**
 * Loads, compiles and instantiates the core asynchronously, as a browser requires: its build
 * fetches `lrsched.wasm` (beside the package's browser entry, or `source` when given) with
 * `WebAssembly.instantiateStreaming`. In Node it instantiates the embedded module. Idempotent: it
 * resolves at once if the core already runs, and concurrent calls share one load; a failed load
 * may be retried.
 *
 * @example
 * await ready();                          // the asset beside the package (or the embedded module)
 * await ready(new URL("/static/lrsched.wasm", location.href)); // wherever the page serves it
 */
export function ready(source?: WasmSource): Promise<void> {
  if (instance) return Promise.resolve();
  if (pending) return pending;
  const from = source ?? embeddedWasm() ?? wasmAssetUrl();
  if (from === undefined) {
    return Promise.reject(new Error("lrsched core: this bundle cannot locate lrsched.wasm: pass its URL or bytes to ready(source)"));
  }
  return (pending = instantiate(from).then(
    (result) => void adopt(result.module, result.instance.exports),
    (e: unknown) => {
      pending = undefined; // let a later call retry
      throw e;
    },
  ));
}

/**
 * Same as {@link ready}: the name some loaders expect.
 *
 * @example
 * ```ts
 * import { init, isReady } from "@lrsched/core";
 * await init();
 * isReady(); // → true
 * ```
 */
export const init = ready;

/**
 * True once the core can evaluate plans without waiting.
 *
 * @example
 * ```ts
 * import { isReady, ready } from "@lrsched/core";
 * await ready();
 * isReady(); // → true
 * ```
 */
export function isReady(): boolean {
  return instance !== undefined;
}
