import { WASM_BASE64 } from "./wasm-binary.generated";

/** The raw exports of lrsched.wasm. */
export interface CoreExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  ensureBytes(bytes: number): boolean;
  run(plan: number, scratch: number, out: number, start: number, count: number, asF32: boolean): void;
  gaussian(seed: number, step: number): number;
  noisyLinearCosineAt(
    step: number, lr: number, d: number, periods: number, alpha: number, beta: number,
    variance: number, varianceDecay: number, seed: number,
  ): number;
}

let instance: CoreExports | undefined;

function decodeBase64(text: string): Uint8Array {
  const B = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  if (B) return B.from(text, "base64");
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * The core instance, compiled and instantiated synchronously on first use (Node and workers
 * allow synchronous compilation of a module this size).
 */
export function core(): CoreExports {
  if (!instance) {
    const module = new WebAssembly.Module(decodeBase64(WASM_BASE64));
    instance = new WebAssembly.Instance(module, {
      env: {
        abort(): never {
          throw new Error("lrsched core: abort");
        },
      },
    }).exports as unknown as CoreExports;
  }
  return instance;
}
