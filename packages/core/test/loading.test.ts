// How the core gets its module: embedded (Node, synchronous), or fetched as a separate asset by
// `await ready()` (the browser build), from every kind of source ready() accepts.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Op, compilePlan, planNode } from "../src";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const WASM = readFileSync(join(ROOT, "build", "lrsched.wasm"));
const PLAN = compilePlan(planNode(Op.Cosine, [0.1, 1000, 0.01]));

type Instance = typeof import("../src/instance");
type Evaluate = typeof import("../src/evaluate");

/** A fresh copy of the core's modules: no instance yet. */
async function freshCore(): Promise<Instance & Evaluate> {
  vi.resetModules();
  return { ...(await import("../src/instance")), ...(await import("../src/evaluate")) };
}

/** The same, with the browser build's source of bytes (no embedded module). */
async function freshBrowserCore(): Promise<Instance & Evaluate> {
  vi.resetModules();
  vi.doMock("../src/wasmSource", () => import("../src/wasmSource.browser"));
  try {
    return await freshCore();
  } finally {
    vi.doUnmock("../src/wasmSource");
  }
}

const wasmResponse = (type = "application/wasm") => new Response(WASM, { headers: { "content-type": type } });

describe("the embedded module (Node build)", () => {
  beforeEach(() => void vi.resetModules());

  it("compiles synchronously on first use, before any ready()", async () => {
    const c = await freshCore();
    expect(c.isReady()).toBe(false);
    const values = c.evaluatePlan(PLAN, 0, 1000, "float64");
    expect(c.isReady()).toBe(true);
    expect(values[0]).toBe(0.1);
    await c.ready(); // resolves at once
  });

  it("ready() without a source instantiates the embedded bytes", async () => {
    const c = await freshCore();
    await c.ready();
    expect(c.isReady()).toBe(true);
  });
});

describe("the browser build's separate asset", () => {
  it("refuses to evaluate before ready() with one clear error, never zeros", async () => {
    const c = await freshBrowserCore();
    expect(() => c.evaluatePlan(PLAN, 0, 10)).toThrow(c.CoreNotReadyError);
    expect(() => c.evaluatePlan(PLAN, 0, 10)).toThrow(/^lrsched core is not initialised .*`await ready\(\)`/);
    expect(c.isReady()).toBe(false);
  });

  it("fetches lrsched.wasm from beside the module by default and compiles it while it streams", async () => {
    const c = await freshBrowserCore();
    const fetched: string[] = [];
    const streaming = vi.spyOn(WebAssembly, "instantiateStreaming");
    vi.stubGlobal("fetch", async (url: URL) => (fetched.push(String(url)), wasmResponse()));
    try {
      await c.ready();
      expect(streaming).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
      streaming.mockRestore();
    }
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/\/src\/lrsched\.wasm$/);
    const want = (await freshCore()).evaluatePlan(PLAN, 0, 1000, "float64");
    expect(c.evaluatePlan(PLAN, 0, 1000, "float64")).toEqual(want);
  });

  it("takes a URL, a Response (or its promise), bytes or a compiled Module", async () => {
    const want = (await freshCore()).evaluatePlan(PLAN, 0, 1000);
    const sources = [
      () => "https://cdn.example/lrsched.wasm",
      () => new URL("https://cdn.example/lrsched.wasm"),
      () => wasmResponse(),
      () => Promise.resolve(wasmResponse()),
      () => wasmResponse("application/octet-stream"), // a server without the wasm type: buffered
      () => new Uint8Array(WASM),
      () => new WebAssembly.Module(WASM),
    ];
    vi.stubGlobal("fetch", async () => wasmResponse());
    try {
      for (const source of sources) {
        const c = await freshBrowserCore();
        await c.ready(source());
        expect(c.evaluatePlan(PLAN, 0, 1000)).toEqual(want);
      }
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("shares one load between concurrent calls, and lets a failed load be retried", async () => {
    const c = await freshBrowserCore();
    let calls = 0;
    vi.stubGlobal("fetch", async () => (++calls === 1 ? new Response("missing", { status: 404 }) : wasmResponse()));
    try {
      await expect(c.ready()).rejects.toThrow(/HTTP 404/);
      expect(c.isReady()).toBe(false);
      const [a, b] = [c.ready(), c.ready()];
      expect(a).toBe(b);
      await a;
    } finally {
      vi.unstubAllGlobals();
    }
    expect(calls).toBe(2);
    expect(c.isReady()).toBe(true);
  });
});

describe.runIf(existsSync(join(DIST, "browser.js")))("the published files", () => {
  it("the browser entry carries no base64 module and points at the asset beside it", () => {
    const browser = readFileSync(join(DIST, "browser.js"), "utf8");
    expect(browser).not.toMatch(/AGFzbQ/); // "\0asm" in base64
    expect(browser).toContain('new URL("./lrsched.wasm", import.meta.url)');
    expect(readFileSync(join(DIST, "lrsched.wasm")).equals(WASM)).toBe(true);
  });

  it("@lrsched/core/wasm resolves to the asset; the browser condition to the browser entry", () => {
    const require = createRequire(join(ROOT, "..", "..", "package.json"));
    expect(require.resolve("@lrsched/core/wasm")).toBe(join(DIST, "lrsched.wasm"));
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.exports["."].browser.default).toBe("./dist/browser.js");
    expect(pkg.files).toContain("dist");
  });
});
