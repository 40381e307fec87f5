// Every PyTorch fixture case, step by step: rates, momentum / betas, state dicts, errors, resume.
import { afterAll, describe, expect, it } from "vitest";
import { LrschedError, type Optimizer, type Scheduler } from "../src/index";
import { diffState, exactCount, maxError, note, relError, TOLERANCE } from "./compare";
import { classFixtures, decodeArg, makeOptimizer, makeScheduler, readFixture, record, toGroup, type Case, type Rec } from "./fixtures";

function compareRecord(cls: string, got: Rec, want: Rec, scale: number, where: string): void {
  const pairs: [number, number][] = [];
  want.lr.forEach((w, i) => pairs.push([got.lr[i], w]));
  want.momentum?.forEach((w, i) => pairs.push([got.momentum![i], w]));
  want.betas?.forEach((w, i) => w.forEach((b, j) => pairs.push([got.betas![i][j], b])));
  for (const [g, w] of pairs) {
    const err = relError(g, w, scale);
    note(cls, err);
    if (!(err <= TOLERANCE)) expect.fail(`${where}: got ${g}, PyTorch ${w} (relative error ${err})`);
  }
}

const scaleOf = (records: Rec[]) => Math.max(...records.flatMap((r) => r.lr.map(Math.abs)));

function stepWith(s: Scheduler, arg: number | string | null): void {
  const a = decodeArg(arg);
  if (a === undefined) s.step();
  else s.step(a);
}

function run(cls: string, c: Case): void {
  const opt = makeOptimizer(c.optimizer);
  if (c.construct_error || c.lrsched_rejects) {
    expect(() => makeScheduler(c.scheduler, opt)).toThrow(LrschedError);
    return;
  }
  const s = makeScheduler(c.scheduler, opt);
  const scale = scaleOf(c.records);
  compareRecord(cls, record(opt, c.records[0]), c.records[0], scale, "after construction");
  expect(diffState(s.stateDict(), c.state_dicts!["0"])).toEqual([]);
  c.steps.forEach((arg, k) => {
    const i = k + 1;
    if (c.step_error && i === c.step_error.step) {
      expect(() => stepWith(s, arg)).toThrow(LrschedError);
      expect(diffState(s.stateDict(), c.step_error.state_dict)).toEqual([]);
      return;
    }
    if (c.step_error && i > c.step_error.step) return;
    stepWith(s, arg);
    compareRecord(cls, record(opt, c.records[i]), c.records[i], scale, `after step ${i}`);
    const sd = c.state_dicts![String(i)];
    if (sd) expect(diffState(s.stateDict(), sd), `state dict after step ${i}`).toEqual([]);
  });
}

function resume(cls: string, c: Case): void {
  const r = c.resume!;
  // the saved run: its state dict must be PyTorch's
  const opt1 = makeOptimizer(c.optimizer);
  const s1 = makeScheduler(c.scheduler, opt1);
  c.steps.slice(0, r.at).forEach((a) => stepWith(s1, a));
  expect(diffState(s1.stateDict(), r.state_dict)).toEqual([]);
  // a fresh optimizer and scheduler, then the checkpoint loaded over them (optimizer first)
  const opt2: Optimizer = makeOptimizer(c.optimizer);
  const s2 = makeScheduler(c.scheduler, opt2);
  r.groups.forEach((g, i) => Object.assign(opt2.paramGroups[i], toGroup(g)));
  s2.loadStateDict(JSON.parse(JSON.stringify(s1.stateDict())));
  const scale = scaleOf(r.records);
  compareRecord(cls, record(opt2, r.records[0]), r.records[0], scale, "after loading");
  c.steps.slice(r.at).forEach((a, k) => {
    stepWith(s2, a);
    compareRecord(cls, record(opt2, r.records[k + 1]), r.records[k + 1], scale, `resumed step ${k + 1}`);
    // and the same rates as the uninterrupted run
    compareRecord(cls, record(opt2, r.records[k + 1]), c.records[r.at + k + 1], scale, `vs uninterrupted ${k + 1}`);
  });
}

for (const file of classFixtures()) {
  const fx = readFixture(file);
  describe(`${fx.class} matches PyTorch ${fx.torch_version}`, () => {
    for (const c of fx.cases) {
      it(c.name, () => run(fx.class!, c));
      if (c.resume) it(`${c.name}: resumed from a state dict at step ${c.resume.at}`, () => resume(fx.class!, c));
    }
  });
}

afterAll(() => {
  const rows = [...maxError.entries()].sort().map(([k, v]) => {
    const [same, all] = exactCount.get(k) ?? [0, 0];
    return `${k.padEnd(28)} ${v.toExponential(2)}  bit-identical ${same}/${all}`;
  });
  if (process.env.LRSCHED_REPORT) console.log(`max relative error vs PyTorch:\n${rows.join("\n")}`);
});

// after every case above: what the README's Exactness section says about them
it("README: the tests require 1e-12, and the committed fixtures stay below 1e-15", async () => {
  const { readFileSync } = await import("node:fs");
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");
  expect(readme).toContain(`Tests require every rate of every fixture within ${TOLERANCE.toExponential()} relative of PyTorch's`);
  expect(readme).toContain("(below 1e-15 on the committed fixtures, runs of at most 500 steps)");
  const longest = classFixtures().flatMap((f) => readFixture(f).cases.map((c) => c.steps.length));
  expect(Math.max(...longest)).toBeLessThanOrEqual(500);
  expect(maxError.size).toBeGreaterThan(10);
  expect(Math.max(...maxError.values())).toBeLessThan(1e-15);
});
