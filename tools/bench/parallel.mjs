// Parallel scaling: curve(n, {parallel: true}) against the serial curve, for long curves, in the
// same rounds. Like for like: the serial curve into an ordinary preallocated array against the
// parallel one into a SharedArrayBuffer array (both copy each chunk out of a core's memory; the
// helpers write the shared array directly), and a fresh serial curve against a fresh parallel one
// (the helpers' shares staged and copied in); the serial curve in place (allocateCurve) is timed
// beside them for reference.
import { availableParallelism } from "node:os";
import * as L from "@lrsched/ts-api";
import { threadsFor } from "@lrsched/core";
import { median, nsPer, pairedRatio, rounds, timeOnce } from "./timing.mjs";

export const PARALLEL_CASES = [
  { id: "cosine", label: "cosineDecay", make: (n) => L.cosineDecay({ initialLearningRate: 0.1, decaySteps: n, alpha: 0.01 }) },
  {
    id: "warmupcos", label: "warmupCosine",
    make: (n) => L.warmupCosine({ learningRate: 0.1, warmupSteps: n / 100, totalSteps: n, minLr: 0.001 }),
  },
  { id: "noisy", label: "noisyLinearCosineDecay", make: (n) => L.noisyLinearCosineDecay({ initialLearningRate: 0.1, decaySteps: n }) },
];

export function measureParallel({ steps, rounds: n }, log) {
  const threads = threadsFor(steps);
  const plain = new Float32Array(steps).fill(0.1);
  const shared = new Float32Array(new SharedArrayBuffer(steps * 4)).fill(0.1);
  const inPlace = L.allocateCurve(steps).fill(0.1);
  const results = [];
  for (const c of PARALLEL_CASES) {
    const s = c.make(steps);
    const fns = {
      serialOut: () => s.curve(steps, { out: plain }),
      parallelOut: () => s.curve(steps, { out: shared, parallel: true }),
      serialFresh: () => s.curve(steps),
      parallelFresh: () => s.curve(steps, { parallel: true }),
      serialInPlace: () => s.curve(steps, { out: inPlace }),
    };
    // one untimed round starts the helper threads and warms every path
    for (const f of Object.values(fns)) timeOnce(f);
    const ms = rounds(fns, { rounds: n, warm: 0 });
    const identical = Buffer.from(plain.buffer).equals(Buffer.from(shared.buffer));
    const r = {
      id: c.id, label: c.label, identical,
      ns: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, nsPer(median(v), steps)])),
      speedupOut: pairedRatio(ms.serialOut, ms.parallelOut),
      speedupFresh: pairedRatio(ms.serialFresh, ms.parallelFresh),
      vsInPlace: pairedRatio(ms.serialInPlace, ms.parallelOut),
    };
    results.push(r);
    log(`parallel ${c.id.padEnd(10)} ${threads} threads: ${r.speedupOut.toFixed(2)}x into an array, ${r.speedupFresh.toFixed(2)}x fresh` +
      `${identical ? "" : " (NOT identical to serial)"}`);
  }
  return { steps, rounds: n, threads, cores: availableParallelism(), cases: results };
}
