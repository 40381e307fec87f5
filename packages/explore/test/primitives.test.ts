import { describe, expect, it } from "vitest";
import { chartBase, escapeHtml, formatNumber, formatSteps, htmlPage, inlineSvg, renderSvg } from "../src/index";

describe("report primitives", () => {
  it("escapes the characters that would break markup or an attribute", () => {
    expect(escapeHtml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });

  it("prefixes every id and every reference to it, and drops the XML prolog", () => {
    const svg = `<?xml version="1.0"?>\n<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/></svg>`;
    expect(inlineSvg(svg, "lr")).toBe(`<svg><clipPath id="lr-clip1"/><g clip-path="url(#lr-clip1)"/><use href="#lr-clip1"/></svg>`);
  });

  it("builds a page with the title escaped once", () => {
    const page = htmlPage("a < b", "p{}", "<p>x</p>");
    expect(page).toContain("<title>a &lt; b</title>");
    expect(page.startsWith("<!doctype html>")).toBe(true);
  });
});

describe("chart primitives", () => {
  it("formats axis numbers compactly", () => {
    expect(formatNumber(0.012345)).toBe("0.0123");
    expect(formatNumber(1.5e-5)).toBe("1.5e-5");
    expect(formatNumber(0)).toBe("0");
    expect(formatSteps(1500)).toBe("1.5k");
    expect(formatSteps(1e9)).toBe("1G");
  });

  it("renders a framed vega-lite chart to SVG with its text", async () => {
    const spec = { ...chartBase(), title: "frame", width: 100, height: 50, data: { values: [{ x: 0, y: 1 }, { x: 1, y: 2 }] }, mark: "line", encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } };
    const svg = await renderSvg(spec);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain(">frame</text>");
    // every spec gets its own config object
    expect(chartBase().config).not.toBe(chartBase().config);
  });
});
