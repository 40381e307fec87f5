// The packages in a web page. (1) The browser entry points bundle for platform 'browser' with no
// Node built-in. (2) Headless Chromium loads examples/browser from a local server: iris trains with
// a warm-up + cosine schedule, each batch's rate equals schedule.at(step), 1e6-step curves hash
// the same as in Node, no console errors; the unbundled import-map page gives the same bytes.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFor } from "../../../tools/test/chromium";

const CHROMIUM = chromiumFor("examples/browser in headless Chromium");
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const EXAMPLE = join(ROOT, "examples", "browser");
const ARTIFACTS = join(EXAMPLE, "test-artifacts");
const PACKAGES = ["@lrsched/core", "@lrsched/ts-api", "@lrsched/torch-compat", "@lrsched/tfjs-adapter"];

// The example's own modules are plain JS; load them by URL so TypeScript does not need their types.
const load = <T>(file: string): Promise<T> => import(pathToFileURL(join(EXAMPLE, file)).href) as Promise<T>;

interface Curves {
  CURVE_STEPS: number;
  curveSchedules(): Record<string, { curve(n: number, options?: { start?: number }): Float32Array | Float64Array }>;
  trainingSchedule(): { at(step: number): number };
}

const sha256 = (a: ArrayBufferView) => createHash("sha256").update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest("hex");

describe("browser entry points", () => {
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const reject: Plugin = {
    name: "reject-node-builtins",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => (builtins.has(args.path) ? { errors: [{ text: `imports ${args.path}` }] } : undefined));
    },
  };

  it.each(PACKAGES)("%s bundles for platform 'browser' with no Node built-in", async (name) => {
    const result = await build({
      stdin: { contents: `export * from "${name}";`, resolveDir: ROOT, loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      external: ["@tensorflow/*"],
      metafile: true,
      absWorkingDir: ROOT,
      logLevel: "silent",
      plugins: [reject],
    });
    const text = result.outputFiles[0].text;
    expect(text).not.toMatch(/getBuiltinModule|createRequire|\brequire\(/);
    const inputs = Object.keys(result.metafile.inputs);
    // the `browser` condition picks the build without the tfjs-node probe
    if (name === "@lrsched/tfjs-adapter") expect(inputs.some((f) => f.endsWith("tfjs-adapter/dist/index.browser.js"))).toBe(true);
  });
});

