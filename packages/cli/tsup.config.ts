import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    shims: true,
    sourcemap: true,
    target: "es2022",
  },
  {
    // the executable: ESM only, with a shebang
    entry: { bin: "src/bin.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    banner: { js: "#!/usr/bin/env node" },
  },
  {
    // the playground: one classic script (so the page also works from file://, where module
    // scripts are refused), everything bundled, plus the page and its stylesheet
    entry: { playground: "playground/src/main.ts" },
    outDir: "dist/playground",
    format: ["iife"],
    platform: "browser",
    target: "es2022",
    minify: true,
    noExternal: [/.*/],
    // the core's module inlined as bytes (playground/src/main.ts hands them to ready())
    loader: { ".wasm": "binary" },
    publicDir: "playground/public",
    // the core's WASM goes into the script as bytes: a page opened from file:// may not fetch it
    loader: { ".wasm": "binary" },
    outExtension: () => ({ js: ".js" }),
  },
]);
