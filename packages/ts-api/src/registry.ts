import { LrschedError } from "./errors";
import { isPlainObject, readOwn } from "./options";
import type { Schedule } from "./schedule";
import type { ScheduleType } from "./scheduleType";
import { constantType } from "./schedules/constant";
import { cosineDecayType } from "./schedules/cosineDecay";
import { cosineDecayRestartsType } from "./schedules/cosineDecayRestarts";
import { exponentialDecayType } from "./schedules/exponentialDecay";
import { inverseTimeDecayType } from "./schedules/inverseTimeDecay";
import { linearCosineDecayType } from "./schedules/linearCosineDecay";
import { naturalExpDecayType } from "./schedules/naturalExpDecay";
import { noisyLinearCosineDecayType } from "./schedules/noisyLinearCosineDecay";
import { piecewiseConstantDecayType } from "./schedules/piecewiseConstantDecay";
import { polynomialDecayType } from "./schedules/polynomialDecay";
import { warmupType } from "./schedules/warmup";
import { cosineAnnealingType } from "./schedules/cosineAnnealing";
import { cyclicType } from "./schedules/cyclic";
import { oneCycleType } from "./schedules/oneCycle";
import { joinType } from "./schedules/join";
import { multiplyType } from "./schedules/multiply";
import { clampType } from "./schedules/clamp";
import { scaleType } from "./schedules/scale";
import { warmupCosineType } from "./schedules/warmupCosine";
import { sgdrType } from "./schedules/sgdr";
import { inverseSqrtType } from "./schedules/inverseSqrt";
import { warmupStableDecayType } from "./schedules/warmupStableDecay";
import { kDecayType } from "./schedules/kDecay";
import { transformersType } from "./schedules/transformers";
import { timmCosineType } from "./schedules/timm/timmCosine";
import { timmTanhType } from "./schedules/timm/timmTanh";
import { timmStepType } from "./schedules/timm/timmStep";
import { timmMultiStepType } from "./schedules/timm/timmMultiStep";
import { timmPolyType } from "./schedules/timm/timmPoly";
import { cosinePowerType } from "./schedules/cosinePower";
import { exponentialGrowthType } from "./schedules/exponentialGrowth";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = ScheduleType<any>;

/**
 * Every schedule type: the seed's catalogue in its order, then composition and newer recipes.
 *
 * @example
 * ```ts
 * import { scheduleTypes } from "@lrsched/ts-api";
 * scheduleTypes[0].type; // → "constant"
 * scheduleTypes.some((t) => t.type === "cosineDecay"); // → true
 * ```
 */
export const scheduleTypes: readonly AnyType[] = /* @__PURE__ */ Object.freeze([
  constantType,
  exponentialDecayType,
  inverseTimeDecayType,
  naturalExpDecayType,
  piecewiseConstantDecayType,
  polynomialDecayType,
  cosineDecayType,
  cosineDecayRestartsType,
  linearCosineDecayType,
  noisyLinearCosineDecayType,
  cosineAnnealingType,
  warmupType,
  warmupCosineType,
  cyclicType,
  oneCycleType,
  sgdrType,
  warmupStableDecayType,
  inverseSqrtType,
  kDecayType,
  transformersType,
  timmCosineType,
  timmTanhType,
  timmStepType,
  timmMultiStepType,
  timmPolyType,
  cosinePowerType,
  exponentialGrowthType,
  joinType,
  multiplyType,
  clampType,
  scaleType,
]);

// built in a pure call: a bundle that never reads a spec leaves every type it does not use out
const byName = /* @__PURE__ */ (() => new Map<string, AnyType>(scheduleTypes.map((t) => [t.type, t])))();

/**
 * The schedule type of a name (`cosineDecay`), or undefined.
 *
 * @example
 * ```ts
 * import { scheduleType } from "@lrsched/ts-api";
 * scheduleType("cosineDecay")?.keras?.className; // → "CosineDecay"
 * scheduleType("nope"); // → undefined
 * ```
 */
export function scheduleType(name: string): AnyType | undefined {
  return byName.get(name);
}

/**
 * Rebuilds a schedule from its JSON spec (`{type, ...options}`), validating every field.
 * Errors name the path (`prefix` + field) and the rule.
 *
 * @example
 * ```ts
 * import { fromSpec } from "@lrsched/ts-api";
 * fromSpec({ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 100 }).at(50); // → 0.05
 * ```
 */
export function fromSpec(spec: unknown, prefix = ""): Schedule {
  const where = prefix ? prefix.slice(0, -1) : "spec";
  const { type, ...options } = readOwn(spec, (key) => `${prefix}${key}`, where, "must be an object with a 'type'");
  if (typeof type !== "string") throw new LrschedError(`${prefix}type`, "must be a schedule type name", type);
  const t = byName.get(type);
  if (!t) {
    throw new LrschedError(`${prefix}type`, `must be one of ${[...byName.keys()].join(", ")}`, type);
  }
  return t.create(options, prefix);
}

