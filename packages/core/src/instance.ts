import { WASM_BASE64 } from "./wasm-binary.generated";

/** The raw exports of lrsched.wasm. */
export interface CoreExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  ensureBytes(bytes: number): boolean;
  /** Steps from `start` (at most `limit`) over which the plan keeps one value; 0 if not known. */
  constantRun(plan: number, start: number, limit: number): number;
  /** True when the chunk is one repeated value, left as an f64 at `out`. */
  run(plan: number, scratch: number, out: number, start: number, count: number, asF32: boolean): boolean;
  gaussian(seed: number, step: number): number;
  gaussians(out: number, n: number, first: number, seed: number): void;
}

const NOT_READY_RULE =
  "is not initialised and this thread cannot compile WebAssembly synchronously: `await ready()` before curve()";

/**
 * Thrown when the core is needed before {@link ready} resolved, on a thread that may not compile
 * the module synchronously (a browser's main thread: Chrome refuses modules above 4 KB there).
 * `path` and `rule` match the shape of `LrschedError` in `@lrsched/ts-api`.
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
  constructor(cause: unknown) {
    super(`lrsched core ${NOT_READY_RULE}`, { cause });
  }
}

let instance: CoreExports | undefined;
let pending: Promise<void> | undefined;

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const B = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  if (B) return new Uint8Array(B.from(text, "base64"));
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const imports: WebAssembly.Imports = {
  env: {
    abort(): never {
      throw new Error("lrsched core: abort");
    },
  },
};

const adopt = (exports: WebAssembly.Exports): CoreExports =>
  (instance ??= exports as unknown as CoreExports);

/**
 * The core instance. Compiled and instantiated synchronously on first use where the host allows
 * it (Node, Deno, Bun, web workers); otherwise {@link ready} must have resolved first.
 *
 * @throws CoreNotReadyError on a browser main thread before `await ready()`.
 */
export function core(): CoreExports {
  if (instance) return instance;
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(decodeBase64(WASM_BASE64));
  } catch (e) {
    // Only the host's refusal lands here: the embedded bytes compile everywhere else.
    throw new CoreNotReadyError(e);
  }
  return adopt(new WebAssembly.Instance(module, imports).exports);
}

/**
 * Compiles and instantiates the core asynchronously (`WebAssembly.instantiate`), as browsers
 * require on their main thread. Idempotent: every call returns the same promise; it resolves at
 * once if the core already runs. Await it before the first `curve()` in a web page.
 *
 * @example
 * await ready();
 * evaluatePlan(plan, 0, 1000); // now fine on the main thread
 */
export function ready(): Promise<void> {
  if (instance) return Promise.resolve();
  return (pending ??= WebAssembly.instantiate(decodeBase64(WASM_BASE64), imports).then(
    (result) => void adopt(result.instance.exports),
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
