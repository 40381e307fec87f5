// Valid but extreme options (1e308, Number.MAX_VALUE, 5e-324, 2^53 - 1, 2^53, 2^53 + 2, ...) in
// every numeric option of every schedule type, one at a time and in random combinations. Each
// case builds the schedule and evaluates at(), curve() (both dtypes, across a core chunk edge
// and near 2^53) and chunks() in a worker under a generous per-case limit, so a hang fails the
// case instead of stalling the run. Every outcome is a value or an LrschedError; values are
// finite; curve() agrees with at() in finiteness and sign.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { watchdog } from "../../../tools/test/watchdog";
import { scheduleTypes } from "../src";
import { VALID } from "./support/validSpecs";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.cjs");

const EXTREMES = [1e308, Number.MAX_VALUE, 5e-324, 1e-308, 1e-290, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1 + 2 ** -52, 1 - 2 ** -53, 0];

/**
 * Types whose reference formula itself gives negative rates for some valid options: Keras's
 * noise, and PyTorch OneCycleLR's linear anneal extrapolated at its final step.
 */
const MAY_BE_NEGATIVE = new Set(["noisyLinearCosineDecay", "oneCycle"]);

/** Runs in the worker: builds `spec` and records every evaluation as a value or an error. */
const SETUP = `
  const STEPS = [0, 1, 2, 3, 99, 100, 101, 8191, 8192, 8193, 1e9, 2 ** 53 - 1];
  const err = (e) => ({ error: { name: e && e.name, message: e && e.message } });
  const attempt = (f) => { try { return { value: f() }; } catch (e) { return err(e); } };
  lib.probe = (spec) => {
    let s;
    try { s = lib.ts.fromSpec(spec); } catch (e) { return { build: err(e) }; }
    const last = Number.isFinite(s.maxStep) ? s.maxStep : 2 ** 53 - 1;
    const steps = [...new Set([...STEPS.filter((t) => t <= last), last, Math.max(0, last - 1)])];
    const windows = [[0, Math.min(20000, last + 1)], [Math.max(0, last - 15), Math.min(16, last + 1)]];
    if (last >= 1e9 + 16) windows.push([1e9, 16]);
    const ats = steps.map((t) => attempt(() => s.at(t)));
    const curves = windows.map(([start, count]) => {
      const f64 = attempt(() => Array.from(s.curve(count, { start, dtype: "float64" })));
      const f32 = attempt(() => Array.from(s.curve(count, { start })));
      const chunked = attempt(() => [...s.chunks(count, { start, dtype: "float64", chunkSize: 4099 })].flatMap((c) => Array.from(c)));
      const at = [];
      if (!f64.error) {
        // at() of a window's first, last and chunk-edge steps
        for (const i of [0, 1, count - 1, 8191, 8192, 8193]) if (i < count) at.push([start + i, i, attempt(() => s.at(start + i))]);
      }
      return { start, count, f64, f32, chunked, at };
    });
    return { type: s.type, steps, ats, curves };
  };
`;

const dog = watchdog({ ts: dist }, 30_000, SETUP);
const tally = { cases: 0, built: 0, rejected: 0, evaluations: 0, f32Refused: 0 };

type Attempt = { value: unknown } | { error: { name: string; message: string } };
interface Probe {
  build?: Attempt;
  type: string;
  steps: number[];
  ats: Attempt[];
  curves: { start: number; count: number; f64: Attempt; f32: Attempt; chunked: Attempt; at: [number, number, Attempt][] }[];
}

/** Every path to a number inside a spec (options, list entries, nested schedules). */
function numberPaths(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v === "number") return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => numberPaths(x, [...path, i]));
  if (typeof v === "object" && v !== null) return Object.entries(v).flatMap(([k, x]) => numberPaths(x, [...path, k]));
  return [];
}

function setAt(spec: unknown, path: (string | number)[], value: number): unknown {
  const copy = structuredClone(spec) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1]] = value;
  return copy;
}

const sign = (v: number) => (v < 0 ? -1 : 1);

/**
 * The problems of one probe, as sentences (plain checks: tens of thousands of values per case
 * would make one expect() per value the slowest part of the run).
 */
