// Per schedule: the core curve (f32, f64; fresh, into an ordinary buffer, in place into an
// allocateCurve buffer) against the fill of the same kind of array, a naive per-step TS loop,
// at() per call, and curve-vs-at() accuracy on a sample.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { allocateCurve } from "@lrsched/ts-api";
import { median, nsPer, pairedRatio, rounds, timeOnce } from "./timing.mjs";

export const N = 1e7;
const FILL = 0.1;

/** Enough rounds to spend about `budgetMs` on a case, within [min, max]. */
function roundCount(roundMs, { budgetMs, minRounds, maxRounds }) {
  return Math.max(minRounds, Math.min(maxRounds, Math.round(budgetMs / roundMs)));
}

/**
 * Times curve(N) of `s` with the baselines interleaved: every round runs
 * `new Float32Array(N).fill(v)`, curve f32, `new Float64Array(N).fill(v)`, curve f64, `out.fill(v)`,
 * curve into `out`, curve f64 into `out64` (ordinary preallocated arrays), then the same fills and
 * curves into `core32` / `core64` (allocateCurve arrays, evaluated in place).
 */
export function timeCurve(s, { out, out64, core32, core64 }, opts) {
  const fns = {
    fill: () => new Float32Array(N).fill(FILL),
    f32: () => s.curve(N),
    fill64: () => new Float64Array(N).fill(FILL),
    f64: () => s.curve(N, { dtype: "float64" }),
    outFill: () => out.fill(FILL),
    out32: () => s.curve(N, { out }),
    // f64 into a preallocated buffer: the kernel's f64 cost without 80 MB of fresh pages
    out64: () => s.curve(N, { out: out64 }),
    // the targets' floor: the same array filled and curved in place, no chunk copied
    coreFill: () => core32.fill(FILL),
    core32: () => s.curve(N, { out: core32 }),
    coreFill64: () => core64.fill(FILL),
    core64: () => s.curve(N, { out: core64 }),
  };
  // one untimed curve compiles the plan and warms the core; its time sizes the measured rounds
  const t0 = performance.now();
  timeOnce(fns.f32);
  const n = roundCount((performance.now() - t0) * 5, opts);
  const ms = rounds(fns, { rounds: n, warm: 0 });
  const med = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, median(v)]));
  return {
    rounds: n,
    samples: ms,
    ns: Object.fromEntries(Object.entries(med).map(([k, v]) => [k, nsPer(v, N)])),
    vsFill: pairedRatio(ms.f32, ms.fill),
    vsOutFill: pairedRatio(ms.out32, ms.outFill),
    f64vs32: pairedRatio(ms.f64, ms.f32),
    // the f64 output's own floor, and how much dearer that floor is than the f32 one
    vsFill64: pairedRatio(ms.f64, ms.fill64),
    fill64vs32: pairedRatio(ms.fill64, ms.fill),
    out64vs32: pairedRatio(ms.out64, ms.out32),
    vsCoreFill: pairedRatio(ms.core32, ms.coreFill),
    core64vs32: pairedRatio(ms.core64, ms.core32),
    core64vsFill64: pairedRatio(ms.core64, ms.coreFill64),
  };
}

/** Steps to time a per-step loop over: `max`, or fewer when a step is slow (~150 ms per rep). */
function loopSize(probe, max) {
  const t0 = performance.now();
  probe(1e4);
  const msPerStep = (performance.now() - t0) / 1e4;
  return Math.max(1e4, Math.min(max, Math.round(150 / msPerStep / 1e4) * 1e4));
}

/** ns/step of a per-step loop `loop(n, out)` over the first n (<= max) steps (median of `reps`). */
export function timeLoop(loop, max, reps) {
  const out = new Float32Array(max);
  loop(1e4, out); // warm the JIT
  const n = loopSize((k) => loop(k, out), max);
  const ms = [];
  for (let r = 0; r < reps; r++) ms.push(timeOnce(() => (loop(n, out), out)));
  return nsPer(median(ms), n);
}

/** `for (i...) out[i] = s.at(i)`: the naive loop every schedule has. */
export const atLoop = (s) => (n, out) => {
  for (let i = 0; i < n; i++) out[i] = s.at(i);
};

