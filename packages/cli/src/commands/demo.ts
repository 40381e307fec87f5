import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { print, type Command } from "../command";
import { fileError } from "../errors";
import { writeOutput } from "../io/output";
import { PANELS } from "../demo/catalogue";
import { demoHtml, type HtmlPanel } from "../demo/html";
import { drawChart, useColor } from "../plot/draw";
import { renderPng } from "@lrsched/explore";
import { version } from "../version";

export const demoCommand: Command = {
  name: "demo",
  summary: "Plot the seed's whole catalogue of schedules to lrsched-demo/ (SVG, PNG, index.html) and preview it here.",
  usage: ["demo [--out DIR] [--quiet]"],
  description: [
    "No arguments needed. Draws the catalogue with its example parameters: fixed rate vs exponential decay",
    "(0.15, 100000, 0.8, staircase), the decay survey, piecewise [100,200]/[1.0,0.5,0.1], polynomial with",
    "cycle, the cosine family, warm-up 5 epochs + cosine with linear scaling, the PyTorch get_scheduler",
    "policies and cyclical rates. Writes DIR/NN-name.svg, .png and index.html (self-contained).",
  ],
  options: [
    { name: "out", short: "o", kind: "value", placeholder: "DIR", doc: "Output directory (default lrsched-demo)." },
    { name: "quiet", short: "q", kind: "flag", doc: "No terminal preview; print only where the files went." },
  ],
  examples: [["demo", "everything, into ./lrsched-demo/"], ["demo --out /tmp/lr --quiet", "elsewhere, without the preview"]],
  async run(opts) {
    const started = performance.now();
    const dir = opts.string("out") ?? "lrsched-demo";
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw fileError("create", dir, e);
    }
    const quiet = opts.flag("quiet");
    const previewWidth = Math.max(30, Math.min((process.stdout.columns ?? 80) - 14, 72));
    const html: HtmlPanel[] = [];
    const preview: string[] = [];
    for (const panel of PANELS) {
      const { schedules, missing } = await panel.series();
      if (schedules.length === 0) continue;
      const sampling = { start: 0, steps: panel.steps, every: 1 };
      const common = { title: panel.title, xTitle: panel.xTitle, quiet: true };
      const svg = (await drawChart(schedules, sampling, { ...common, target: "svg", width: 720, height: 360 })) as string;
      await writeOutput(join(dir, `${panel.id}.svg`), svg);
      await writeOutput(join(dir, `${panel.id}.png`), await renderPng(svg));
      html.push({
        id: panel.id,
        title: panel.title,
        caption: panel.caption,
        svg,
        missing,
        specs: schedules.map(({ label, schedule }) => {
          let spec: unknown = "(stateful PyTorch scheduler: no spec)";
          try {
            spec = schedule.toSpec();
          } catch {
            // recorded curves have no spec
          }
          return { label, spec };
        }),
      });
      if (!quiet) {
        const chart = await drawChart(schedules, sampling, { ...common, target: "terminal", width: previewWidth, height: 6, color: useColor() });
        preview.push(chart as string);
      }
    }
    await writeOutput(join(dir, "index.html"), demoHtml(html, version()));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const shown = relative(process.cwd(), dir) || ".";
    if (!quiet) await print(`${preview.join("\n\n")}\n`);
    await print(`lrsched demo: ${html.length} charts (${html.length * 2 + 1} files) in ${shown}/ in ${seconds} s; open ${join(shown, "index.html")}`);
  },
};
