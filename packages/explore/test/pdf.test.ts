import { describe, expect, it } from "vitest";
import { chartBase, renderPdf, renderSvg } from "../src/index";

describe("renderPdf", () => {
  it("makes a one-page vector PDF the size of the SVG", async () => {
    const spec = { ...chartBase(), title: "pdf frame", width: 200, height: 100, data: { values: [{ x: 0, y: 1 }, { x: 1, y: 2 }] }, mark: "line", encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } };
    const svg = await renderSvg(spec);
    const [, w, h] = /<svg[^>]*width="(\d+)"[^>]*height="(\d+)"/.exec(svg) ?? [];
    const pdf = Buffer.from(await renderPdf(svg, { title: "pdf frame" })).toString("latin1");
    expect(pdf.startsWith("%PDF-1.")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)?.slice(1).map(Number)).toEqual([Number(w), Number(h)]);
    expect(pdf).toMatch(/\/Title \d+ 0 R/);
    expect(pdf).not.toContain("/Subtype /Image");
  });

  it("refuses an SVG without a size", async () => {
    await expect(renderPdf("<svg></svg>")).rejects.toThrow("the SVG has no width and height");
  });
});
