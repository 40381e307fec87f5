// Timing helpers: medians of warm repetitions, with a forced GC before each sample so a
// collection of the previous sample's 40-80 MB arrays never lands inside a timed region.
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
export const gc = vm.runInNewContext("gc");

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Milliseconds one call of `fn` takes (after a GC). The result is kept in `sink` so no call is dead code. */
export function timeOnce(fn) {
  gc();
  const t0 = performance.now();
  sink = fn();
  return performance.now() - t0;
}
export let sink;

/**
 * Runs `rounds` rounds of every named function back to back (after `warm` untimed rounds), so
 * each round's samples share the machine's state; returns {name: [ms, ...]}.
 */
export function rounds(fns, { rounds: n, warm = 1 }) {
  const names = Object.keys(fns);
  const out = Object.fromEntries(names.map((k) => [k, []]));
  for (let r = 0; r < warm + n; r++) {
    for (const k of names) {
      const ms = timeOnce(fns[k]);
      if (r >= warm) out[k].push(ms);
    }
  }
  return out;
}

/** Median of the per-round ratios a[i] / b[i] (paired samples cancel shared slow-downs). */
export const pairedRatio = (a, b) => median(a.map((x, i) => x / b[i]));

/** ns per element of a median time in ms over `count` elements. */
export const nsPer = (ms, count) => (ms * 1e6) / count;
