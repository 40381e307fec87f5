// `@lrsched/core/wasm` is the core's module file; the playground's bundler inlines its bytes.
declare module "@lrsched/core/wasm" {
  const bytes: Uint8Array;
  export default bytes;
}
