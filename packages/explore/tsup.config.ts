import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  shims: true,
  sourcemap: true,
  target: "es2022",
  // TensorFlow.js stays the user's copy: bundling it would split class identity with their models.
  external: [/^@tensorflow\//],
});
