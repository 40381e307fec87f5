// Whether a committed picture still shows what the code draws. Geometry (path data, positions,
// sizes) may differ by less than a hundredth of a pixel, which no viewer can see and which the
// last bit of a curve value can move; everything else (labels, ticks, colours, structure) must be
// identical.

/** Attributes that hold pixel geometry. */
const GEOMETRY = new Set(["d", "transform", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "viewBox", "points"]);
const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

function parts(svg) {
  const skeleton = [];
  const numbers = [];
  let last = 0;
  for (const m of svg.matchAll(/([\w:-]+)="([^"]*)"/g)) {
    skeleton.push(svg.slice(last, m.index));
    last = m.index + m[0].length;
    if (!GEOMETRY.has(m[1])) {
      skeleton.push(m[0]);
      continue;
    }
    skeleton.push(`${m[1]}="${m[2].replace(NUMBER, (n) => (numbers.push(Number(n)), "#"))}"`);
  }
  skeleton.push(svg.slice(last));
  return { skeleton: skeleton.join(""), numbers };
}

/** Null when `actual` draws the same picture as `expected` (within `tolerance` pixels), else where they differ. */
export function svgDifference(expected, actual, tolerance = 0.01) {
  const a = parts(expected);
  const b = parts(actual);
  if (a.skeleton !== b.skeleton) {
    let i = 0;
    while (a.skeleton[i] === b.skeleton[i]) i++;
    return `text differs at character ${i}: ${JSON.stringify(a.skeleton.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.skeleton.slice(Math.max(0, i - 40), i + 40))}`;
  }
  for (let i = 0; i < a.numbers.length; i++) {
    if (!(Math.abs(a.numbers[i] - b.numbers[i]) < tolerance)) {
      return `coordinate ${i} differs: ${a.numbers[i]} vs ${b.numbers[i]}`;
    }
  }
  return null;
}
