// Where the core's bytes come from, Node/Deno/Bun build: embedded as base64, so the module
// compiles synchronously on first use with no file access and no path to resolve once installed.
// The browser build swaps this file for wasmSource.browser.ts (see tsup.config.ts).
import { WASM_BASE64 } from "./wasm-binary.generated";

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const B = (globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } }).Buffer;
  if (B) return new Uint8Array(B.from(text, "base64"));
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The module's bytes, when this build carries them. */
export function embeddedWasm(): Uint8Array<ArrayBuffer> | undefined {
  return decodeBase64(WASM_BASE64);
}

/** The module's URL, when this build loads it as a separate asset. */
export function wasmAssetUrl(): URL | undefined {
  return undefined;
}
