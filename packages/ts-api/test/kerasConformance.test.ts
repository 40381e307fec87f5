// fromKeras against real Keras: every config of tools/conformance/fixtures/keras_schedules.json
// (Keras 3.15's own classes, and tf-keras's LinearCosineDecay / NoisyLinearCosineDecay source)
// imports, and at() and curve() give Keras's rates at every recorded step.
//
// float32 (what Keras computes): within 1e-6 of the case's largest rate, since float32 rounds
// every intermediate term (each about the size of the peak) to 6e-8 of itself. float64 (the same
// Keras code without its 64-to-32-bit promotion): within 1e-6 relative, or 1e-12 of the peak near
// zero (the accuracy contract's floor). A restart step where one precision's logarithm puts the
// step at the end of the period before (Keras's float64 at CosineDecayRestarts step 242 of
// t_mul 3) must match the other precision: lrsched starts the new period there, as float32 Keras
// does.
import { gaussianSource } from "@lrsched/core";
import { afterAll, describe, expect, it } from "vitest";
import { LrschedError, fromKeras, type Schedule } from "../src";
import { fixture } from "./support/fixtures";

interface KerasCase {
  name: string;
  source: "keras" | "tf-keras";
  keras: { class_name: string; config: Record<string, unknown> };
  steps: number[];
  float32: number[];
  float64: number[];
  restart_steps?: number[];
  nan_from?: number;
  nan_from64?: number;
  noise?: { unit32: number[]; unit64: number[] };
}

const fx = fixture<{ keras_version: string; keras_backend: string; cases: KerasCase[] }>("keras_schedules.json");

const TOLERANCE = 1e-6;
const worst = { float32: 0, float64: 0 };
let compared = 0;
const edges: string[] = [];

/** The error under each precision's rule (see the top of this file). */
function error(dtype: "float32" | "float64", got: number, want: number, peak: number): number {
  const d = Math.abs(got - want);
  return dtype === "float32" ? d / peak : d / Math.max(Math.abs(want), 1e-6 * peak);
}

/** Keras's rate at step index i; for the noisy class, with lrsched's own sample in place of tf-keras's. */
function kerasRate(c: KerasCase, dtype: "float32" | "float64", i: number, s: Schedule): number {
  const mean = c[dtype][i];
  if (!c.noise) return mean;
  const unit = dtype === "float32" ? c.noise.unit32[i] : c.noise.unit64[i];
  const z = gaussianSource(s.options.seed as number)(Math.floor(c.steps[i]));
  return mean + z * (unit - mean);
}

describe(`fromKeras matches Keras ${fx.keras_version} (${fx.keras_backend} backend) and tf-keras's source`, () => {
  for (const c of fx.cases) {
    it(`${c.keras.class_name}: ${c.name}`, () => {
      const warnings: string[] = [];
      const s = fromKeras(c.keras, { onWarning: (m) => warnings.push(m) });
      const peak = Math.max(...c.float64.map(Math.abs));
      const lastStep = c.steps[c.steps.length - 1];
      // the core's curve, where the steps are few enough to cover in one array
      const curve = lastStep < 1e6 ? s.curve(lastStep + 1, { dtype: "float64" }) : undefined;
      c.steps.forEach((step, i) => {
        const at = s.at(step);
        const fromCurve = curve ? curve[step] : s.curve(1, { start: step, dtype: "float64" })[0];
        for (const dtype of ["float32", "float64"] as const) {
          if (dtype === "float32" && c.nan_from !== undefined && step >= c.nan_from) continue; // float32 Keras ended
          const want = kerasRate(c, dtype, i, s);
          for (const got of [at, fromCurve]) {
            let err = error(dtype, got, want, peak);
            if (!(err <= TOLERANCE) && c.restart_steps?.includes(step)) {
              const other = dtype === "float32" ? "float64" : "float32";
              const agree = error(other, got, kerasRate(c, other, i, s), peak);
              if (agree <= TOLERANCE) {
                edges.push(`${c.name} step ${step}: Keras ${dtype} ends the previous period (${want}), ${other} starts the next (${got})`);
                err = 0;
              }
            }
            if (!(err <= TOLERANCE)) expect.fail(`step ${step} (${dtype}): lrsched ${got}, Keras ${want}, error ${err}`);
            worst[dtype] = Math.max(worst[dtype], err);
            compared++;
          }
        }
      });
      if (c.nan_from64 !== undefined) {
        // the schedule ends where Keras's float64 rates turn NaN
        expect(s.maxStep).toBe(c.nan_from64 - 1);
        expect(() => s.at(c.nan_from64!)).toThrow(LrschedError);
      }
      const warned = warnings.length > 0;
      const shouldWarn = c.nan_from64 !== undefined || c.keras.class_name === "NoisyLinearCosineDecay" && c.keras.config.initial_variance !== 0 ||
        (c.keras.class_name === "PiecewiseConstantDecay" && (c.keras.config.boundaries as number[]).some((b, j, all) => j > 0 && !(b > all[j - 1])));
      expect(warned, warnings.join("; ")).toBe(shouldWarn);
      // a round trip through toKeras gives the same rates (toKeras leaves the noise seed out today)
      if (c.keras.class_name !== "NoisyLinearCosineDecay") {
        const again = fromKeras(s.toKeras(), { onWarning: () => {} });
        for (const step of c.steps.slice(0, 50)) expect(again.at(step)).toBe(s.at(step));
      }
    });
  }
});

afterAll(() => {
  if (!process.env.LRSCHED_REPORT) return;
  console.log(
    `fromKeras vs Keras: ${fx.cases.length} configs, ${compared} comparisons; largest error float32 ${worst.float32.toExponential(2)} (of the peak), float64 ${worst.float64.toExponential(2)} (relative)\n${edges.join("\n")}`,
  );
});