/** ns per at(step) call on scattered steps (a training loop asks for one step at a time). */
export function timeAt(s, maxCalls, reps) {
  const calls0 = (calls) => {
    let acc = 0;
    for (let i = 0; i < calls; i++) acc += s.at((i * 7919) % N);
    return acc;
  };
  calls0(1e4);
  const calls = loopSize(calls0, maxCalls);
  const run = () => calls0(calls);
  const ms = [];
  for (let r = 0; r < reps; r++) ms.push(timeOnce(run));
  return nsPer(median(ms), calls);
}

/** A deterministic sample of steps: `count` pseudo-random ones plus the edges. */
export function sampleSteps(count, edges = []) {
  let x = 0x9e3779b9;
  const steps = new Set([0, 1, 2, N / 2, N - 2, N - 1, ...edges.filter((e) => e >= 0 && e < N)]);
  while (steps.size < count + 6 + edges.length) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    steps.add(Math.floor((x / 2 ** 32) * N));
  }
  return [...steps];
}

/**
 * The accuracy contract: |curve - at| / max(|at|, 1e-6 * peak) <= 1e-6, peak being the largest
 * rate of the whole f64 curve. Returns the worst value of that ratio for f32 and f64 output.
 */
export function accuracy(s, steps, f32 = s.curve(N), f64 = s.curve(N, { dtype: "float64" })) {
  let peak = 0;
  for (let i = 0; i < N; i++) if (Math.abs(f64[i]) > peak) peak = Math.abs(f64[i]);
  const floor = Math.max(1e-6 * peak, Number.MIN_VALUE);
  const worst = { f32: 0, f64: 0, f32At: -1, f64At: -1 };
  for (const step of steps) {
    const want = s.at(step);
    for (const [k, arr] of [["f32", f32], ["f64", f64]]) {
      const got = arr[step];
      const err = got === want ? 0 : Math.abs(got - want) / Math.max(Math.abs(want), floor);
      if (!(err <= worst[k])) {
        worst[k] = err;
        worst[`${k}At`] = step;
      }
    }
  }
  return { ...worst, samples: steps.length, peak };
}

const AT_CHILD = fileURLToPath(new URL("./at-child.mjs", import.meta.url));

/**
 * at() per call in fresh processes holding only this schedule, as in a training loop (the median
 * over `processes` of them). In the bench's own process, after other schedules ran, composites
 * pay for call sites shared by every schedule of their kind (the engine keeps call feedback per
 * function literal): that time is reported too.
 */
function timeAtAlone(id, maxCalls, reps, processes) {
  const ns = [];
  for (let i = 0; i < processes; i++) {
    const out = execFileSync(process.execPath, [AT_CHILD, id, String(maxCalls), String(reps)], { encoding: "utf8" });
    ns.push(JSON.parse(out).ns);
  }
  return median(ns); // processes differ by 10-20% here: the median of a few
}

export function measureCases(cases, opts, log) {
  // touched once here, so no timed round pays their first-touch page faults
  const buffers = {
    out: new Float32Array(N).fill(FILL),
    out64: new Float64Array(N).fill(FILL),
    core32: allocateCurve(N).fill(FILL),
    core64: allocateCurve(N, "float64").fill(FILL),
  };
  const results = [];
  for (const c of cases) {
    const s = c.make();
    const r = { id: c.id, label: c.label, target: c.target, hasPlan: s.plan !== null };
    r.curve = timeCurve(s, buffers, opts.curve);
    r.atLoop = timeLoop(atLoop(s), opts.loopSteps, opts.loopReps);
    if (c.plain) r.plain = timeLoop(c.plain, opts.loopSteps, opts.loopReps);
    r.atShared = timeAt(s, opts.atCalls, opts.loopReps);
    r.at = timeAtAlone(c.id, opts.atCalls, opts.loopReps, opts.atProcesses);
    // the in-place buffers (the judged path) hold this schedule's last timed curves
    r.accuracy = accuracy(s, sampleSteps(opts.samples, c.edges), buffers.core32, buffers.core64);
    results.push(r);
    log(`${c.id.padEnd(26)} in place ${r.curve.ns.core32.toFixed(2)} ns (${r.curve.vsCoreFill.toFixed(2)}x fill, ` +
      `f64 ${r.curve.core64vs32.toFixed(2)}x f32, ${r.curve.rounds} rounds)  into an array ${r.curve.vsOutFill.toFixed(2)}x  ` +
      `fresh ${r.curve.vsFill.toFixed(2)}x  at ${r.at.toFixed(1)} ns (${r.atShared.toFixed(1)} shared)  ` +
      `err ${r.accuracy.f32.toExponential(1)}`);
  }
  return results;
}
