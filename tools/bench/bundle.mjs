// The browser bundle a page pays for: esbuild (minified, platform 'browser', so the packages
// resolve through their `browser` export condition) of an entry that imports one schedule and
// calls only at(), gzipped. The WASM core is a separate asset there (fetched by `await ready()`),
// so it is measured apart.
import { build } from "esbuild";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WASM = fileURLToPath(new URL("../../packages/core/dist/lrsched.wasm", import.meta.url));
export const BUNDLE_ENTRY =
  `import { cosineDecay } from "@lrsched/ts-api";\n` +
  `const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 });\n` +
  `document.title = String(s.at(500));\n`;

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bytes of the bundle (minified, and gzipped) and of the WASM asset, plus the largest inputs. */
export async function measureBundle() {
  const result = await build({
    stdin: { contents: BUNDLE_ENTRY, resolveDir: ROOT, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const js = result.outputFiles[0].contents;
  const [, meta] = Object.entries(result.metafile.outputs)[0];
  const inputs = Object.entries(meta.inputs)
    .map(([file, v]) => ({ file: file.replace(/^.*node_modules\//, "").replace(ROOT, ""), bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const wasm = existsSync(WASM) ? readFileSync(WASM) : null;
  return {
    entry: BUNDLE_ENTRY,
    minBytes: js.length,
    gzipBytes: gz(js),
    // base64 of the module inside the bundle would mean the asset split failed
    inlinedWasm: /AGFzbQ/.test(new TextDecoder().decode(js)),
    wasmBytes: wasm?.length ?? null,
    wasmGzipBytes: wasm ? gz(wasm) : null,
    inputs,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const b = await measureBundle();
  console.log(`bundle: ${b.minBytes} B minified, ${(b.gzipBytes / 1024).toFixed(2)} KiB gzipped` +
    `${b.inlinedWasm ? " (WASM inlined)" : ""}; wasm asset ${b.wasmBytes} B (${b.wasmGzipBytes} B gzipped)`);
  for (const i of b.inputs.slice(0, 10)) console.log(`  ${String(i.bytes).padStart(7)}  ${i.file}`);
}
