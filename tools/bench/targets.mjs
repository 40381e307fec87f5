// The targets, judged on one run's measurements. A target whose measurement was skipped
// (e.g. the stream in --quick mode) is SKIP and does not fail the run.

export const CLASS_LIMIT = { fill: 1.5, smooth: 3, noisy: 6 };
export const CLASS_TEXT = {
  fill: "constant, piecewise constant, staircase/step forms",
  smooth: "exponential, inverse time, natural exp, polynomial, cosine (+warm-up, restarts), linear cosine, cyclic, one-cycle, joins",
  noisy: "noisy linear cosine",
};
export const F64_LIMIT = 2;
/**
 * A curve that writes its output as fast as a plain fill cannot be faster in f64 than twice its
 * f32 time: twice the bytes. Such a curve (f64 within the fill class's limit of a fresh
 * Float64Array fill) is bounded by its output, not by the core, and passes the f64 target.
 */
export const FLOOR_LIMIT = CLASS_LIMIT.fill;
export const atOutputFloor = (r) => r.curve.vsFill64 <= FLOOR_LIMIT;
export const ACCURACY_LIMIT = 1e-6;
export const AT_LIMIT_NS = 50;
export const COLD_LIMIT_MS = 30;
export const RSS_LIMIT_MB = 150;

/** Schedules held to the at() limit: those with a core plan, except the noisy class (a random sample per step). */
export const isClosedForm = (r) => r.hasPlan && r.target !== "noisy";

const verdict = (ok) => (ok ? "PASS" : "MISS");

/** The worst case of `rows` by `value` (largest), with the ones over `limit`. */
function worst(rows, value, limit) {
  let top = null;
  for (const r of rows) if (top === null || value(r) > value(top)) top = r;
  return { top, misses: rows.filter((r) => !(value(r) <= limit)) };
}

export function evaluateTargets({ curves, cold, stream }) {
  const targets = [];
  for (const cls of ["fill", "smooth", "noisy"]) {
    const rows = curves.filter((c) => c.target === cls);
    const limit = CLASS_LIMIT[cls];
    const { top, misses } = worst(rows, (r) => r.curve.vsFill, limit);
    targets.push({
      short: `curve ÷ fill, ${cls} class`,
      name: `curve(1e7, float32) ÷ new Float32Array(1e7).fill(v): ${CLASS_TEXT[cls]}`,
      limit: `<= ${limit}x`,
      measured: top ? `${top.curve.vsFill.toFixed(3)}x worst (${top.id}), ${rows.length - misses.length}/${rows.length} within` : "no case",
      misses: misses.map((r) => `${r.id} ${r.curve.vsFill.toFixed(3)}x`),
      result: rows.length ? verdict(misses.length === 0) : "SKIP",
    });
  }
  {
    const { top, misses } = worst(curves, (r) => r.curve.f64vs32, F64_LIMIT);
    const floorBound = misses.filter(atOutputFloor);
    const over = misses.filter((r) => !atOutputFloor(r));
    const fills = curves.map((r) => r.curve.fill64vs32);
    targets.push({
      short: "float64 ÷ float32",
      name: "curve(1e7, float64) ÷ curve(1e7, float32), every schedule",
      limit: `<= ${F64_LIMIT}x, or at the f64 output floor`,
      measured: `${top.curve.f64vs32.toFixed(3)}x worst (${top.id}), ${curves.length - misses.length}/${curves.length} within` +
        (floorBound.length ? `; at the floor (f64 curve <= ${FLOOR_LIMIT}x new Float64Array(1e7).fill(v)): ` +
          floorBound.map((r) => `${r.id} ${r.curve.f64vs32.toFixed(3)}x (${r.curve.vsFill64.toFixed(2)}x of f64 fill)`).join(", ") : "") +
        `; the fills themselves: f64 ÷ f32 ${Math.min(...fills).toFixed(2)}–${Math.max(...fills).toFixed(2)}x`,
      misses: over.map((r) => `${r.id} ${r.curve.f64vs32.toFixed(3)}x`),
      result: verdict(over.length === 0),
    });
  }
  {
    const err = (r) => Math.max(r.accuracy.f32, r.accuracy.f64);
    const { top, misses } = worst(curves, err, ACCURACY_LIMIT);
    targets.push({
      short: "accuracy",
      name: "accuracy: curve() vs at() on a sample, f32 and f64, every schedule",
      limit: `<= ${ACCURACY_LIMIT.toExponential(0)} rel.`,
      measured: `${err(top).toExponential(2)} worst (${top.id})`,
      misses: misses.map((r) => `${r.id} ${err(r).toExponential(2)}`),
      result: verdict(misses.length === 0),
    });
  }
  {
    const closed = curves.filter(isClosedForm);
    const { top, misses } = worst(closed, (r) => r.at, AT_LIMIT_NS);
    const noisy = curves.filter((r) => r.target === "noisy").map((r) => `; not a closed form: ${r.id} ${r.at.toFixed(1)} ns`).join("");
    targets.push({
      short: "at() per call",
      name: "at(step), one call, closed forms (each in a process of its own)",
      limit: `<= ${AT_LIMIT_NS} ns`,
      measured: `${top.at.toFixed(1)} ns worst (${top.id}), ${closed.length - misses.length}/${closed.length} within${noisy}; ` +
        `after all others in one process: ${Math.max(...closed.map((r) => r.atShared)).toFixed(1)} ns worst`,
      misses: misses.map((r) => `${r.id} ${r.at.toFixed(1)} ns`),
      result: verdict(misses.length === 0),
    });
  }
  targets.push({
    short: "cold import",
    name: "cold import of @lrsched/ts-api + WASM instantiation + first curve()",
    limit: `<= ${COLD_LIMIT_MS} ms`,
    measured: `${cold.totalMs.toFixed(1)} ms (median of ${cold.runs})`,
    misses: [],
    result: verdict(cold.totalMs <= COLD_LIMIT_MS),
  });
  if (!stream) {
    targets.push({ short: "stream RSS", name: "stream 1e9 steps via the CLI: peak RSS", limit: `< ${RSS_LIMIT_MB} MB`, measured: "skipped (--quick)", misses: [], result: "SKIP" });
  } else if (!stream.ok) {
    targets.push({ short: "stream RSS", name: "stream 1e9 steps via the CLI: peak RSS", limit: `< ${RSS_LIMIT_MB} MB`, measured: stream.error, misses: [stream.error], result: "MISS" });
  } else {
    targets.push({
      short: "stream RSS",
      name: `stream ${stream.steps.toExponential(0).replace("+", "")} steps via the CLI: peak RSS (time reported)`,
      limit: `< ${RSS_LIMIT_MB} MB`,
      measured: `${stream.peakMb.toFixed(0)} MB, ${stream.wallS.toFixed(1)} s`,
      misses: [],
      result: verdict(stream.peakMb < RSS_LIMIT_MB),
    });
  }
  return targets;
}
