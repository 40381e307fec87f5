import { describe, expect, it } from "vitest";
import { renderSvg } from "../src/charts/render";
import { chartBase } from "../src/charts/frame";

const spec = () => ({
  ...chartBase(),
  width: 100,
  height: 50,
  data: { values: [{ x: 0, y: 1 }, { x: 1, y: 0 }] },
  mark: { type: "line", clip: true },
  encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
});

describe("renderSvg", () => {
  it("gives the same text for the same spec, whatever was drawn before (clip paths numbered per document)", async () => {
    const first = await renderSvg(spec());
    const second = await renderSvg(spec());
    expect(first).toContain('clip-path="url(#clip1)"');
    expect(first).toContain('<clipPath id="clip1">');
    expect(second).toBe(first);
  });
});
