import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  // TensorFlow.js is the user's copy (peer dependency); bundling it would split class identity.
  external: [/^@tensorflow\//],
  // The CJS build needs import.meta.url to resolve the optional native bindings.
  shims: true,
});
