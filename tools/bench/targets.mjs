// The targets, judged on one run's measurements. A target whose measurement was skipped (e.g. the
// stream in --quick mode) is SKIP and does not fail the run.
//
// Curve targets are judged on the strict floor: curve(1e7, {out}) into a preallocated array
// against out.fill(v) of the same array, in the same rounds. The array is an allocateCurve one,
// which the core evaluates in place; the report shows ordinary arrays (each chunk copied in) and
// fresh allocations beside it.

export const CLASS_LIMIT = { fill: 1.2, smooth: 2, noisy: 6 };
export const CLASS_TEXT = {
  fill: "constant, piecewise constant, staircase/step forms",
  smooth: "exponential, inverse time, natural exp, polynomial, cosine (+warm-up, restarts), linear cosine, cyclic, one-cycle, joins",
  noisy: "noisy linear cosine",
};
/** f64 output of the smooth class: at most twice the f32 time, both in place. */
export const F64_LIMIT = 2;
export const ACCURACY_LIMIT = 1e-6;
export const AT_LIMIT_NS = 50;
export const COLD_LIMIT_MS = 30;
export const RSS_LIMIT_MB = 150;
export const BUNDLE_LIMIT_KIB = 15;
/** curve(1e8, {parallel: true}) over the serial curve, on a machine with two cores or more. */
export const PARALLEL_LIMIT = 1.7;

/** Schedules held to the at() limit: those with a core plan, except the noisy class (a random sample per step). */
export const isClosedForm = (r) => r.hasPlan && r.target !== "noisy";

const verdict = (ok) => (ok ? "PASS" : "MISS");

/** The worst case of `rows` by `value` (largest), with the ones over `limit`. */
function worst(rows, value, limit) {
  let top = null;
  for (const r of rows) if (top === null || value(r) > value(top)) top = r;
  return { top, misses: rows.filter((r) => !(value(r) <= limit)) };
}

export function evaluateTargets({ curves, cold, stream, bundle, parallel }) {
  const targets = [];
  for (const cls of ["fill", "smooth", "noisy"]) {
    const rows = curves.filter((c) => c.target === cls);
    const limit = CLASS_LIMIT[cls];
    const { top, misses } = worst(rows, (r) => r.curve.vsCoreFill, limit);
    targets.push({
      short: `curve ÷ out.fill, ${cls} class`,
      name: `curve(1e7, {out}) ÷ out.fill(v), float32, preallocated: ${CLASS_TEXT[cls]}`,
      limit: `<= ${limit}x`,
      measured: top ? `${top.curve.vsCoreFill.toFixed(3)}x worst (${top.id}), ${rows.length - misses.length}/${rows.length} within` : "no case",
      misses: misses.map((r) => `${r.id} ${r.curve.vsCoreFill.toFixed(3)}x`),
      result: rows.length ? verdict(misses.length === 0) : "SKIP",
    });
  }
  {
    const rows = curves.filter((c) => c.target === "smooth");
    const { top, misses } = worst(rows, (r) => r.curve.core64vs32, F64_LIMIT);
    targets.push({
      short: "float64 ÷ float32",
      name: `curve(1e7, {out}) float64 ÷ float32, preallocated: ${CLASS_TEXT.smooth}`,
      limit: `<= ${F64_LIMIT}x`,
      measured: top ? `${top.curve.core64vs32.toFixed(3)}x worst (${top.id}), ${rows.length - misses.length}/${rows.length} within` : "no case",
      misses: misses.map((r) => `${r.id} ${r.curve.core64vs32.toFixed(3)}x`),
      result: rows.length ? verdict(misses.length === 0) : "SKIP",
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
      measured: top
        ? `${top.at.toFixed(1)} ns worst (${top.id}), ${closed.length - misses.length}/${closed.length} within${noisy}; ` +
          `after all others in one process: ${Math.max(...closed.map((r) => r.atShared)).toFixed(1)} ns worst`
        : `no closed form in this run${noisy}`,
      misses: misses.map((r) => `${r.id} ${r.at.toFixed(1)} ns`),
      result: top ? verdict(misses.length === 0) : "SKIP",
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
  if (bundle) {
    const kib = bundle.gzipBytes / 1024;
    targets.push({
      short: "browser bundle",
      name: "esbuild bundle (minified + gzipped) of `import {cosineDecay} from '@lrsched/ts-api'` calling only at()",
      limit: `<= ${BUNDLE_LIMIT_KIB} KiB`,
      measured: `${kib.toFixed(2)} KiB${bundle.inlinedWasm ? " (WASM inlined)" : ", WASM a separate asset"}`,
      misses: [],
      result: verdict(kib <= BUNDLE_LIMIT_KIB && !bundle.inlinedWasm),
    });
  }
  if (parallel) {
    const differ = parallel.cases.filter((r) => !r.identical);
    const judged = parallel.cores >= 2;
    const n = parallel.steps.toExponential(0).replace("+", "");
    const where = `(${parallel.threads} threads, ${parallel.cores} cores), bit-identical`;
    // the call as written (each side allocating its array), then both sides into preallocated arrays
    const kinds = [
      { short: "parallel curve", name: `curve(${n}, {parallel: true}) ÷ curve(${n}) throughput ${where}`, speedup: (r) => r.speedupFresh, note: () => "" },
      {
        short: "parallel into an array",
        name: `curve(${n}, {out: shared, parallel: true}) ÷ curve(${n}, {out}) throughput, preallocated arrays ${where}`,
        speedup: (r) => r.speedupOut,
        note: (r) => (r.maxOut ? ` (memory allows ${r.maxOut.toFixed(2)}x)` : ""),
      },
    ];
    for (const k of kinds) {
      const { top, misses } = worst(parallel.cases, (r) => -k.speedup(r), -PARALLEL_LIMIT);
      targets.push({
        short: k.short,
        name: k.name,
        limit: `>= ${PARALLEL_LIMIT}x on 2+ cores`,
        measured: `${k.speedup(top).toFixed(2)}x worst (${top.id}), ${parallel.cases.length - misses.length}/${parallel.cases.length} within; ` +
          parallel.cases.map((r) => `${r.id} ${k.speedup(r).toFixed(2)}x${k.note(r)}`).join(", ") +
          (differ.length ? `; differs from serial: ${differ.map((r) => r.id).join(", ")}` : "; identical to serial"),
        misses: [...misses.map((r) => `${r.id} ${k.speedup(r).toFixed(2)}x`), ...differ.map((r) => `${r.id} not identical`)],
        result: differ.length ? "MISS" : judged ? verdict(misses.length === 0) : "SKIP",
      });
    }
  }

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
