// The playground in headless Chromium, served by `lrsched playground` and opened from a written
// site on disk: forms, chart, hash, import, export, shared links, and no console errors or requests
// beyond the page's own origin.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fromSpec, scheduleTypes } from "@lrsched/ts-api";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, watch } from "./browser";
import { BIN, lrsched, tempDir } from "./helpers";

const BROWSER = browserFor("the playground in headless Chromium");
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "test-artifacts");
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "tools", "conformance", "fixtures");

/** A page with every console error, page error and request recorded. */
interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

const specOfHash = (url: string) => JSON.parse(new URLSearchParams(new URL(url).hash.slice(1)).get("spec")!);
const curveOf = (page: Page, i = 0) => page.locator("svg[data-testid=chart] path.curve").nth(i).getAttribute("d");
const exportOf = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? "";

describe.skipIf(!BROWSER.available)("the playground in headless Chromium", () => {
  let browser: Browser;
  let server: ChildProcess;
  let origin = "";
  const { dir, cleanup } = tempDir();

  beforeAll(async () => {
    server = spawn(process.execPath, [BIN, "playground", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    origin = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      server.once("exit", (code) => reject(new Error(`lrsched playground exited with ${code}`)));
    });
    browser = await BROWSER.launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    cleanup();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
  });

  async function open(url: string): Promise<Watched> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const { errors, requests } = watch(page);
    await page.goto(url);
    await page.waitForSelector("body[data-ready]");
    await page.waitForFunction(() => document.querySelector("svg[data-testid=chart] path.curve")?.getAttribute("d"));
    return { page, errors, requests };
  }

  /** No console errors, and nothing requested outside `prefix` (the page's own origin). */
  function clean(w: Watched, prefix = origin): void {
    expect(w.errors).toEqual([]);
    expect(w.requests.filter((u) => !u.startsWith(prefix))).toEqual([]);
  }

  it("is served on 127.0.0.1 with the site's files only", async () => {
    const page = await fetch(origin);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect((await fetch(`${origin}playground.js`)).headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await fetch(`${origin}../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(origin, { method: "POST" })).status).toBe(405);
  });

  it("redraws the chart and rewrites the hash as a field changes; a bad value shows its error beside the field", async () => {
    const w = await open(origin);
    const { page } = w;
    expect(specOfHash(page.url()).type).toBe("cosineDecay");
    const before = await curveOf(page);
    await page.getByLabel("decaySteps", { exact: true }).fill("400");
    await page.waitForFunction((d) => document.querySelector("svg[data-testid=chart] path.curve")?.getAttribute("d") !== d, before);
    expect(specOfHash(page.url())).toMatchObject({ type: "cosineDecay", decaySteps: 400 });
    expect(JSON.parse(await exportOf(page, "export-spec"))).toMatchObject({ decaySteps: 400 });
    expect(JSON.parse(await exportOf(page, "export-keras"))).toMatchObject({ class_name: "CosineDecay", config: { decay_steps: 400 } });
    expect(await exportOf(page, "export-cli")).toContain('"decaySteps":400');
    expect(await exportOf(page, "export-torch")).toMatch(/^cosineDecay has no PyTorch equivalent/);

    const drawn = await curveOf(page);
    const hash = page.url();
    await page.getByLabel("decaySteps", { exact: true }).fill("0");
    const error = page.locator('.field[data-path="decaySteps"] .error');
    await expect.poll(() => error.textContent()).toBe("decaySteps must be a finite number >= 1e-292, got 0");
    await page.waitForTimeout(200);
    expect(await curveOf(page)).toBe(drawn);
    expect(page.url()).toBe(hash);
    await page.getByLabel("decaySteps", { exact: true }).fill("500");
    await expect.poll(() => error.textContent()).toBe("");
    expect(specOfHash(page.url()).decaySteps).toBe(500);

    // a type PyTorch has a class for exports its config, with the optimizer's rate to run it at
    await page.getByTestId("type").selectOption("exponentialDecay");
    await page.getByLabel("staircase", { exact: true }).check();
    await expect.poll(async () => JSON.parse((await exportOf(page, "export-torch")) || "{}")).toEqual({ _target_: "torch.optim.lr_scheduler.StepLR", step_size: 100, gamma: 0.8 });
    expect(await exportOf(page, "export-torch-lr")).toBe("optimizer lr 0.1");
    clean(w);
    await page.close();
  });

  it("offers every type of lrsched list, builds each one's form from the schema, and draws it", async () => {
    const w = await open(origin);
    const { page } = w;
    const listed = (JSON.parse(lrsched(["list", "--json"]).stdout) as { type: string }[]).map((t) => t.type);
    const offered = await page.getByTestId("type").locator("option").allTextContents();
    expect(offered).toEqual(listed);
    for (const type of listed) {
      await page.getByTestId("type").selectOption(type);
      await expect.poll(() => specOfHash(page.url()).type).toBe(type);
      // one <label> per option, named as the option is in the spec (functions have no spec form)
      const t = scheduleTypes.find((x) => x.type === type)!;
      const shown = Object.entries(t.fields).filter(([, f]) => f.kind !== "function" && f.kind !== "schedule" && f.kind !== "scheduleList").map(([k]) => k);
      for (const name of shown) expect(await page.locator(`#form > .schedule > .field > label`).filter({ hasText: new RegExp(`^${name}$`) }).count(), `${type}.${name}`).toBe(1);
      // the chart shows this type (its label follows the type) before its axis is read
      await expect.poll(() => page.locator("svg[data-testid=chart] path.curve").first().getAttribute("data-series")).toBe(type);
      await expect.poll(() => curveOf(page)).toMatch(/^M/);
      expect(await page.locator("#form .error:not(:empty)").count(), type).toBe(0);
      // the rate axis starts at 0 (cosineAnnealing's last rate is -5.55e-17, a rounded zero); only
      // noise that really goes negative opens a band below it
      const yLabels = await page.locator('svg[data-testid=chart] .axes text[text-anchor="end"]').allTextContents();
      if (type !== "noisyLinearCosineDecay") expect(yLabels[0], type).toBe("0");
    }
    clean(w);
    await page.close();
  });

  it("edits nested schedules (warmup's schedule, join's list) with their own type pickers", async () => {
    const w = await open(origin);
    const { page } = w;
    await page.getByTestId("type").selectOption("warmup");
    await page.getByLabel("schedule", { exact: true }).selectOption("exponentialDecay");
    await expect.poll(() => specOfHash(page.url()).schedule?.type).toBe("exponentialDecay");
    await page.locator('.field[data-path="schedule.decayRate"] input').fill("0.5");
    await expect.poll(() => specOfHash(page.url()).schedule.decayRate).toBe(0.5);
    await page.locator('.field[data-path="schedule.decaySteps"] input').fill("-3");
    await expect.poll(() => page.locator('.field[data-path="schedule.decaySteps"] .error').textContent()).toBe("schedule.decaySteps must be a finite number >= 1e-292, got -3");

    await page.getByTestId("type").selectOption("join");
    await page.getByRole("button", { name: "add to schedules" }).click();
    // three schedules need two boundaries: the error names the rule, the link keeps the last valid join
    await expect.poll(() => page.locator("#form .error:not(:empty)").first().textContent()).toMatch(/boundaries/);
    expect(specOfHash(page.url()).schedules).toHaveLength(2);
    await page.getByLabel("boundaries", { exact: true }).fill("300, 600");
    await expect.poll(() => specOfHash(page.url()).boundaries).toEqual([300, 600]);
    expect(specOfHash(page.url()).schedules).toHaveLength(3);
    await page.getByLabel("schedules[2]", { exact: true }).selectOption("cosineDecay");
    await expect.poll(() => specOfHash(page.url()).schedules[2].type).toBe("cosineDecay");
    clean(w);
    await page.close();
  });

  it("follows a shared link to three schedules: list, colours, compare table and hover read-out match ts-api", async () => {
    const value = [
      { label: "warm-up + cosine", spec: { type: "warmupCosine", learningRate: 0.1, warmupSteps: 100, totalSteps: 1000 } },
      { label: "step decay", spec: { type: "exponentialDecay", initialLearningRate: 0.1, decaySteps: 250, decayRate: 0.5, staircase: true } },
      { label: "one cycle", spec: { type: "oneCycle", maxLr: 0.08, totalSteps: 1000 } },
    ];
    const w = await open(`${origin}#spec=${encodeURIComponent(JSON.stringify(value))}&steps=1000`);
    const { page } = w;
    expect(await page.getByTestId("entry").allTextContents()).toEqual(value.map((v) => v.label));
    const colours = await page.locator("svg[data-testid=chart] path.curve").evaluateAll((ps) => ps.map((p) => p.getAttribute("stroke")));
    expect(new Set(colours).size).toBe(3);
    await expect.poll(() => page.locator("[data-testid=summary] tbody tr").count()).toBe(3);
    const rows = await page.locator("[data-testid=summary] tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.getAttribute("title") ?? c.textContent)));
    const head = await page.locator("[data-testid=summary] thead th").allTextContents();
    expect(head).toEqual(["schedule", "lr@0", "lr@250", "lr@500", "lr@749", "lr@999", "mean", "area", "peak", "min", "steps≥50%peak"]);
    value.forEach((v, i) => {
      const s = fromSpec(v.spec);
      expect(rows[i][0]).toBe(v.label);
      // the table's rates come from the core's curve, as lrsched compare's do
      [0, 250, 500, 749, 999].forEach((step, j) => expect(Number(rows[i][1 + j])).toBe(s.curve(1, { start: step, dtype: "float64" })[0]));
      const lr = Array.from(s.curve(1000, { dtype: "float64" }));
      expect(Number(rows[i][6])).toBeCloseTo(lr.reduce((a, b) => a + b, 0) / 1000, 12);
      expect(Number(rows[i][8])).toBe(Math.max(...lr));
      expect(Number(rows[i][10])).toBe(lr.filter((x) => x >= Math.max(...lr) / 2).length);
    });

    // the read-out under the pointer: step 500's rates, as ts-api computes them
    const box = (await page.getByTestId("chart").boundingBox())!;
    const frame = await page.locator("svg[data-testid=chart] rect.frame").evaluate((r) => {
      const b = r.getBoundingClientRect();
      return { left: b.left, width: b.width, top: b.top, height: b.height };
    });
    await page.mouse.move(frame.left + frame.width * 0.5005, frame.top + frame.height / 2);
    const readout = await page.getByTestId("readout").textContent();
    const step = Number(/^step (\d+)/.exec(readout ?? "")?.[1]);
    expect(Math.abs(step - 500)).toBeLessThanOrEqual(2);
    for (const v of value) expect(readout).toContain(`${v.label}: ${Number(fromSpec(v.spec).at(step).toPrecision(6))}`);
    expect(box.width).toBeGreaterThan(600);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "playground-three-schedules.png"), fullPage: true });

    // a link pasted into the open page's address bar replaces what it shows
    const other = { type: "constant", value: 0.02 };
    await page.evaluate((h) => (location.hash = h), `spec=${encodeURIComponent(JSON.stringify(other))}&log=1`);
    await expect.poll(() => page.getByTestId("entry").allTextContents()).toEqual(["constant"]);
    expect(await page.getByLabel("log scale").isChecked()).toBe(true);
    expect(JSON.parse(await exportOf(page, "export-spec"))).toEqual(other);
    // and a broken one says what is wrong, leaving the view as it was
    await page.evaluate(() => (location.hash = "spec=%5B%5D"));
    await expect.poll(() => page.getByTestId("link-error").textContent()).toBe("This link's state is not valid: spec must hold at least one schedule");
    expect(await page.getByTestId("entry").allTextContents()).toEqual(["constant"]);
    clean(w);
    await page.close();
  });

  it("adds, duplicates, renames and removes schedules; the log scale labels decades", async () => {
    const w = await open(origin);
    const { page } = w;
    await page.getByTestId("duplicate").click();
    await page.getByTestId("add").click();
    expect(await page.getByTestId("entry").allTextContents()).toEqual(["cosineDecay", "cosineDecay #2", "constant"]);
    await page.getByTestId("series-label").fill("flat");
    await expect.poll(() => page.getByTestId("entry").allTextContents()).toEqual(["cosineDecay", "cosineDecay #2", "flat"]);
    expect(specOfHash(page.url()).map((e: { label: string }) => e.label)).toEqual(["cosineDecay", "cosineDecay #2", "flat"]);
    await page.getByTestId("entry").nth(1).click();
    await page.getByTestId("remove").click();
    await expect.poll(() => page.getByTestId("entry").allTextContents()).toEqual(["cosineDecay", "flat"]);
    await expect.poll(() => page.locator("svg[data-testid=chart] path.curve").count()).toBe(2);

    await page.getByLabel("log scale").check();
    await expect.poll(() => page.locator("svg[data-testid=chart] .axes text").allTextContents()).toContain("1e-3");
    const labels = await page.locator("svg[data-testid=chart] .axes text:not(.title)").allTextContents();
    const yLabels = labels.filter((l) => l.startsWith("1e-") || l === "1");
    expect(yLabels.length).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.url()).toContain("log=1");
    await page.getByLabel("steps", { exact: true }).fill("5000000");
    await expect.poll(() => page.locator("svg[data-testid=chart] .axes text").allTextContents()).toContain("5M");
    clean(w);
    await page.close();
  });

  it("imports a pasted Keras config and a PyTorch OneCycleLR (its rates as real PyTorch recorded them); exports them back", async () => {
    const w = await open(origin);
    const { page } = w;
    const keras = { class_name: "ExponentialDecay", config: { initial_learning_rate: 0.05, decay_steps: 10, decay_rate: 0.96, staircase: true, name: "my_ed" } };
    await page.getByTestId("import-text").fill(JSON.stringify(keras));
    await page.getByTestId("import").click();
    await expect.poll(() => page.getByTestId("entry").allTextContents()).toEqual(["cosineDecay", "my_ed"]);
    expect(JSON.parse(await exportOf(page, "export-keras"))).toEqual(keras);
    expect(await page.getByLabel("decayRate", { exact: true }).inputValue()).toBe("0.96");

    const fixture = JSON.parse(readFileSync(join(FIXTURES, "OneCycleLR.json"), "utf8"));
    const c = fixture.cases.find((x: { name: string }) => x.name === "cos defaults, total 20");
    const torch = { _target_: "torch.optim.lr_scheduler.OneCycleLR", ...c.scheduler.kwargs };
    await page.getByTestId("import-text").fill(JSON.stringify(torch));
    await page.getByLabel("optimizer lr (PyTorch)").fill(String(c.optimizer.groups[0].lr));
    await page.getByTestId("import").click();
    await expect.poll(() => page.getByTestId("entry").allTextContents()).toEqual(["cosineDecay", "my_ed", "OneCycleLR"]);
    expect(JSON.parse(await exportOf(page, "export-torch"))).toEqual(torch);
    expect(await exportOf(page, "export-torch-lr")).toBe(`optimizer lr ${c.optimizer.groups[0].lr}`);
    expect(await page.getByTestId("import-error").textContent()).toBe("");
    await page.getByLabel("steps", { exact: true }).fill("20");
    await expect.poll(() => page.url()).toContain("steps=20");
    await page.waitForFunction(() => document.querySelector<SVGElement>("svg[data-testid=chart]")?.dataset.steps === "20");
    // hover each of the 20 steps: the read-out shows PyTorch's rates to 6 significant digits
    const frame = await page.locator("svg[data-testid=chart] rect.frame").evaluate((r) => {
      const b = r.getBoundingClientRect();
      return { left: b.left, width: b.width, top: b.top };
    });
    for (let step = 0; step < 20; step++) {
      await page.mouse.move(frame.left + ((step + 0.5) / 20) * frame.width, frame.top + 10);
      const text = (await page.getByTestId("readout").textContent()) ?? "";
      expect(text.startsWith(`step ${step} `)).toBe(true);
      const shown = Number(/OneCycleLR: (\S+)/.exec(text)![1]);
      expect(shown).toBeCloseTo(Number(c.records[step].lr[0].toPrecision(6)), 12);
    }

    await page.getByTestId("import-text").fill('{"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": -1}}');
    await page.getByTestId("import").click();
    expect(await page.getByTestId("import-error").textContent()).toBe("keras.config.decay_steps must be a finite number >= 1e-292, got -1");
    clean(w);
    await page.close();
  });

  it("exports a command line that lrsched runs to the same chart", async () => {
    const w = await open(`${origin}#spec=${encodeURIComponent(JSON.stringify([{ label: "it's cosine", spec: { type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 300 } }, { label: "flat", spec: { type: "constant", value: 0.05 } }]))}`);
    const command = await exportOf(w.page, "export-cli");
    expect(command).toMatch(/^lrsched plot /);
    const shim = join(dir, "bin");
    mkdirSync(shim, { recursive: true });
    writeFileSync(join(shim, "lrsched"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(shim, "lrsched"), 0o755);
    const svg = join(dir, "from-playground.svg");
    const r = spawnSync("sh", ["-c", `${command} -o ${svg}`], { env: { ...process.env, PATH: `${shim}:${process.env.PATH}` } });
    expect(r.stderr.toString()).toBe("");
    expect(r.status).toBe(0);
    const text = readFileSync(svg, "utf8");
    expect(text).toContain("it's cosine");
    expect(text).toContain("flat");
    clean(w);
    await w.page.close();
  });

  it("works from file:// after lrsched playground --out DIR, and reproduces a link there", async () => {
    const site = join(dir, "site");
    const r = lrsched(["playground", "--out", site]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("index.html");
    const spec = { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000 };
    const url = `${pathToFileURL(join(site, "index.html")).href}#spec=${encodeURIComponent(JSON.stringify(spec))}&steps=1000000`;
    const w = await open(url);
    expect(await w.page.getByTestId("entry").allTextContents()).toEqual(["cyclic"]);
    expect(await w.page.getByLabel("stepSizeUp", { exact: true }).inputValue()).toBe("2000");
    // a million steps: every one of the 250 peaks reaches maxLr in the envelope
    const d = (await curveOf(w.page)) ?? "";
    const ys = [...d.matchAll(/V(-?[\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeLessThan(30);
    clean(w, "file://");
    await w.page.close();
  });
}, 180_000);
