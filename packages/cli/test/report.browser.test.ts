// The sweep's report in a real browser: headless Chromium opens index.html from disk, and the page
// must load without console errors, show every schedule's chart and the full ranked table.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFor } from "../../../tools/test/chromium";
import { lrsched, tempDir } from "./helpers";

const CHROMIUM = chromiumFor("the sweep report in headless Chromium");
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "test-artifacts");
// the embedded seven schedules on a small slice of MNIST: the whole sweep takes seconds
const TINY = JSON.stringify({ data: { train: 500, validation: 200 }, model: { hidden: [16] }, epochs: 2, batchSize: 50 });

const { dir, cleanup } = tempDir();
afterAll(cleanup);

let labels: string[] = [];
beforeAll(() => {
  const r = lrsched(["sweep", "--config", TINY, "--out", dir, "--quiet"]);
  if (r.status !== 0) throw new Error(`sweep failed (${r.status}): ${r.stderr}`);
  labels = (JSON.parse(readFileSync(join(dir, "results.json"), "utf8")).config.schedules as { label: string }[]).map((s) => s.label);
}, 300_000);

describe.skipIf(CHROMIUM === undefined)("the sweep report in headless Chromium", () => {
  it("loads offline with no console errors, every chart, the whole table; keeps a screenshot", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(join(dir, "index.html")).href, { waitUntil: "load" });

      expect(labels).toHaveLength(7);
      // one loss/accuracy chart per schedule, each an SVG with drawn lines
      const sections = await page.$$eval("section.schedule", (els) =>
        els.map((e) => ({ label: e.getAttribute("data-schedule"), svgs: e.querySelectorAll("svg").length, paths: e.querySelectorAll("svg path").length })),
      );
      expect(sections.map((s) => s.label)).toEqual(labels);
      for (const s of sections) {
        expect(s.svgs, s.label ?? "").toBe(1);
        expect(s.paths, s.label ?? "").toBeGreaterThan(4);
      }
      // the overview charts: rates, validation accuracy, validation loss
      for (const kind of ["lr", "val-acc", "val-loss"]) {
        expect(await page.locator(`figure[data-chart="${kind}"] svg`).count(), kind).toBe(1);
      }
      // the rate chart has a legend entry per schedule
      const lrText = await page.locator('figure[data-chart="lr"] svg').textContent();
      for (const l of labels) expect(lrText).toContain(l);
      // the ranked table: a row per schedule, ranks 1..7, the winner marked
      const rows = await page.$$eval("table#ranking tbody tr", (trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
      expect(rows).toHaveLength(7);
      expect(rows.map((r) => r[0])).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
      expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(labels));
      for (const r of rows) expect(r[2]).toMatch(/^\d+\.\d\d %$/);
      expect(await page.locator("table#ranking tr.winner").count()).toBe(1);
      expect(await page.locator(".verdict").textContent()).toContain(`Winner: ${rows[0][1]}`);
      // every SVG is laid out with a real size (not collapsed by CSS)
      const sizes = await page.$$eval("svg", (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
      expect(sizes.length).toBe(10);
      for (const w of sizes) expect(w).toBeGreaterThan(200);

      expect(errors).toEqual([]);
      // offline: nothing but the page itself was requested
      expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"))).toEqual([]);

      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = join(ARTIFACTS, "sweep-report.png");
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
    } finally {
      await browser.close();
    }
  }, 120_000);
});
