// The browser build's parallel curves in headless Chromium: in a module Web Worker of a
// cross-origin isolated page, `await startThreads(3)` starts two helper Web Workers and
// evaluatePlanParallel gives the serial curve bit for bit (f32, f64, into shared memory), a value
// a helper cannot store is thrown on the calling thread; on a page's main thread, and in a page
// that is not isolated, parallel curves stay on one thread.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFor } from "../../../tools/test/chromium";

const CHROMIUM = chromiumFor("the core's parallel curves in headless Chromium");
const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

// Runs in a module worker (or, for one case, the page): results go back as one message.
const PROBE = `
import { CurveValueError, MIN_SHARE, Op, compilePlan, evaluatePlan, evaluatePlanParallel, planNode, ready, startThreads, threadsFor } from "/dist/browser.js";
// digest() refuses shared memory: a copy of the bytes
const hex = async (a) => Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", new Uint8Array(a.buffer, a.byteOffset, a.byteLength).slice())), (b) => b.toString(16).padStart(2, "0")).join("");
export async function probe(threads) {
  await ready();
  const started = await startThreads(threads);
  const n = 3 * MIN_SHARE + 1001;
  const plan = compilePlan(planNode(Op.Join, [2, 5000], [planNode(Op.Constant, [0.001]), planNode(Op.Cosine, [0.1, 2e6, 0.001])]));
  const same = [];
  for (const dtype of ["float32", "float64"]) {
    same.push((await hex(evaluatePlanParallel(plan, 123, n, dtype))) === (await hex(evaluatePlan(plan, 123, n, dtype))));
  }
  let shared = null;
  if (typeof SharedArrayBuffer === "function" && self.crossOriginIsolated) {
    const out = new Float32Array(new SharedArrayBuffer(n * 4));
    evaluatePlanParallel(plan, 0, n, "float32", out);
    shared = (await hex(out)) === (await hex(evaluatePlan(plan, 0, n, "float32")));
  }
  // the last share (a helper's, when there are helpers) holds a rate float32 cannot store
  const bad = compilePlan(planNode(Op.Join, [2, n - 10], [planNode(Op.Constant, [0.1]), planNode(Op.Constant, [1e39])]));
  let refused = null;
  try {
    evaluatePlanParallel(bad, 0, n, "float32");
  } catch (e) {
    refused = e instanceof CurveValueError ? e.step : String(e);
  }
  // best of 5 warm rounds of a noisy linear cosine (the costliest kernel) each way, into shared
  // memory where there is some
  const big = 1 << 22;
  const noisy = compilePlan(planNode(Op.NoisyLinearCosine, [0.1, 3e6, 2, 0, 0.001, 0.01, 0.55, 7]));
  const into = typeof SharedArrayBuffer === "function" && self.crossOriginIsolated ? new Float32Array(new SharedArrayBuffer(big * 4)) : new Float32Array(big);
  let serialMs = Infinity, parallelMs = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    evaluatePlan(noisy, 0, big, "float32", into);
    const t1 = performance.now();
    evaluatePlanParallel(noisy, 0, big, "float32", into);
    const t2 = performance.now();
    serialMs = Math.min(serialMs, t1 - t0);
    parallelMs = Math.min(parallelMs, t2 - t1);
  }
  return { started, threads: threadsFor(n), same, shared, refused, last: n - 10, serialMs, parallelMs };
}
`;
const WORKER = `import { probe } from "/probe.js"; self.onmessage = async (e) => self.postMessage(await probe(e.data).catch((err) => ({ error: String(err && err.stack || err) })));`;
const PAGE = `<!doctype html><script type="module">
import { probe } from "/probe.js";
window.inWorker = (threads) => new Promise((resolve) => { const w = new Worker("/worker.js", { type: "module" }); w.onmessage = (e) => resolve(e.data); w.postMessage(threads); });
window.onPage = (threads) => probe(threads);
window.loaded = true;
</script>`;

const TYPES: Record<string, string> = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html", ".map": "application/json" };

/** Serves the page, the probe and dist/; with `isolated`, the headers that make a page cross-origin isolated. */
function serve(isolated: boolean): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const body = path === "/" ? PAGE : path === "/probe.js" ? PROBE : path === "/worker.js" ? WORKER : path.startsWith("/dist/") ? readFileSync(join(DIST, path.slice(6))) : undefined;
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { "content-type": TYPES[extname(path)] ?? "text/html" };
    if (isolated) Object.assign(headers, { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" });
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

interface Probe {
  started: number;
  threads: number;
  same: boolean[];
  shared: boolean | null;
  refused: number | string | null;
  last: number;
  serialMs: number;
  parallelMs: number;
  error?: string;
}

describe.skipIf(CHROMIUM === undefined)("parallel curves in a browser", () => {
  let browser: import("playwright-core").Browser;
  const servers: Server[] = [];
  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) s.close();
  });

  const open = async (isolated: boolean) => {
    const { server, url } = await serve(isolated);
    servers.push(server);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { loaded?: boolean }).loaded === true);
    return { page, errors };
  };

  it("a Web Worker of an isolated page: two helpers, the serial curve bit for bit, failures thrown here", async () => {
    const { page, errors } = await open(true);
    const r: Probe = await page.evaluate(() => (window as unknown as { inWorker(t: number): Promise<Probe> }).inWorker(3));
    expect(r.error).toBeUndefined();
    expect(r.started).toBe(3);
    expect(r.threads).toBe(3);
    expect(r.same).toEqual([true, true]);
    expect(r.shared).toBe(true);
    expect(r.refused).toBe(r.last);
    expect(errors).toEqual([]);
    console.log(`parallel.browser.test.ts: 2^22 float32 steps of noisy linear cosine into shared memory in a Web Worker, best of 5: serial ${r.serialMs.toFixed(1)} ms, ${r.started} threads ${r.parallelMs.toFixed(1)} ms`);
  });

  it("a page's main thread, which may not block: one thread, the same values", async () => {
    const { page } = await open(true);
    const r: Probe = await page.evaluate(() => (window as unknown as { onPage(t: number): Promise<Probe> }).onPage(3));
    expect(r).toMatchObject({ started: 1, threads: 1, same: [true, true], shared: true, refused: r.last });
  });

  it("a Web Worker of a page that is not cross-origin isolated: no shared memory, one thread", async () => {
    const { page } = await open(false);
    const r: Probe = await page.evaluate(() => (window as unknown as { inWorker(t: number): Promise<Probe> }).inWorker(3));
    expect(r).toMatchObject({ started: 1, threads: 1, same: [true, true], shared: null, refused: r.last });
  });
});
