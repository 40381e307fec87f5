import { CHUNK } from "../assembly/opcodes";
import { core, type CoreExports } from "./instance";
import { encodePlan, scratchLevels, type PlanNode } from "./plan";

/**
 * Element type of a curve: 32- or 64-bit floats.
 *
 * @example
 * ```ts
 * import { constant, type Dtype } from "@lrsched/ts-api";
 * const dtype: Dtype = "float64";
 * constant({ value: 0.1 }).curve(3, { dtype }) instanceof Float64Array; // → true
 * ```
 */
export type Dtype = "float32" | "float64";
/**
 * A curve's values: a Float32Array or a Float64Array.
 *
 * @example
 * ```ts
 * import { constant, type CurveArray } from "@lrsched/ts-api";
 * const out: CurveArray = new Float32Array(4);
 * constant({ value: 0.5 }).curve(4, { out });
 * out[3]; // → 0.5
 * ```
 */
export type CurveArray = Float32Array | Float64Array;

/**
 * An encoded plan ready for the core: its words and the scratch levels it needs.
 *
 * @example
 * ```ts
 * import { compilePlan, Op, planNode, type CompiledPlan } from "@lrsched/core";
 * const plan: CompiledPlan = compilePlan(planNode(Op.Constant, [0.1]));
 * plan.levels; // → 0
 * ```
 */
export interface CompiledPlan {
  readonly words: Float64Array;
  readonly levels: number;
}

/**
 * Encodes a plan once, for any number of evaluations.
 *
 * @example
 * ```ts
 * import { compilePlan, evaluatePlan, Op, planNode } from "@lrsched/core";
 * const plan = compilePlan(planNode(Op.Cosine, [0.1, 100, 0]));
 * evaluatePlan(plan, 50, 1, "float64")[0]; // → 0.05
 * ```
 */
export function compilePlan(root: PlanNode): CompiledPlan {
  return Object.freeze({ words: encodePlan(root), levels: scratchLevels(root) });
}

const align16 = (n: number) => (n + 15) & ~15;

/** Shorter runs of one value go through the chunk path: a fill call costs more than it saves. */
const MIN_FILL_RUN = 2048;

/** Writes the plan into core memory and returns the addresses one chunk evaluation uses. */
function layout(wasm: CoreExports, plan: CompiledPlan) {
  const planPtr = align16(wasm.heapBase());
  const scratch = align16(planPtr + plan.words.byteLength);
  // one output level, the plan's own levels, one more for the f32 conversion
  const out = scratch + (plan.levels + 2) * CHUNK * 8;
  if (!wasm.ensureBytes(out + CHUNK * 8)) throw new RangeError("lrsched core: cannot grow memory");
  new Float64Array(wasm.memory.buffer, planPtr, plan.words.length).set(plan.words);
  return { planPtr, scratch, out };
}

function allocate(dtype: Dtype, count: number): CurveArray {
  return dtype === "float32" ? new Float32Array(count) : new Float64Array(count);
}

/**
 * Values of steps [start, start + count) into `out` (or a new array), computed in the core chunk
 * by chunk. The plan is re-written per call, so interleaved calls for different plans are safe.
 *
 * @example
 * ```ts
 * import { compilePlan, evaluatePlan, Op, planNode } from "@lrsched/core";
 * const plan = compilePlan(planNode(Op.Cosine, [0.1, 100, 0]));
 * Array.from(evaluatePlan(plan, 0, 3, "float64")).map((v) => v.toFixed(5)); // → ["0.10000", "0.09998", "0.09990"]
 * ```
 */
export function evaluatePlan(
  plan: CompiledPlan,
  start: number,
  count: number,
  dtype: Dtype = "float32",
  out?: CurveArray,
): CurveArray {
  const result = out ?? allocate(dtype, count);
  const asF32 = result instanceof Float32Array;
  const wasm = core();
  const { planPtr, scratch, out: outPtr } = layout(wasm, plan);
  const view = asF32
    ? new Float32Array(wasm.memory.buffer, outPtr, CHUNK)
    : new Float64Array(wasm.memory.buffer, outPtr, CHUNK);
  const first = new Float64Array(wasm.memory.buffer, outPtr, 1);
  for (let done = 0; done < count; ) {
    const run = wasm.constantRun(planPtr, start + done, count - done);
    if (run >= MIN_FILL_RUN) {
      // a stretch of one value (piecewise, staircases, tails): the core gives its first step,
      // the host fills the rest natively
      wasm.run(planPtr, scratch, outPtr, start + done, 1, false);
      result.fill(first[0]!, done, done + run);
      done += run;
      continue;
    }
    const n = Math.min(CHUNK, count - done);
    if (wasm.run(planPtr, scratch, outPtr, start + done, n, asF32)) {
      // one repeated value (a piecewise-constant stretch): a native fill beats a copy; storing
      // the f64 into a Float32Array rounds it exactly as the core's conversion would
      result.fill(first[0], done, done + n);
    } else {
      result.set(n === CHUNK ? view : view.subarray(0, n), done);
    }
    done += n;
  }
  return result;
}

/**
 * Streams steps [start, start + count) in chunks of at most `chunkSize` values. Each yielded array
 * is a fresh copy, so consumers may keep it; memory stays bounded by one chunk.
 *
 * @example
 * ```ts
 * import { compilePlan, Op, planNode, streamPlan } from "@lrsched/core";
 * const plan = compilePlan(planNode(Op.Constant, [0.1]));
 * [...streamPlan(plan, 0, 2500, "float32", 1000)].map((c) => c.length); // → [1000, 1000, 500]
 * ```
 */
export function* streamPlan(
  plan: CompiledPlan,
  start: number,
  count: number,
  dtype: Dtype = "float32",
  chunkSize = 1 << 20,
): Generator<CurveArray, void, undefined> {
  for (let done = 0; done < count; done += chunkSize) {
    const n = Math.min(chunkSize, count - done);
    yield evaluatePlan(plan, start + done, n, dtype);
  }
}
