// The packages as a downstream user gets them: every package under packages/ is packed with
// `npm pack`, linted (publint, Are the Types Wrong?), installed from its tarball into a fresh app
// outside the repository, loaded as ESM and as CommonJS, and the READMEs' TypeScript and JavaScript
// examples are type-checked under `--strict` (node16 and bundler resolution) and run.
//
//   node tools/smoke/run.mjs [--keep]        (npm run smoke; --keep leaves the temp app for a look)
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { codeBlocks, freeNames } from "./readmeBlocks.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const APP_FILES = fileURLToPath(new URL("./app", import.meta.url));
/** The file a root devDependency's command runs (run with this node: no shell, no npx). */
const bin = (pkg, command) => {
  const manifest = join(ROOT, "node_modules", pkg, "package.json");
  return join(manifest, "..", JSON.parse(readFileSync(manifest, "utf8")).bin[command]);
};
const TSC = bin("typescript", "tsc");
const PUBLINT = bin("publint", "publint");
const ATTW = bin("@arethetypeswrong/cli", "attw");
/** Where TensorFlow.js's declarations live, which do not compile under --strict without skipLibCheck. */
const TFJS_DECLARATIONS = ["node_modules/@tensorflow/", "node_modules/@webgpu/"];
/** A package built on TensorFlow.js, directly or through another of ours (its types come with it). */
const usesTfjs = (p) => {
  const deps = { ...p.manifest.dependencies, ...p.manifest.peerDependencies };
  if (deps["@tensorflow/tfjs"]) return true;
  return packages.some((q) => q !== p && deps[q.manifest.name] !== undefined && usesTfjs(q));
};
/** Globals only a web page has: an example that uses them is type-checked but not run in Node. */
const BROWSER_GLOBALS = /(?<![.\w$])(?:location|document|window)\b/;
/** An example importing TensorFlow.js itself. */
const TFJS_IMPORT = /from\s+["']@tensorflow\//;
/** Names the README examples take as given; tools/smoke/app/context.mts provides them. */
const CONTEXT = ["tf", "model", "xs", "ys", "buildModel", "train"];

const argv = process.argv.slice(2);
const unknown = argv.filter((a) => a !== "--keep");
if (unknown.length) {
  console.error(`smoke: unknown option ${unknown[0]} (known: --keep)`);
  process.exit(2);
}

const started = performance.now();
const results = [];
const work = mkdtempSync(join(tmpdir(), "lrsched-smoke-"));
const app = join(work, "app");

/** Runs a command without stdin; its output is kept for the report when it fails. */
function run(cmd, args, { cwd = ROOT, input, env } = {}) {
  const r = spawnSync(cmd, args, {
    cwd, input, encoding: "utf8", maxBuffer: 64 << 20,
    stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", npm_config_yes: "true", ...env },
  });
  return { ok: r.status === 0, status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", error: r.error };
}
const node = (args, options) => run(process.execPath, args, options);

/** One checked step: prints ok / FAIL with its time, and the output of a failure. */
function step(name, body) {
  const t0 = performance.now();
  let ok = false;
  let detail = "";
  try {
    const r = body();
    ok = r === undefined || r === true || r.ok === true;
    if (r && typeof r === "object") detail = r.detail ?? (ok ? "" : `${r.stdout}\n${r.stderr}${r.error ? `\n${r.error}` : ""}`);
  } catch (e) {
    detail = e instanceof Error ? e.message : String(e);
  }
  const seconds = (performance.now() - t0) / 1000;
  results.push({ name, ok, seconds });
  console.log(`${ok ? "ok  " : "FAIL"}  ${name} (${seconds.toFixed(1)} s)${ok && detail ? `: ${detail}` : ""}`);
  if (!ok) console.log(detail.trim().replace(/^/gm, "      "));
  return ok;
}

const packages = readdirSync(join(ROOT, "packages"))
  .filter((d) => existsSync(join(ROOT, "packages", d, "package.json")))
  .map((d) => ({ dir: join(ROOT, "packages", d), manifest: JSON.parse(readFileSync(join(ROOT, "packages", d, "package.json"), "utf8")) }));
const names = packages.map((p) => p.manifest.name);
console.log(`smoke: ${names.join(", ")}; work directory ${work}`);

step("build (npm run build)", () => run("npm", ["run", "build"]));

const tarballs = new Map();
const tarballDir = join(work, "tarballs");
mkdirSync(tarballDir);
// the README's command for using the packages from a clone
step("npm pack --workspaces: one tarball per package under packages/", () => {
  const r = run("npm", ["pack", "--workspaces", "--pack-destination", tarballDir, "--json"]);
  if (!r.ok) return r;
  const packed = JSON.parse(r.stdout);
  for (const info of packed) tarballs.set(info.name, join(tarballDir, info.filename));
  const missing = names.filter((n) => !tarballs.has(n));
  if (missing.length) return { ok: false, detail: `not packed: ${missing.join(", ")}` };
  return { ok: true, detail: packed.map((i) => `${i.filename} (${i.entryCount} files, ${(i.size / 1024).toFixed(0)} KiB)`).join(", ") };
});

/** Export subpaths that name a file that is not a module (a .wasm asset): attw has no types to check there. */
function assetEntrypoints(manifest) {
  const leaves = (target) => (typeof target === "string" ? [target] : target && typeof target === "object" ? Object.values(target).flatMap(leaves) : []);
  return Object.entries(manifest.exports ?? {})
    .filter(([key, target]) => key.startsWith("./") && leaves(target).every((f) => !/\.(c|m)?js$|\.json$/.test(f)))
    .map(([key]) => key);
}

for (const [name, tgz] of tarballs) {
  step(`publint ${name}`, () => node([PUBLINT, "run", tgz, "--strict"]));
  const assets = assetEntrypoints(packages.find((p) => p.manifest.name === name).manifest);
  step(`attw ${name}`, () => {
    const r = node([ATTW, tgz, "--format", "ascii", "--no-color", "--no-emoji", ...(assets.length ? ["--exclude-entrypoints", ...assets] : [])]);
    return r.ok && assets.length ? { ok: true, detail: `${assets.join(", ")}: not a module, not checked` } : r;
  });
}

// the app: the tarballs, and what a user adds beside them (tfjs for the adapter's peer, Node's types)
const devRanges = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).devDependencies;
const tfjsRange = packages.find((p) => p.manifest.peerDependencies?.["@tensorflow/tfjs"])?.manifest.devDependencies?.["@tensorflow/tfjs"];
mkdirSync(app);
writeFileSync(join(app, "package.json"), JSON.stringify({ name: "lrsched-smoke-app", private: true }, null, 2));
const installed = step("npm install the tarballs into a fresh app", () =>
  // --ignore-scripts: the optional @tensorflow/tfjs-node would download libtensorflow; the adapter
  // runs on the pure-JS backend without it, which is what this checks
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", ...tarballs.values(),
    `@tensorflow/tfjs@${tfjsRange ?? "4"}`, `@types/node@${devRanges["@types/node"]}`], { cwd: app }));

