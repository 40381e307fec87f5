// Where the core's bytes come from, browser build: a separate asset, lrsched.wasm beside this
// file, fetched and compiled while it streams in by `await ready()`. Bundlers that understand
// `new URL(..., import.meta.url)` (Vite, webpack, Parcel, Rollup with its URL plugin) copy it
// along; with esbuild, copy `@lrsched/core/wasm` next to the bundle or pass its URL to ready().
// Nothing here is base64: a page that only calls at() downloads no WASM at all.

export function embeddedWasm(): Uint8Array<ArrayBuffer> | undefined {
  return undefined;
}

export function wasmAssetUrl(): URL | undefined {
  try {
    // written out whole: this is the pattern bundlers look for to ship the asset
    return new URL("./lrsched.wasm", import.meta.url);
  } catch {
    return undefined; // a bundle without module scripts (an IIFE) has no import.meta.url
  }
}
