import { defineConfig } from "tsup";

const shared = {
  entry: ["src/index.ts"],
  sourcemap: true,
  target: "es2022",
  // TensorFlow.js is the user's copy (peer dependency); bundling it would split class identity.
  external: [/^@tensorflow\//],
} as const;

export default defineConfig([
  {
    ...shared,
    format: ["esm", "cjs"],
    dts: true,
    // Both builds share dist/ and run at once: keep the browser files out of this clean.
    clean: ["!index.browser.*"],
    // The CJS build needs import.meta.url to resolve the optional native bindings.
    shims: true,
  },
  {
    // The `browser` export condition: no tfjs-node probe, so no Node built-in is ever looked up.
    ...shared,
    entry: { "index.browser": "src/index.ts" },
    format: ["esm"],
    platform: "browser",
    define: { __LRSCHED_BROWSER__: "true" },
    esbuildOptions(options) {
      options.minifySyntax = true; // folds the flag so the Node-only branch disappears
    },
  },
]);