if (installed) {
  for (const f of readdirSync(APP_FILES)) cpSync(join(APP_FILES, f), join(app, f));
  let esmExports = "";
  step("ESM: import every package, use them together", () => {
    const r = node(["load.mjs", ...names], { cwd: app });
    esmExports = r.stdout;
    return r.ok ? { ok: true, detail: Object.entries(JSON.parse(r.stdout)).map(([n, k]) => `${n} ${k.length}`).join(", ") + " exports" } : r;
  });
  step("CJS: require every package, same exports as ESM, use them together", () => node(["load.cjs", ...names], { cwd: app, input: esmExports }));

  for (const p of packages) {
    for (const [command] of Object.entries(p.manifest.bin ?? {})) {
      step(`the ${command} command from node_modules/.bin`, () => {
        const r = run(join(app, "node_modules", ".bin", command), ["--version"], { cwd: app });
        return r.ok && r.stdout.trim() === p.manifest.version ? { ok: true, detail: `--version: ${r.stdout.trim()}` } : r;
      });
    }
  }

  step("npx lrsched demo in the app (the cli README's first command)", () => {
    const r = run("npx", ["lrsched", "demo", "--quiet"], { cwd: app });
    const page = join(app, "lrsched-demo", "index.html");
    if (!r.ok || !existsSync(page)) return r.ok ? { ok: false, detail: `no ${page}\n${r.stdout}${r.stderr}` } : r;
    return { ok: true, detail: `${readdirSync(join(app, "lrsched-demo")).length} files in lrsched-demo/` };
  });

  readmeExamples();
}

/**
 * The READMEs' ts/js examples as modules of the app: each imports the names it takes as given from
 * context.mts. The examples of packages built on TensorFlow.js are checked with skipLibCheck, as
 * the tfjs-adapter README advises; the others without it, so our own declarations are checked too.
 */