describe.skipIf(CHROMIUM === undefined)("examples/browser in headless Chromium", () => {
  let server: { url: string; close(): Promise<void> };
  let browser: import("playwright-core").Browser;

  beforeAll(async () => {
    const { buildExample } = await load<{ buildExample(): Promise<unknown> }>("build.mjs");
    await buildExample();
    const { serve } = await load<{ serve(): Promise<typeof server> }>("serve.mjs");
    server = await serve();
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens `path`, waits for window.lrsched.done, returns it with every console error seen. */
  async function run(path: string, initScript?: () => void) {
    const page = await browser.newPage({ viewport: { width: 1040, height: 420 } });
    if (initScript) await page.addInitScript(initScript);
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("pageerror", (e) => void errors.push(String(e)));
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => (window as { lrsched?: { done?: boolean } }).lrsched?.done, null, { timeout: 50_000 });
    const result = (await page.evaluate(() => (window as unknown as { lrsched: unknown }).lrsched)) as Record<string, unknown>;
    return { page, errors, result };
  }

  it("trains iris with the schedule's exact rates and the same curves as Node", async () => {
    const { page, errors, result } = await run("/examples/browser/");
    await page.screenshot({ path: join(ARTIFACTS, "iris.png") });
    expect(result.error).toBeUndefined();
    expect(errors).toEqual([]);
    // the bundle carries no WASM: the page fetched it as the separate asset
    expect(readFileSync(join(ROOT, "examples", "browser", "dist", "main.js"), "utf8")).not.toMatch(/AGFzbQ/);
    expect(result.wasmFetched).toBe(true);

    const { CURVE_STEPS, curveSchedules, trainingSchedule } = await load<Curves>("schedules.js");
    const schedule = trainingSchedule();
    const rates = result.rates as number[];
    expect(rates).toHaveLength(300);
    // The rate each batch used is the page's schedule.at(step), exactly.
    expect(rates).toEqual(result.expected);
    // at() is plain JS Math: Chromium's V8 may round Math.cos differently from Node's in the last
    // bit, so against Node it is equal to within a couple of ulps, not bit for bit.
    let maxRelDiff = 0;
    rates.forEach((lr, step) => {
      const node = schedule.at(step);
      maxRelDiff = Math.max(maxRelDiff, node === 0 ? Math.abs(lr) : Math.abs(lr - node) / Math.abs(node));
    });
    expect(maxRelDiff).toBeLessThan(1e-15);

    const hashes: Record<string, string> = {};
    for (const [name, s] of Object.entries(curveSchedules())) hashes[name] = sha256(s.curve(CURVE_STEPS));
    expect(result.hashes).toEqual(hashes);

    // best of three, as the page measures it
    let nodeCurve1e7Ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      curveSchedules().warmupCosine.curve(1e7);
      nodeCurve1e7Ms = Math.min(nodeCurve1e7Ms, performance.now() - t0);
    }
    const numbers = {
      wasmBytes: readFileSync(join(ROOT, "packages", "core", "build", "lrsched.wasm")).length,
      pageInitMs: result.initMs,
      chromiumCurve1e7Ms: result.curve1e7Ms,
      nodeCurve1e7Ms,
      trainMs: result.trainMs,
      atMaxRelDiffVsNode: maxRelDiff,
      accuracy: result.accuracy,
      userAgent: result.userAgent,
    };
    writeFileSync(join(ARTIFACTS, "numbers.json"), `${JSON.stringify(numbers, null, 2)}\n`);
    console.log("browser numbers", numbers);
    await page.close();
  });

  async function importMapPage(initScript?: () => void) {
    const { page, errors, result } = await run("/examples/browser/importmap.html", initScript);
    expect(errors).toEqual([]);
    expect(result.ready).toBe(true);
    const { CURVE_STEPS, curveSchedules } = await load<Curves>("schedules.js");
    expect(result.hash).toBe(sha256(curveSchedules().warmupCosine.curve(CURVE_STEPS)));
    const { CosineAnnealingLR } = await import("@lrsched/torch-compat");
    const sched = new CosineAnnealingLR({ paramGroups: [{ lr: 0.1 }] }, { tMax: 10 });
    for (let i = 0; i < 5; i++) sched.step();
    expect(result.torchLr).toBe(sched.getLastLr()[0]);
    await page.close();
    return { early: result.early, expectedEarly: Array.from(curveSchedules().warmupCosine.curve(10, { start: 20_000 })) };
  }

  it("loads the built ESM unbundled through an import map; curve() before ready() is refused", async () => {
    const { early } = await importMapPage();
    // The browser build fetches the module as a separate asset: nothing to compile before ready().
    expect(early).toMatch(/^CoreNotReadyError: lrsched core is not initialised .*await ready\(\)/);
  });

  it("gives a clear error, not zeros, where the main thread refuses synchronous compilation", async () => {
    // Emulates the browsers that refuse synchronous compilation of modules above 4 KB.
    const { early } = await importMapPage(() => {
      const Sync = WebAssembly.Module;
      WebAssembly.Module = function (bytes: BufferSource) {
        if (bytes.byteLength > 4096) throw new RangeError("WebAssembly.Module(): buffer size is larger than 4 KB on the main thread");
        return new Sync(bytes);
      } as unknown as typeof WebAssembly.Module;
    });
    expect(early).toMatch(/^CoreNotReadyError: lrsched core is not initialised .*await ready\(\)/);
  });
});
