// The sweep's report in a real browser: headless Chromium opens index.html from disk, and the page
// must load without console errors, show the verdict as its headline, every chart and the whole
// summary, and show a point's numbers on hover.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserFor, watch } from "./browser";
import { lrsched, tempDir } from "./helpers";

const BROWSER = browserFor("the sweep report in headless Chromium");
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "test-artifacts");
// the built-in schedules on a small slice of MNIST, two seeds: the whole sweep takes seconds
const TINY = JSON.stringify({ data: { train: 300, validation: 100 }, model: { hidden: [8] }, epochs: 2, batchSize: 50, seeds: [1, 2] });

const { dir, cleanup } = tempDir();
afterAll(cleanup);

let results: { schedules: { label: string }[]; verdict: { text: string } };
beforeAll(() => {
  const r = lrsched(["sweep", "--config", TINY, "--out", dir, "--quiet"]);
  if (r.status !== 0) throw new Error(`sweep failed (${r.status}): ${r.stderr}`);
  results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8"));
}, 300_000);

describe.skipIf(!BROWSER.available)("the sweep report in headless Chromium", () => {
  it("loads offline with no console errors: verdict, every chart, the whole summary, hover text; keeps a screenshot", async () => {
    const browser = await BROWSER.launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      const { errors, requests } = watch(page);
      await page.goto(pathToFileURL(join(dir, "index.html")).href, { waitUntil: "load" });

      const labels = results.schedules.map((s) => s.label);
      expect(labels).toHaveLength(8);
      expect(labels[7]).toBe("plateau");
      // the headline is the verdict, word for word
      expect((await page.locator(".verdict").textContent())?.trim()).toBe(results.verdict.text);
      // every chart, each an SVG with drawn marks
      for (const kind of ["val-metric", "val-loss", "train-loss", "lr"]) {
        expect(await page.locator(`figure[data-chart="${kind}"] svg`).count(), kind).toBe(1);
        expect(await page.locator(`figure[data-chart="${kind}"] svg path`).count(), kind).toBeGreaterThan(7);
      }
      // the rate panels: one titled panel per schedule
      const lrText = await page.locator('figure[data-chart="lr"] svg').textContent();
      for (const l of labels) expect(lrText).toContain(l);
      // the summary: a row per schedule in the sweep's order, the baseline marked
      const rows = await page.$$eval("table#summary tbody tr", (trs) => trs.map((tr) => tr.getAttribute("data-schedule")));
      expect(rows).toEqual(labels);
      expect(await page.locator("table#summary tr.baseline").count()).toBe(1);
      // every SVG is laid out with a real size (not collapsed by CSS)
      const sizes = await page.$$eval("figure svg", (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
      expect(sizes).toHaveLength(4);
      for (const w of sizes) expect(w).toBeGreaterThan(200);
      // hover text: a point of the validation chart names its schedule and epoch
      const point = page.locator('figure[data-chart="val-metric"] [aria-roledescription="point"]').first();
      await point.hover({ force: true });
      const tip = page.locator(".tip");
      await expect.poll(async () => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toMatch(/^.+, epoch \d+: \d+\.\d\d % \(seeds .+ to .+\)$/);

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
