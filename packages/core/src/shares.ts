// What evaluatePlanParallel does on any platform: the range cut into one share per thread, the
// calling thread evaluating the first while helpers (worker_threads in Node, Web Workers in a
// browser) write theirs into shared memory, then a wait on the shares' signal. Values depend on
// their step alone (the core's blocks and anchors sit on a fixed grid), so any split gives the
// serial curve bit for bit. Each platform supplies its helpers and how their failures come back.
import { CurveValueError, evaluateOn, evaluatePlan, type CompiledPlan, type CurveArray, type Dtype } from "./evaluate";
import type { CoreExports } from "./instance";

/** One share: steps [start, start + count) into `buffer` at `byteOffset`. */
export interface Share {
  readonly words: Float64Array;
  readonly levels: number;
  readonly start: number;
  readonly count: number;
  readonly f32: boolean;
  readonly buffer: SharedArrayBuffer;
  readonly byteOffset: number;
  /** [shares done, failed]; then, per helper, a failure record of FAILURE_WORDS f64 words. */
  readonly signal: SharedArrayBuffer;
  /** This share's helper (its failure record's place). */
  readonly helper: number;
  /** Whether `buffer` is the caller's own (not the reused staging buffer). */
  readonly callers: boolean;
}

/** A failure record: [kind (0 none, 1 a value that cannot be stored, 2 other), step, value, float32]. */
const FAILURE_WORDS = 4;

/** The helpers of one platform, as evaluatePlanParallel uses them. */
export interface Helpers {
  /** How many are up (this thread not counted). */
  readonly count: number;
  /** Sends helper `k` its share. */
  post(k: number, share: Share): void;
  /** The reason helper `k` gave for a failure that was not a value refused (when it can tell). */
  reason(k: number): string | undefined;
}

/**
 * Evaluates `share` on a helper's own instance of the core, records a failure in the share's
 * signal (a failure that is not a refused value also goes to `report`, before the share counts
 * as done, so its text is there when the caller looks), and counts the share done.
 */
export function runShare(wasm: CoreExports, share: Share, report: (failure: unknown) => void): void {
  const counts = new Int32Array(share.signal, 0, 2);
  try {
    const result = share.f32
      ? new Float32Array(share.buffer, share.byteOffset, share.count)
      : new Float64Array(share.buffer, share.byteOffset, share.count);
    evaluateOn(wasm, { words: share.words, levels: share.levels }, share.start, share.count, result);
  } catch (e) {
    const record = new Float64Array(share.signal, 8 + share.helper * FAILURE_WORDS * 8, FAILURE_WORDS);
    if (e instanceof CurveValueError) record.set([1, e.step, e.value, e.float32 ? 1 : 0]);
    else {
      record[0] = 2;
      report(e);
    }
    Atomics.store(counts, 1, 1);
  } finally {
    Atomics.add(counts, 0, 1);
    Atomics.notify(counts, 0);
  }
}

/** Fewest steps worth a helper's share: below it, a message costs more than it saves. */
export const SHARE_MIN = 1 << 18;

/** Most threads startThreads() starts: far past any machine's cores, short of exhausting one. */
export const MAX_THREADS = 256;

/** startThreads()'s count, checked. */
export function checkThreads(threads: number | undefined): void {
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS)) {
    throw new RangeError(`lrsched core: threads must be an integer from 1 to ${MAX_THREADS}, got ${String(threads)}`);
  }
}

/** How many threads (this one included) `count` steps are worth with `helpers` up. */
export const threadsWith = (helpers: number, count: number): number => Math.max(1, Math.min(helpers + 1, Math.floor(count / SHARE_MIN)));

/** Steps per helper and round when the shares are staged (an output not on a SharedArrayBuffer). */
const ROUND = 1 << 21;

/**
 * Where the helpers write their shares of an output they cannot reach (an ordinary array, one
 * from allocateCurve), copied in round by round: one buffer, reused, so the helpers never hold
 * more than it (a buffer a thread was sent stays allocated until that thread collects).
 */
let staging: SharedArrayBuffer | undefined;
const stagingOf = (bytes: number) => (staging && staging.byteLength >= bytes ? staging : (staging = new SharedArrayBuffer(bytes)));