function problems(spec: unknown, p: Probe): string[] {
  const where = JSON.stringify(spec);
  const found: string[] = [];
  const outcome = (a: Attempt, what: string): unknown => {
    tally.evaluations++;
    if ("error" in a) {
      if (a.error.name !== "LrschedError") found.push(`${where} ${what}: ${a.error.name}: ${a.error.message}`);
      return undefined;
    }
    return a.value;
  };
  tally.cases++;
  if (p.build) {
    outcome(p.build, "building");
    tally.rejected++;
    return found;
  }
  tally.built++;
  const mayBeNegative = MAY_BE_NEGATIVE.has(p.type);
  const value = (v: unknown, what: string) => {
    if (typeof v !== "number" || !Number.isFinite(v)) found.push(`${where} ${what} = ${String(v)}`);
    else if (v < 0 && !mayBeNegative) found.push(`${where} ${what} = ${v} < 0`);
  };
  p.ats.forEach((a, i) => {
    const v = outcome(a, `at(${p.steps[i]})`);
    if (v !== undefined) value(v, `at(${p.steps[i]})`);
  });
  for (const c of p.curves) {
    const w = `curve(${c.count}, {start: ${c.start}})`;
    const f64 = outcome(c.f64, `${w} float64`) as number[] | undefined;
    const f32 = outcome(c.f32, `${w} float32`) as number[] | undefined;
    const chunked = outcome(c.chunked, `chunks ${w}`) as number[] | undefined;
    if (f32 === undefined) tally.f32Refused++;
    else f32.forEach((v, i) => value(v, `${w} float32 [${i}]`));
    if (f64 === undefined) continue;
    f64.forEach((v, i) => value(v, `${w} float64 [${i}]`));
    if (chunked === undefined || chunked.some((v, i) => !Object.is(v, f64[i]))) found.push(`${where} chunks ${w} differ from curve()`);
    for (const [step, i, a] of c.at) {
      const at = outcome(a, `at(${step})`) as number | undefined;
      // curve() and at() agree in finiteness (both give values) and, where the formula stays >= 0,
      // in sign (noise near 0 may round either way)
      if (at === undefined) found.push(`${where} at(${step}) threw where curve() gave ${f64[i]}`);
      else if (!mayBeNegative && sign(f64[i]) !== sign(at)) found.push(`${where} step ${step}: curve ${f64[i]}, at ${at}`);
    }
  }
  return found.slice(0, 5);
}

async function run(spec: unknown): Promise<void> {
  const p = (await dog.run(`return lib.probe(${JSON.stringify(spec)});`)) as { value: Probe } | { error: Attempt };
  if ("error" in p) throw new Error(`probe failed: ${JSON.stringify(p.error)}`);
  expect(problems(spec, p.value)).toEqual([]);
}

afterAll(async () => {
  await dog.close();
  console.log(
    `extremeOptions.test.ts: ${tally.cases} cases in a worker under a per-case limit (${tally.built} built, ${tally.rejected} rejected), ` +
      `${tally.evaluations} evaluations, ${tally.f32Refused} float32 curves refused`,
  );
});

describe("extreme but valid options: no hang, only LrschedError, finite values", () => {
  it("the seeds cover every schedule type", () => {
    expect(VALID.map((v) => v.type).sort()).toEqual(scheduleTypes.map((t) => t.type).sort());
  });

  for (const base of VALID) {
    const paths = numberPaths(base).filter((p) => p[0] !== "seed");
    it(`${base.type}: each numeric option set to ${EXTREMES.length} extreme values`, { timeout: 600_000 }, async () => {
      for (const path of paths) for (const x of EXTREMES) await run(setAt(base, path, x));
    });
  }

  it("random combinations of extreme values over several options at once", { timeout: 600_000 }, async () => {
    const combo = fc.tuple(fc.nat(VALID.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...EXTREMES)), { minLength: 2, maxLength: 5 }));
    const samples = fc.sample(combo, 400);
    for (const [i, edits] of samples) {
      const paths = numberPaths(VALID[i]);
      if (paths.length === 0) continue;
      let spec: unknown = VALID[i];
      for (const [k, x] of edits) spec = setAt(spec, paths[k % paths.length], x);
      await run(spec);
    }
  });
});