function readmeExamples() {
  const readmes = [{ file: join(ROOT, "README.md"), tfjs: false }, ...packages.map((p) => ({ file: join(p.dir, "README.md"), tfjs: usesTfjs(p) }))]
    .filter((r) => existsSync(r.file));
  const examples = { plain: [], tfjs: [] };
  const dir = join(app, "examples");
  mkdirSync(dir);
  for (const readme of readmes) {
    const where = relative(ROOT, readme.file);
    for (const block of codeBlocks(readme.file)) {
      const given = freeNames(block.code, CONTEXT);
      const file = `${where.replace(/\/?README\.md$/, "").replace(/^packages\//, "").replace(/\W+/g, "-") || "root"}-L${block.line}.mts`;
      const header = `// ${where}, line ${block.line}\n${given.length ? `import { ${given.join(", ")} } from "../context.mjs";\n` : ""}`;
      writeFileSync(join(dir, file), `${header}${block.code}\nexport {};\n`);
      // an example of another README that imports tfjs, or a package built on it, brings tfjs's declarations too
      const importsTfjs = TFJS_IMPORT.test(block.code) || packages.some((p) => usesTfjs(p) && block.code.includes(`"${p.manifest.name}"`));
      (readme.tfjs || given.length || importsTfjs ? examples.tfjs : examples.plain).push(file);
    }
  }
  const count = examples.plain.length + examples.tfjs.length;
  // TypeScript's default libraries for the target (DOM included): some examples are for web pages
  const base = { target: "ES2022", strict: true, noEmit: true, types: ["node"], lib: ["ES2022", "DOM"], forceConsistentCasingInFileNames: true };
  const resolutions = {
    node16: { module: "node16", moduleResolution: "node16" },
    bundler: { module: "esnext", moduleResolution: "bundler" },
  };
  const tsc = (name, options, files) => {
    writeFileSync(join(app, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { ...base, ...options }, files }, null, 2));
    return node([TSC, "-p", `tsconfig.${name}.json`, "--pretty", "false"], { cwd: app });
  };
  const plainFiles = [...examples.plain.map((f) => `examples/${f}`), "require-plain.cts"];
  const tfjsFiles = ["context.mts", ...examples.tfjs.map((f) => `examples/${f}`), "require-tfjs.cts"];
  writeFileSync(join(app, "require-plain.cts"), requireTypes(packages.filter((p) => !usesTfjs(p)).map((p) => p.manifest.name)));
  writeFileSync(join(app, "require-tfjs.cts"), requireTypes(packages.filter(usesTfjs).map((p) => p.manifest.name)));
  for (const [name, resolution] of Object.entries(resolutions)) {
    step(`tsc --strict, ${name} resolution: ${examples.plain.length} README examples, the other packages from CommonJS (skipLibCheck off)`,
      () => tsc(`${name}-plain`, { ...resolution, skipLibCheck: false }, plainFiles));
    step(`tsc --strict, ${name} resolution: ${examples.tfjs.length} README examples, the packages on TensorFlow.js from CommonJS (skipLibCheck on)`,
      () => tsc(`${name}-tfjs`, { ...resolution, skipLibCheck: true }, tfjsFiles));
  }
  for (const [name, resolution] of Object.entries(resolutions)) {
    step(`${name}, skipLibCheck off: the only type errors are in TensorFlow.js's declarations (and the WebGPU types they use)`, () => {
      const r = tsc(`${name}-tfjs-libcheck`, { ...resolution, skipLibCheck: false }, tfjsFiles);
      const errors = r.stdout.split("\n").filter((l) => /error TS\d+/.test(l));
      const elsewhere = errors.filter((l) => !TFJS_DECLARATIONS.some((d) => l.startsWith(d)));
      if (elsewhere.length || r.error) return { ok: false, detail: `${elsewhere.join("\n")}${r.error ?? ""}` };
      const files = new Set(errors.map((l) => l.split("(")[0]));
      return { ok: true, detail: `${errors.length} errors in ${files.size} declaration files` };
    });
  }
  const inPage = [...examples.plain, ...examples.tfjs].filter((f) => BROWSER_GLOBALS.test(readFileSync(join(dir, f), "utf8")));
  step(`run the README examples in Node (compiled to ESM; ${inPage.length} for web pages only type-checked)`, () => {
    // type errors are the steps above; whatever compiles to JS runs here
    tsc("emit", { ...resolutions.node16, noEmit: false, outDir: "out", skipLibCheck: true, rootDir: "." }, [...tfjsFiles, ...plainFiles].filter((f) => f.endsWith(".mts")));
    const failed = [];
    const runnable = [...examples.plain, ...examples.tfjs].filter((f) => !inPage.includes(f));
    for (const file of runnable) {
      const r = node([join("out", "examples", file.replace(/\.mts$/, ".mjs"))], { cwd: app });
      if (!r.ok) failed.push(`${file}: exit ${r.status}\n${r.stderr.split("\n").slice(0, 12).join("\n")}`);
    }
    return failed.length ? { ok: false, detail: failed.join("\n") } : { ok: true, detail: `${runnable.length} ran` };
  });
}

/** A CommonJS module importing `list` (under node16 rules, through each package's `require` types). */
function requireTypes(list) {
  const lines = list.map((n, i) => `import * as p${i} from "${n}";`);
  const uses = list.map((_, i) => `p${i}`).join(", ");
  const tsApi = list.includes("@lrsched/ts-api")
    ? [`import { cosineDecay } from "@lrsched/ts-api";`, `const lr: Float32Array = cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }).curve(100);`, `export { lr };`]
    : [];
  return [...lines, ...tsApi, `export const loaded = [${uses}].map((m) => Object.keys(m).length);`, ""].join("\n");
}

const failed = results.filter((r) => !r.ok);
const total = ((performance.now() - started) / 1000).toFixed(0);
console.log(`\nsmoke: ${results.length - failed.length} of ${results.length} checks pass in ${total} s${failed.length ? `; failed: ${failed.map((r) => r.name).join("; ")}` : ""}`);
if (argv.includes("--keep") || failed.length) console.log(`smoke: the work directory is kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = failed.length ? 1 : 0;
