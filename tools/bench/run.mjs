// lrsched benchmark harness: measures every schedule's core curve against the fill baselines and
// its peers, checks the targets, prints the report (or writes it: --write for BENCHMARKS.md,
// --out FILE), exits 1 when a target is missed.
//
//   node tools/bench/run.mjs [--quick] [--no-check] [--write | --out FILE] [--only ID,...]
import { measureBundle } from "./bundle.mjs";
import { measureCold } from "./cold.mjs";
import { measureCases, N } from "./curves.mjs";
import { machineFacts } from "./machine.mjs";
import { measureParallel } from "./parallel.mjs";
import { benchOptions, deliverReport } from "./options.mjs";
import { runPython } from "./python.mjs";
import { renderReport } from "./report.mjs";
import { scheduleCases, uncoveredTypes } from "./schedules.mjs";
import { measureStream } from "./stream.mjs";
import { evaluateTargets } from "./targets.mjs";
import { measureTorch, torchCases } from "./torch.mjs";
import { median } from "./timing.mjs";

let options;
try {
  options = benchOptions(process.argv.slice(2));
} catch (e) {
  console.error(`run.mjs: ${e.message}`);
  process.exit(2);
}
const { quick, check, outFile, only } = options;

const opts = quick
  ? { quick, curve: { budgetMs: 300, minRounds: 3, maxRounds: 3 }, loopSteps: 5e5, loopReps: 3, atCalls: 2e5, atProcesses: 1, samples: 2000,
      torchSteps: 2e5, torchReps: 3, numpyCount: 1e6, numpyReps: 3, pyTorchSteps: 5e3, pyTorchReps: 2, coldRuns: 3, streamSteps: 0,
      parallelSteps: 2e7, parallelRounds: 3 }
  : { quick, curve: { budgetMs: 1200, minRounds: 5, maxRounds: 9 }, loopSteps: 1e6, loopReps: 5, atCalls: 5e5, atProcesses: 3, samples: 10_000,
      torchSteps: 1e6, torchReps: 3, numpyCount: N, numpyReps: 3, pyTorchSteps: 1e4, pyTorchReps: 3, coldRuns: 7, streamSteps: 1e9,
      parallelSteps: 1e8, parallelRounds: 5 };

const started = performance.now();
const log = (msg) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}`);

const machine = machineFacts();
log(`lrsched bench${quick ? " --quick" : ""}: ${machine.cpu}, node ${machine.node}, commit ${machine.commit}`);

let cases = scheduleCases();
if (only) cases = cases.filter((c) => only.has(c.id));
const uncovered = only ? [] : uncoveredTypes(cases);

// child processes first: they must not share the CPU with in-process timing
const cold = measureCold(opts.coldRuns);
log(`cold import + first curve: ${cold.totalMs.toFixed(1)} ms`);

const bundle = await measureBundle();
log(`browser bundle: ${(bundle.gzipBytes / 1024).toFixed(2)} KiB gzipped${bundle.inlinedWasm ? " (WASM inlined)" : ""}`);

const curves = measureCases(cases, opts, log);
const parallel = only ? null : measureParallel({ steps: opts.parallelSteps, rounds: opts.parallelRounds }, log);
const torch = measureTorch({ steps: opts.torchSteps, reps: opts.torchReps, curveSteps: N }, log);

const python = runPython({
  cases, torchCases: torchCases(opts.pyTorchSteps), count: opts.numpyCount, reps: opts.numpyReps,
  torchSteps: opts.pyTorchSteps, torchReps: opts.pyTorchReps,
}, log);
if (!python.available) log(`python peer skipped: ${python.reason}`);

const stream = opts.streamSteps ? await measureStream(opts.streamSteps, log) : null;
if (stream) log(stream.ok ? `stream: ${stream.wallS.toFixed(1)} s, peak RSS ${stream.peakMb.toFixed(0)} MB` : `stream failed: ${stream.error}`);

const pool = (k) => {
  const v = curves.flatMap((c) => c.curve.samples[k]).map((ms) => (ms * 1e6) / N);
  return { median: median(v), min: Math.min(...v), max: Math.max(...v) };
};
const baseline = {
  samples: curves.reduce((n, c) => n + c.curve.rounds, 0),
  fill: pool("fill"), fill64: pool("fill64"), outFill: pool("outFill"), coreFill: pool("coreFill"), coreFill64: pool("coreFill64"),
};

const targets = evaluateTargets({ curves, cold, stream, bundle, parallel });
const loadEnd = machineFacts().loadavg;
let report = renderReport({ loadEnd, machine, opts, baseline, curves, torch, python, cold, stream, targets, uncovered, bundle, parallel });
if (only) report = report.replace("\n\n", `\n\nPartial run: only ${[...only].join(", ")}.\n\n`);
deliverReport(report, outFile, log);
for (const t of targets) console.log(`  ${t.result.padEnd(4)}  ${t.name} (${t.limit}): ${t.measured}`);
const missed = targets.filter((t) => t.result === "MISS");
if (missed.length && check) {
  console.error(`${missed.length} target(s) missed${missed.some((t) => t.misses.length) ? ": " + missed.flatMap((t) => t.misses).join(", ") : ""}`);
  process.exit(1);
}
