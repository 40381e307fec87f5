// Times the playground's redraw at 1e6 steps in headless Chromium, for an edit of one schedule's
// option (only its curve is recomputed) and of the first step (every curve is): the chart's own
// drawing time (envelopes + SVG) and the time from the edit to the next painted frame (which adds
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

// each case: the link, and the option of the first (selected) schedule that an edit alternates
const CASES = {
  "1 schedule (cosineDecay)": { value: [{ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 1_000_000 }], field: "decaySteps", values: ["1000000", "900000"] },
  "3 schedules (cyclic, cosineDecayRestarts, warmupCosine)": {
    value: [
      { label: "cyclic", spec: { type: "cyclic", baseLr: 0.001, maxLr: 0.006, stepSizeUp: 2000 } },
      { label: "restarts", spec: { type: "cosineDecayRestarts", initialLearningRate: 0.1, firstDecaySteps: 1000 } },
      { label: "warmup", spec: { type: "warmupCosine", learningRate: 0.1, warmupSteps: 10000, totalSteps: 1_000_000 } },
    ],
    field: "stepSizeUp",
    values: ["2000", "2100"],
  },
};

try {
  const r = spawnSync(process.execPath, [bin, "playground", "--out", dir]);
  if (r.status !== 0) throw new Error(r.stderr.toString());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  console.log(`playground redraw, 1e6 steps, ${runs} edits of each kind, 1200 px wide page, medians (the painted frame includes the 40 ms debounce)`);
  for (const [name, { value, field, values }] of Object.entries(CASES)) {
    await page.goto(`${pathToFileURL(join(dir, "index.html")).href}#spec=${encodeURIComponent(JSON.stringify(value))}&steps=1000000`);
    await page.waitForSelector("body[data-ready]");
    await page.waitForFunction(() => document.querySelector("svg[data-testid=chart]")?.dataset.steps === "1000000");
    const samples = await page.evaluate(async ({ n, field, values }) => {
      const svg = document.querySelector("svg[data-testid=chart]");
      const label = [...document.querySelectorAll("#form label")].find((l) => l.textContent === field);
      const option = document.getElementById(label.htmlFor);
      const start = document.getElementById("start");
      const out = { edit: [], range: [] };
      const time = async (input, text) => {
        const t0 = performance.now();
        input.value = text;
        input.dispatchEvent(new Event("input"));
        await new Promise((resolve) => new MutationObserver((_, o) => (o.disconnect(), resolve())).observe(svg, { attributes: true, attributeFilter: ["data-render-ms"] }));
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        const sample = { draw: Number(svg.dataset.renderMs), painted: performance.now() - t0 };
        await new Promise((resolve) => setTimeout(resolve, 300)); // let the table's update pass
        return sample;
      };
      for (let i = 0; i < n; i++) {
        // typing in the selected schedule's form: its curve is recomputed, the others' are kept
        out.edit.push(await time(option, values[(i + 1) % 2]));
        // a new first step: every curve is recomputed
        out.range.push(await time(start, String((i + 1) % 2)));
      }
      return out;
    }, { n: runs, field, values });
    const report = (list) => `draw ${median(list.map((s) => s.draw)).toFixed(1)} ms, edit to painted frame ${median(list.map((s) => s.painted)).toFixed(1)} ms`;
    console.log(`  ${name}:`);
    console.log(`    an option of the first schedule: ${report(samples.edit)}`);
    console.log(`    the first step (every curve): ${report(samples.range)}`);
  }
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