/** Waits for `used` helpers on `signal`, then throws the first failure they recorded. */
function join(signal: SharedArrayBuffer, used: number, helpers: Helpers): void {
  const counts = new Int32Array(signal, 0, 2);
  for (let done = Atomics.load(counts, 0); done < used; done = Atomics.load(counts, 0)) Atomics.wait(counts, 0, done);
  if (!Atomics.load(counts, 1)) return;
  const records = Array.from({ length: used }, (_, k) => new Float64Array(signal, 8 + k * FAILURE_WORDS * 8, FAILURE_WORDS));
  // the first value that cannot be stored, as the serial curve would report it
  const refused = records.filter((r) => r[0] === 1).sort((a, b) => a[1]! - b[1]!)[0];
  if (refused) throw new CurveValueError(refused[1]!, refused[2]!, refused[3] === 1);
  const reasons = records.flatMap((r, k) => (r[0] === 2 ? [helpers.reason(k) ?? "no reason given"] : []));
  throw new Error(`lrsched core: a helper thread failed: ${reasons.join("; ")}`);
}

/**
 * Steps [start, start + n) into `into` (n values), split in `threads` shares: this thread takes
 * the first, helper k the (k + 1)-th, written at `into` itself when it is on a SharedArrayBuffer,
 * else into the staging buffer and copied in once all are done.
 */
function split(helpers: Helpers, plan: CompiledPlan, start: number, n: number, threads: number, into: CurveArray): void {
  const size = into.BYTES_PER_ELEMENT;
  const own = Math.floor(n / threads);
  const direct = into.buffer instanceof SharedArrayBuffer;
  const stage = direct ? undefined : stagingOf((n - own) * size);
  const target = stage === undefined ? into.subarray(own) : size === 4 ? new Float32Array(stage, 0, n - own) : new Float64Array(stage, 0, n - own);
  const used = threads - 1;
  const signal = new SharedArrayBuffer(8 + used * FAILURE_WORDS * 8);
  for (let k = 0; k < used; k++) {
    const from = Math.floor(((k + 1) * n) / threads) - own;
    const to = Math.floor(((k + 2) * n) / threads) - own;
    helpers.post(k, {
      words: plan.words, levels: plan.levels, start: start + own + from, count: to - from, f32: size === 4,
      buffer: target.buffer as SharedArrayBuffer, byteOffset: target.byteOffset + from * size, signal, helper: k, callers: direct,
    });
  }
  try {
    evaluatePlan(plan, start, own, size === 4 ? "float32" : "float64", into.subarray(0, own));
  } finally {
    join(signal, used, helpers);
  }
  if (!direct) into.set(target, own);
}

/**
 * A new result on a SharedArrayBuffer: every thread writes its share straight into it, so each
 * also takes the page faults of its share, which dominate a fresh curve's time.
 */
const sharedArray = (dtype: Dtype, count: number): CurveArray =>
  dtype === "float32" ? new Float32Array(new SharedArrayBuffer(count * 4)) : new Float64Array(new SharedArrayBuffer(count * 8));

/**
 * evaluatePlan over this thread and `helpers`, into `out` or a new array. A new array is
 * allocated on a SharedArrayBuffer; it and an `out` on one are written by the helpers directly,
 * in one round. Any other output takes their shares through the staging buffer, ROUND steps per
 * helper at a time. Ranges too short to split are evaluated serially (a new array is then an
 * ordinary one).
 */
export function evaluateShared(helpers: Helpers, plan: CompiledPlan, start: number, count: number, dtype: Dtype, out?: CurveArray): CurveArray {
  const threads = threadsWith(helpers.count, count);
  if (threads === 1) return evaluatePlan(plan, start, count, dtype, out);
  const result = out ?? sharedArray(dtype, count);
  if (result.buffer instanceof SharedArrayBuffer) {
    split(helpers, plan, start, count, threads, result);
    return result;
  }
  const span = ROUND * threads;
  for (let done = 0; done < count; done += span) {
    const n = Math.min(span, count - done);
    split(helpers, plan, start + done, n, threadsWith(helpers.count, n), result.subarray(done, done + n));
  }
  return result;
}
