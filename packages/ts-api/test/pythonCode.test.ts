// The Python code toPythonCode writes, run by tools/conformance with real PyTorch (2.x, and Debian's
// 1.13), Keras and optax
// (fixtures/python_code.json). For every case: the snippet is still exactly what toPythonCode
// writes (so the recorded rates belong to today's code), and the rates Python computed equal
// schedule.at(): PyTorch (Python floats) and optax (jax in float64) to 1e-9 relative, Keras, which
// computes in float32, to KERAS_TOLERANCE.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { LrschedError, cyclic, fromSpec, pythonCode, scheduleTypes, toPythonCode, type PythonFramework } from "../src";
import { fixture } from "./support/fixtures";

interface Entry {
  form: "native" | "closed form" | "none";
  code?: string;
  rates?: number[] | number[][];
  /** PyTorch only: the same snippet's rates with Debian's python3-torch (1.13). */
  debian_rates?: number[][];
  error?: string;
}

interface Case {
  spec: Record<string, unknown>;
  steps: number;
  frameworks: Record<PythonFramework, Entry>;
}

const file = fixture<{ versions: Record<string, string>; types: string[]; cases: Case[] }>("python_code.json");

/**
 * Keras computes in float32 (2^-24 = 6e-8 per rounding): a cosine's phase alone is off by a few
 * float32 ulps of pi, so errors are judged against the schedule's peak rate, not each rate.
 */
const KERAS_TOLERANCE = 1e-6;
const F64_TOLERANCE = 1e-9;

const worst: Record<string, number> = { pytorch: 0, keras: 0, optax: 0 };
const passed: Record<string, number> = { pytorch: 0, keras: 0, optax: 0 };

/** Largest error relative to each rate (f64), or to the schedule's peak rate (float32). */
function maxError(got: readonly number[], want: readonly number[], f32: boolean): number {
  const peak = Math.max(...want.map(Math.abs));
  let err = 0;
  got.forEach((g, i) => {
    const w = want[i]!;
    const scale = f32 ? peak : Math.max(Math.abs(w), 1e-6 * peak);
    const e = g === w ? 0 : Math.abs(g - w) / Math.max(scale, Number.MIN_VALUE);
    if (!(e <= err)) err = e;
  });
  return err;
}

const name = (c: Case) => JSON.stringify(c.spec).slice(0, 150);

describe(`Python code run with torch ${file.versions.pytorch} and ${file.versions.pytorch_debian}, keras ${file.versions.keras}, optax ${file.versions.optax}`, () => {
  it("covers every schedule type of lrsched list", () => {
    const types = new Set(file.cases.map((c) => c.spec.type));
    expect([...types].sort()).toEqual(scheduleTypes.map((t) => t.type).sort());
  });

  for (const framework of ["pytorch", "keras", "optax"] as const) {
    describe(framework, () => {
      it.each(file.cases.map((c) => [name(c), c] as const))("%s", (_, c) => {
        const s = fromSpec(c.spec);
        const e = c.frameworks[framework];
        if (e.form === "none") {
          expect(() => toPythonCode(s, framework)).toThrow(LrschedError);
          return;
        }
        const now = pythonCode(s, framework);
        expect(now.code, "toPythonCode changed since the fixture was recorded: rerun tools/conformance/generate_python_code_fixtures.py").toBe(e.code);
        expect(now.form).toBe(e.form);
        const want = Array.from({ length: c.steps + 1 }, (_, k) => s.at(k));
        const groups = framework === "pytorch" ? [...(e.rates as number[][]), ...e.debian_rates!] : [e.rates as number[]];
        if (framework === "pytorch") expect(e.debian_rates, "rates from both PyTorch versions").toHaveLength(2);
        for (const rates of groups) {
          expect(rates.length).toBe(c.steps + 1);
          const err = maxError(rates, want, framework === "keras");
          worst[framework] = Math.max(worst[framework]!, err);
          expect(err, `${framework} rates vs at()`).toBeLessThanOrEqual(framework === "keras" ? KERAS_TOLERANCE : F64_TOLERANCE);
        }
        passed[framework]!++;
      });
    });
  }

  afterAll(() => {
    for (const f of ["pytorch", "keras", "optax"]) {
      console.log(`pythonCode.test.ts: ${f}: ${passed[f]} snippets agree, largest relative error ${worst[f]!.toExponential(2)}`);
    }
  });
});

/** type x framework: how the recorded cases were written (native, closed form, both, or none). */
function exportTable(): string {
  const frameworks = ["pytorch", "keras", "optax"] as const;
  const lines = ["| type | PyTorch | Keras | optax |", "|---|---|---|---|"];
  for (const t of scheduleTypes) {
    const cases = file.cases.filter((c) => c.spec.type === t.type);
    const cell = (f: (typeof frameworks)[number]) => {
      const forms = [...new Set(cases.map((c) => c.frameworks[f].form))].sort().reverse();
      return forms.length > 1 ? forms.join(" or ") : forms[0]!;
    };
    lines.push(`| \`${t.type}\` | ${frameworks.map(cell).join(" | ")} |`);
  }
  return lines.join("\n");
}

describe("the README's export table is what the recorded snippets used", () => {
  it("ts-api README", () => {
    const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
    expect(readme).toContain(exportTable());
  });
});

describe("toPythonCode refuses what Python cannot hold", () => {
  it("a JS scale function", () => {
    const s = cyclic({ baseLr: 0.01, maxLr: 0.1, scaleFn: (x) => 1 / x });
    expect(() => toPythonCode(s, "pytorch")).toThrow(/^cyclic\.scaleFn is a JS function/);
  });

  it("an unknown framework", () => {
    expect(() => toPythonCode(fromSpec({ type: "constant", value: 1 }), "jax" as PythonFramework)).toThrow(/^framework must be one of 'pytorch', 'keras', 'optax'/);
  });
});
