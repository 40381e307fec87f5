// The core's module as the playground bundle imports it (esbuild's binary loader: its bytes).
declare module "@lrsched/core/wasm" {
  const bytes: Uint8Array;
  export default bytes;
}
