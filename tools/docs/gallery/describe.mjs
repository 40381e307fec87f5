// Short words for a picture's subtitle and for its marks' labels.

/** A number as a label shows it: up to 4 significant digits. */
export const num = (v) => String(Number(v.toPrecision(4)));

/** `a 0.1 · b 1000` for the top-level options of a spec or config (nested schedules as their type). */
export function optionWords(options, skip = []) {
  return Object.entries(options)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => `${k} ${words(v)}`)
    .join(" · ");
}

function words(v) {
  if (typeof v === "number") return num(v);
  if (typeof v === "function") return "fn";
  if (Array.isArray(v)) return `[${v.map(words).join(", ")}]`;
  if (v !== null && typeof v === "object") return v.type ?? String(v._target_ ?? "{…}").split(".").pop();
  return String(v);
}

/** Steps where periods of length `first`, `first * mul`, ... end, below `steps`. */
export function periodEnds(first, mul, steps) {
  const ends = [];
  let period = first;
  for (let end = first; end < steps && ends.length < 64; end += period) {
    ends.push(end);
    period *= mul;
  }
  return ends;
}
