// Times the playground's redraw at 1e6 steps in headless Chromium: the chart's own drawing time
// (envelope of every curve + SVG), and the time from an edit to the next painted frame (which adds
// the 40 ms debounce). Prints medians; run after a build:
//
//   node tools/bench/playground.mjs [--runs N]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const runs = process.argv.includes("--runs") ? Number(process.argv[process.argv.indexOf("--runs") + 1]) : 25;
const bin = new URL("../../packages/cli/dist/bin.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "lrsched-playground-bench-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const CASES = {
  "1 schedule (cosineDecay)": [{ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1_000_000 }],
  "3 schedules (cyclic, cosineDecayRestarts, warmupCosine)": [
    { label: "cyclic", spec: { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000 } },
    { label: "restarts", spec: { type: "cosineDecayRestarts", initialLearningRate: 0.1, firstDecaySteps: 1000 } },
    { label: "warmup", spec: { type: "warmupCosine", learningRate: 0.1, warmupSteps: 10000, totalSteps: 1_000_000 } },
  ],
};

try {
  const r = spawnSync(process.execPath, [bin, "playground", "--out", dir]);
  if (r.status !== 0) throw new Error(r.stderr.toString());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  console.log(`playground redraw, 1e6 steps, ${runs} edits each, chart ${1200}px wide page (medians)`);
  for (const [name, value] of Object.entries(CASES)) {
    await page.goto(`${pathToFileURL(join(dir, "index.html")).href}#spec=${encodeURIComponent(JSON.stringify(value))}&steps=1000000`);
    await page.waitForSelector("body[data-ready]");
    await page.waitForFunction(() => document.querySelector("svg[data-testid=chart]")?.dataset.steps === "1000000");
    const samples = await page.evaluate(async (n) => {
      const svg = document.querySelector("svg[data-testid=chart]");
      const start = document.getElementById("start");
      const out = [];
      for (let i = 0; i < n; i++) {
        // alternate the first step between 0 and 1: a full recompute each time
        const t0 = performance.now();
        start.value = String((i + 1) % 2);
        start.dispatchEvent(new Event("input"));
        await new Promise((resolve) => new MutationObserver((_, o) => (o.disconnect(), resolve())).observe(svg, { attributes: true, attributeFilter: ["data-render-ms"] }));
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        out.push({ draw: Number(svg.dataset.renderMs), painted: performance.now() - t0 });
        await new Promise((resolve) => setTimeout(resolve, 150)); // let the table's update pass
      }
      return out;
    }, runs);
    const draw = median(samples.map((s) => s.draw));
    const painted = median(samples.map((s) => s.painted));
    console.log(`  ${name}: draw ${draw.toFixed(1)} ms; edit to painted frame ${painted.toFixed(1)} ms (40 ms of it the debounce)`);
  }
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
