// Keras: `schedule`, a keras.optimizers.schedules object. Keras 3's own class where the schedule
// is one (ExponentialDecay, CosineDecay, ...), else a LearningRateSchedule subclass computing the
// closed form with keras.ops (in float32, as Keras's schedules do).
import type { Schedule } from "../schedule";
import { scheduleType, scheduleTypes } from "../registry";
import { Emitter } from "./emitter";
import { lit } from "./flavor";
import { pyLiteral } from "./literal";
import { scheduleCode } from "./scheduleCode";
import type { PythonCode } from "./toPythonCode";

/** Keras 3's classes (tf.keras 2's LinearCosineDecay and NoisyLinearCosineDecay are gone). */
const KERAS3 = ["ExponentialDecay", "InverseTimeDecay", "PiecewiseConstantDecay", "PolynomialDecay", "CosineDecay", "CosineDecayRestarts"];

/**
 * Keras computes in the dtype of the initial rate: rates are written as floats (an integer 0
 * would make it int32), step counts and boundaries as they are.
 */
function kerasKwargs(config: Record<string, unknown>): string {
  const asFloat = (v: unknown): string =>
    typeof v === "number" ? lit(v) : Array.isArray(v) ? `[${v.map(asFloat).join(", ")}]` : pyLiteral(v);
  return Object.entries(config)
    .map(([k, v]) => `${k}=${k.endsWith("steps") || k === "boundaries" ? pyLiteral(v) : asFloat(v)}`)
    .join(", ");
}

/** The Keras classes `schedule` uses, by type (otherwise a LearningRateSchedule closed form). */
export function kerasNatives(): Record<string, string> {
  return Object.fromEntries(scheduleTypes.flatMap((t) => (t.keras && KERAS3.includes(t.keras.className) ? [[t.type, t.keras.className]] : [])));
}

export function kerasCode(s: Schedule, header: string): PythonCode {
  const mapping = scheduleType(s.type)?.keras;
  if (mapping && KERAS3.includes(mapping.className)) {
    const { class_name, config } = s.toKeras();
    return {
      form: "native",
      code: `${header}
import keras

schedule = keras.optimizers.schedules.${class_name}(${kerasKwargs(config as Record<string, unknown>)})
`,
    };
  }
  const em = new Emitter("keras");
  const root = scheduleCode(s, em);
  const cls = `${s.type[0]!.toUpperCase()}${s.type.slice(1)}Schedule`;
  return {
    form: "closed form",
    code: `${header}
${em.f.imports.join("\n")}

import keras


${em.source()}


class ${cls}(keras.optimizers.schedules.LearningRateSchedule):
    """lrsched's ${s.type} schedule as a closed form in keras.ops."""

    def __init__(self, name="${s.type}"):
        super().__init__()
        self.name = name

    def __call__(self, step):
        x = ops.cast(step, "float32")
        return ${root}(x)

    def get_config(self):
        return {"name": self.name}


schedule = ${cls}()
`,
  };
}
