// The frame every lrsched chart shares, so the CLI's plots, the sweep report and the range test
// look like one family.

/** Fonts tried in order: the SVG names them and the PNG rasteriser resolves the first installed one. */
export const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

/**
 * What every lrsched chart spec starts with: the schema, a white background, fonts, a light frame
 * (a fresh object per spec, so no spec shares its config with another).
 */
export const chartBase = () => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  background: "white",
  config: { font: FONT, view: { stroke: "#ddd" } },
});
