// The frame every lrsched chart shares, so the CLI's plots, the sweep report and the range test
// look like one family.

/**
 * Fonts tried in order: the SVG names them and the PNG rasteriser resolves the first installed one.
 *
 * @example
 * ```ts
 * import { FONT } from "@lrsched/explore";
 * FONT.split(", ")[0]; // → "DejaVu Sans"
 * ```
 */
export const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

/**
 * What every lrsched chart spec starts with: the schema, a white background, fonts, a light frame
 * (a fresh object per spec, so no spec shares its config with another).
 *
 * @example
 * ```ts
 * import { chartBase, renderSvg } from "@lrsched/explore";
 * const svg = await renderSvg({ ...chartBase(), data: { values: [{ x: 0, y: 1 }, { x: 1, y: 0 }] }, mark: "line",
 *   encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } });
 * svg.startsWith("<svg"); // → true
 * ```
 */
export const chartBase = () => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  background: "white",
  config: { font: FONT, view: { stroke: "#ddd" } },
});
