// vega-lite -> vega -> SVG in Node (no browser, no canvas); SVG -> PNG with resvg.
// Both libraries load on first use so commands that draw nothing start fast.

/**
 * Numbers vega's clip paths from 1 in each document: vega counts them across the whole process, so
 * the same chart would otherwise come out differently depending on what was drawn before it.
 */
export function renumberClipPaths(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bclip(\d+)\b/g, (_, n: string) => {
    if (!ids.has(n)) ids.set(n, `clip${ids.size + 1}`);
    return ids.get(n)!;
  });
}

/**
 * Compiles a vega-lite spec and renders it to an SVG document (the same spec always gives the same text).
 *
 * @example
 * ```ts
 * import { chartBase, renderSvg } from "@lrsched/explore";
 * const spec = { ...chartBase(), data: { values: [{ step: 0, lr: 0.1 }, { step: 9, lr: 0 }] }, mark: "line",
 *   encoding: { x: { field: "step", type: "quantitative" }, y: { field: "lr", type: "quantitative" } } };
 * (await renderSvg(spec)) === (await renderSvg(spec)); // → true
 * ```
 */
export async function renderSvg(spec: Record<string, unknown>): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const compiled = vegaLite.compile(spec as any).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return renumberClipPaths(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Rasterises an SVG with the system's fonts; `scale` multiplies the pixel size.
 *
 * @example
 * ```ts
 * import { chartBase, renderPng, renderSvg } from "@lrsched/explore";
 * const svg = await renderSvg({ ...chartBase(), width: 40, height: 20, data: { values: [{ x: 0 }] }, mark: "point", encoding: { x: { field: "x", type: "quantitative" } } });
 * const png = await renderPng(svg, 2);
 * Array.from(png.slice(1, 4), (c) => String.fromCharCode(c)).join(""); // → "PNG"
 * ```
 */
export async function renderPng(svg: string, scale = 1): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    fitTo: scale === 1 ? { mode: "original" } : { mode: "zoom", value: scale },
    background: "white",
  });
  return resvg.render().asPng();
}
