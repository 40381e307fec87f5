import { LrschedError } from "./errors";
import { isPlainObject } from "./options";
import type { Schedule } from "./schedule";
import { camelToSnake, type ScheduleType } from "./scheduleType";
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = ScheduleType<any>;

/** Every schedule type: the seed's catalogue in its order, then composition and newer recipes. */
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
  joinType,
  multiplyType,
  clampType,
  scaleType,
]);

// built in a pure call: a bundle that never reads a spec leaves every type it does not use out
const byName = /* @__PURE__ */ (() => new Map<string, AnyType>(scheduleTypes.map((t) => [t.type, t])))();

export function scheduleType(name: string): AnyType | undefined {
  return byName.get(name);
}

/**
 * Rebuilds a schedule from its JSON spec (`{type, ...options}`), validating every field.
 * Errors name the path (`prefix` + field) and the rule.
 */
export function fromSpec(spec: unknown, prefix = ""): Schedule {
  const where = prefix ? prefix.slice(0, -1) : "spec";
  if (!isPlainObject(spec)) throw new LrschedError(where, "must be an object with a 'type'", spec);
  const { type, ...options } = spec as Record<string, unknown>;
  if (typeof type !== "string") throw new LrschedError(`${prefix}type`, "must be a schedule type name", type);
  const t = byName.get(type);
  if (!t) {
    throw new LrschedError(`${prefix}type`, `must be one of ${[...byName.keys()].join(", ")}`, type);
  }
  return t.create(options, prefix);
}

const snakeToCamel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Builds a schedule from Keras's serialized form `{class_name, config}` (the `module` and
 * `registered_name` keys of Keras 3's `serialize()` are accepted). Config keys are Keras's
 * snake_case `get_config()` keys; unknown keys are rejected.
 */
export function fromKeras(keras: unknown): Schedule {
  if (!isPlainObject(keras)) throw new LrschedError("keras", "must be an object {class_name, config}", keras);
  for (const key of Object.keys(keras)) {
    if (!["class_name", "config", "module", "registered_name"].includes(key)) {
      throw new LrschedError(`keras.${key}`, "is not a key of a serialized Keras schedule (class_name, config, module, registered_name)");
    }
  }
  const { class_name: className, config } = keras as Record<string, unknown>;
  // a missing class_name must not match the types that have no Keras class
  const t = typeof className === "string" ? scheduleTypes.find((x) => x.keras?.className === className) : undefined;
  if (!t) {
    const known = scheduleTypes.flatMap((x) => (x.keras ? [x.keras.className] : [])).join(", ");
    throw new LrschedError("keras.class_name", `must be one of ${known}`, className);
  }
  if (!isPlainObject(config)) throw new LrschedError("keras.config", "must be an object", config);
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    const camel = snakeToCamel(key);
    const known = Object.prototype.hasOwnProperty.call(t.fields, camel) && !t.keras!.localOnly?.includes(camel);
    if (!known || key !== key.toLowerCase()) {
      throw new LrschedError(`keras.config.${key}`, `is not a ${className} config key`);
    }
    options[camel] = value;
  }
  return t.create(options, (field) => `keras.config.${camelToSnake(field)}`);
}
