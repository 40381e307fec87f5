// Curves sampled every K steps, chunk by chunk, so memory stays bounded for any length.
import type { CurveArray, Dtype, Schedule } from "@lrsched/ts-api";

/**
 * Steps [start, start + steps) taken every `every` steps.
 *
 * @example
 * ```ts
 * import { sampleCount, type Sampling } from "@lrsched/cli";
 * const every10: Sampling = { start: 0, steps: 1000, every: 10 };
 * sampleCount(every10); // → 100
 * ```
 */
export interface Sampling {
  readonly start: number;
  readonly steps: number;
  readonly every: number;
}

/**
 * One chunk: `values[i]` is the rate at `firstStep + i * every`.
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { sampled, type SampledChunk } from "@lrsched/cli";
 * const [chunk]: SampledChunk[] = [...sampled(constant({ value: 0.1 }), { start: 5, steps: 20, every: 10 }, "float64")];
 * chunk.firstStep; // → 5
 * chunk.values.length; // → 2
 * ```
 */
export interface SampledChunk {
  readonly firstStep: number;
  readonly values: CurveArray;
}

/**
 * Number of values a sampling yields.
 *
 * @example
 * ```ts
 * import { sampleCount } from "@lrsched/cli";
 * sampleCount({ start: 0, steps: 1001, every: 10 }); // → 101
 * ```
 */
export const sampleCount = (s: Sampling) => Math.ceil(s.steps / s.every);

// Beyond this stride, evaluating single steps beats computing the skipped ones.
const DENSE_STRIDE = 256;

/** From this many steps on, `parallel` evaluates each chunk over every core. */
export const PARALLEL_STEPS = 1e7;

/**
 * How `sampled()` cuts the curve: chunk size, and whether long curves use every core.
 *
 * @example
 * ```ts
 * import { constant } from "@lrsched/ts-api";
 * import { sampled, type SampleOptions } from "@lrsched/cli";
 * const options: SampleOptions = { chunkSize: 1000 };
 * [...sampled(constant({ value: 0.1 }), { start: 0, steps: 2500, every: 1 }, "float32", options)].length; // → 3
 * ```
 */
export interface SampleOptions {
  /** Values per chunk. Default 2^20. */
  readonly chunkSize?: number;
  /** Split each chunk over every core (worker_threads) when there are PARALLEL_STEPS steps or more. */
  readonly parallel?: boolean;
}

/** An array of `n` values of `dtype`, on a SharedArrayBuffer when the helper threads write it. */
function buffer(dtype: Dtype, n: number, shared: boolean): CurveArray {
  const bytes = n * (dtype === "float64" ? 8 : 4);
  const memory = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  return dtype === "float64" ? new Float64Array(memory) : new Float32Array(memory);
}

/**
 * The sampled curve as chunks of at most `chunkSize` values. Each chunk is valid until the next
 * is asked for: the dense path writes every chunk into one array, so memory stays one chunk
 * however long the curve (a new array per chunk, shared with helper threads, is memory the
 * collector gives back late).
 *
 * @example
 * ```ts
 * import { constant, cosineDecay } from "@lrsched/ts-api";
 * import { sampled } from "@lrsched/cli";
 * const chunks = [...sampled(cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 }), { start: 0, steps: 101, every: 50 }, "float64")];
 * Array.from(chunks[0].values); // → [0.1, 0.05, 0]
 * ```
 */
export function* sampled(schedule: Schedule, s: Sampling, dtype: Dtype, opts: SampleOptions = {}): Generator<SampledChunk> {
  const { chunkSize = 1 << 20 } = opts;
  const parallel = opts.parallel === true && s.steps >= PARALLEL_STEPS;
  const count = sampleCount(s);
  if (s.every === 1) {
    const out = buffer(dtype, Math.min(chunkSize, count), parallel);
    for (let done = 0; done < count; done += chunkSize) {
      const n = Math.min(chunkSize, count - done);
      const values = schedule.curve(n, { start: s.start + done, out: out.subarray(0, n), parallel });
      yield { firstStep: s.start + done, values };
    }
    return;
  }
  const make = (n: number): CurveArray => (dtype === "float64" ? new Float64Array(n) : new Float32Array(n));
  const perChunk = Math.max(1, Math.min(chunkSize, Math.floor((1 << 22) / Math.min(s.every, DENSE_STRIDE))));
  const one = make(1);
  for (let done = 0; done < count; done += perChunk) {
    const n = Math.min(perChunk, count - done);
    const firstStep = s.start + done * s.every;
    const values = make(n);
    if (s.every <= DENSE_STRIDE) {
      const dense = schedule.curve((n - 1) * s.every + 1, { start: firstStep, dtype, parallel });
      for (let i = 0; i < n; i++) values[i] = dense[i * s.every];
    } else {
      for (let i = 0; i < n; i++) {
        schedule.curve(1, { start: firstStep + i * s.every, out: one });
        values[i] = one[0];
      }
    }
    yield { firstStep, values };
  }
}
