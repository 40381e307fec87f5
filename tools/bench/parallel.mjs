// Parallel scaling: curve(n, {parallel: true}) against the serial curve, for long curves, in the
// same rounds. Two pairs are judged: the call as written, curve(n, {parallel: true}) against
// curve(n) (each allocating its array: the parallel one on a SharedArrayBuffer that every thread
// writes, and faults in, itself); and the serial curve into an ordinary preallocated array against
// the parallel one into a SharedArrayBuffer array (both copy each chunk out of a core's memory; the
// helpers write the shared array directly). The serial curve in place (allocateCurve) is timed
// beside them. Preallocated arrays are bound by the memory's write bandwidth, measured here as one
// thread and as every thread filling its share of one shared array.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
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

// a helper that fills its share of a shared array with the value it is sent, then answers
const FILLER = `
const { parentPort, workerData } = require("node:worker_threads");
const { buffer, from, to } = workerData;
const share = new Float32Array(buffer).subarray(from, to);
const signal = new Int32Array(workerData.signal);
parentPort.on("message", (v) => { share.fill(v); Atomics.add(signal, 0, 1); Atomics.notify(signal, 0); });
`;

/**
 * The write floor of a preallocated `steps`-value Float32Array on a SharedArrayBuffer: one thread
 * filling it, and `threads` threads each filling its share (ns per step, medians of `n` rounds).
 */
export function measureWriteFloor(steps, threads, n) {
  const buffer = new SharedArrayBuffer(steps * 4);
  const all = new Float32Array(buffer).fill(0.1);
  const signal = new SharedArrayBuffer(4);
  const counter = new Int32Array(signal);
  const cut = (k) => Math.floor((k * steps) / threads);
  const helpers = Array.from({ length: threads - 1 }, (_, k) => new Worker(FILLER, { eval: true, workerData: { buffer, from: cut(k + 1), to: cut(k + 2), signal } }));
  const own = all.subarray(0, cut(1));
  const fns = {
    one: () => all.fill(0.2),
    every: () => {
      const before = Atomics.load(counter, 0);
      for (const h of helpers) h.postMessage(0.3);
      own.fill(0.3);
      for (let done = Atomics.load(counter, 0); done < before + helpers.length; done = Atomics.load(counter, 0)) Atomics.wait(counter, 0, done);
    },
  };
  for (const f of Object.values(fns)) timeOnce(f);
  const ms = rounds(fns, { rounds: n, warm: 1 });
  for (const h of helpers) h.terminate();
  return { one: nsPer(median(ms.one), steps), every: nsPer(median(ms.every), steps), threads };
}

export function measureParallel({ steps, rounds: n }, log) {
  const threads = threadsFor(steps);
  const plain = new Float32Array(steps).fill(0.1);
  const shared = new Float32Array(new SharedArrayBuffer(steps * 4)).fill(0.1);
  const inPlace = L.allocateCurve(steps).fill(0.1);
  const floor = threads > 1 ? measureWriteFloor(steps, threads, n) : undefined;
  if (floor) log(`write floor ${floor.one.toFixed(3)} ns/step on one thread, ${floor.every.toFixed(3)} on ${threads}`);
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
    const ns = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, nsPer(median(v), steps)]));
    const r = {
      id: c.id, label: c.label, identical, ns,
      speedupOut: pairedRatio(ms.serialOut, ms.parallelOut),
      // the best any split can do into a preallocated array: the serial time over the write floor
      maxOut: floor && ns.serialOut / floor.every,
      speedupFresh: pairedRatio(ms.serialFresh, ms.parallelFresh),
      vsInPlace: pairedRatio(ms.serialInPlace, ms.parallelOut),
    };
    results.push(r);
    log(`parallel ${c.id.padEnd(10)} ${threads} threads: ${r.speedupFresh.toFixed(2)}x fresh, ${r.speedupOut.toFixed(2)}x into an array` +
      `${identical ? "" : " (NOT identical to serial)"}`);
  }
  return { steps, rounds: n, threads, cores: availableParallelism(), cases: results, floor };
}
