// A gallery picture: the CLI's plot path (per-pixel min/max buckets, its vega-lite chart spec, explore's
// SVG renderer) plus annotation layers that point at a schedule's key options.
import { bucketize, chartSpec, linePoints } from "@lrsched/cli";
import { renderSvg } from "@lrsched/explore";

/** Pixel size of every gallery chart (the plotting area; axes and titles add to it). */
export const SIZE = Object.freeze({ width: 480, height: 220 });

const MARK_COLOR = "#7a7a7a";

/**
 * An annotation: a dashed line across the chart at a step (`step`) or at a rate (`lr`), with a label.
 * @typedef {{ step: number, label: string } | { lr: number, label: string }} Mark
 */

/** A mark across the chart at `step`. */
export const markAt = (step, label) => ({ step, label });

/** A mark along the chart at the rate `lr`. */
export const markLevel = (lr, label) => ({ lr, label });

/** The chart points of a schedule's first `steps` steps, reduced as `lrsched plot` reduces them. */
export function linePointsOf(schedule, steps, width = SIZE.width) {
  return linePoints(bucketize(schedule, { start: 0, steps, every: 1 }, width));
}

/** The line layer of a chart spec, whether the spec is a single view or already layered. */
function lineView(spec) {
  return Array.isArray(spec.layer) ? spec.layer[0] : spec;
}

/** Vega-lite layers drawing `marks` on the scales of `spec`'s line; `steps` is the x extent. */
function markLayers(spec, marks, steps) {
  const { x, y } = lineView(spec).encoding;
  const text = { type: "text", color: MARK_COLOR, fontSize: 10 };
  const rule = { type: "rule", color: MARK_COLOR, strokeDash: [4, 3], strokeWidth: 1 };
  const layers = [];
  // the marks' data use the line's own field names, so they share its scales and axes
  const across = marks.filter((m) => "step" in m).map((m) => ({ [x.field]: m.step, label: m.label }));
  // labels of lines in the right quarter sit left of their line, so they stay inside the chart
  for (const [side, values] of [
    ["left", across.filter((m) => m[x.field] <= 0.75 * steps)],
    ["right", across.filter((m) => m[x.field] > 0.75 * steps)],
  ]) {
    if (values.length === 0) continue;
    const dx = side === "left" ? 3 : -3;
    layers.push({
      data: { values },
      layer: [
        { mark: rule, encoding: { x } },
        { mark: { ...text, align: side === "left" ? "left" : "right", baseline: "top", dx, dy: 3 }, encoding: { x, y: { value: 0 }, text: { field: "label" } } },
      ],
    });
  }
  const level = marks.filter((m) => "lr" in m).map((m) => ({ [y.field]: m.lr, label: m.label }));
  if (level.length > 0) {
    layers.push({
      data: { values: level },
      layer: [
        { mark: rule, encoding: { y } },
        { mark: { ...text, align: "right", baseline: "bottom", dx: -3, dy: -2 }, encoding: { y, x: { value: spec.width }, text: { field: "label" } } },
      ],
    });
  }
  return layers;
}

/** `spec` with `marks` drawn over it; the spec itself is left as the CLI made it. */
export function withMarks(spec, marks, steps) {
  if (marks.length === 0) return spec;
  if (Array.isArray(spec.layer)) return { ...spec, layer: [...spec.layer, ...markLayers(spec, marks, steps)] };
  const { data, mark, encoding, ...frame } = spec;
  return { ...frame, layer: [{ data, mark, encoding }, ...markLayers(spec, marks, steps)] };
}

/** Splits `text` at `sep` into lines that fit the chart's width (vega sizes the SVG to its longest text). */
function wrap(text, sep, max = 60) {
  const lines = [];
  for (const part of text.split(sep)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + sep.length + part.length <= max) lines[last] += sep + part;
    else lines.push(part);
  }
  return lines;
}

/**
 * The SVG of one gallery picture.
 * @param {{ title: string, subtitle?: string, steps: number, xTitle?: string,
 *   series: { label: string, schedule: import("@lrsched/ts-api").Schedule }[], marks: Mark[] }} picture
 */
export async function drawPicture(picture) {
  const series = picture.series.map(({ label, schedule }) => ({ label, points: linePointsOf(schedule, picture.steps) }));
  const spec = chartSpec(series, { ...SIZE, xTitle: picture.xTitle });
  spec.title = { text: picture.title, anchor: "start", ...(picture.subtitle ? { subtitle: wrap(picture.subtitle, " · ") } : {}) };
  return renderSvg(withMarks(spec, picture.marks, picture.steps));
}
