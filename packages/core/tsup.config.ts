import { existsSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

/**
 * The browser build takes `X.browser.ts` wherever a module `X.browser.ts` exists beside the `X`
 * it replaces: the WASM comes as a separate asset instead of base64.
 */
const browserVariants = {
  name: "browser-variants",
  setup(build: Parameters<NonNullable<Options["esbuildPlugins"]>[number]["setup"]>[0]) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const variant = `${args.resolveDir}/${args.path.replace(/\.ts$/, "")}.browser.ts`;
      return existsSync(variant) ? { path: variant } : undefined;
    });
  },
};

// dist/ is emptied and lrsched.wasm copied into it by scripts/embed-wasm.mjs, which runs first:
// the two builds below write side by side, so neither may clean.
const common: Options = { clean: false, sourcemap: true, target: "es2022" };

export default defineConfig([
  // shims: the CJS build finds the helper threads' entry from import.meta.url too
  { ...common, entry: ["src/index.ts"], format: ["esm", "cjs"], dts: true, shims: true },
  // the helper threads of evaluatePlanParallel (ESM: the package is "type": "module")
  { ...common, entry: ["src/parallelWorker.ts"], format: ["esm"] },
  { ...common, entry: { browser: "src/index.ts" }, format: ["esm"], platform: "browser", esbuildPlugins: [browserVariants] },
  // the browser build's helper Web Workers (module workers, loaded beside browser.js)
  { ...common, entry: { "parallelWorker.browser": "src/parallelWorker.browser.ts" }, format: ["esm"], platform: "browser", esbuildPlugins: [browserVariants] },
]);
