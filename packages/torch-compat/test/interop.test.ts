// State dicts crossing between real PyTorch (1.13 and 2.x) and lrsched, both ways, through the
// JSON form python/lrsched_torch.py reads and writes (tools/conformance/generate_interop_fixtures.py).
import { afterAll, describe, expect, it } from "vitest";
import { loadParamGroups, saveParamGroups, type Optimizer, type Scheduler } from "../src/index";
import { relError, TOLERANCE } from "./compare";
import { decodeArg, makeOptimizer, makeScheduler, readFixture, record, type Case, type Rec } from "./fixtures";

interface Crossing {
  state: Record<string, unknown>;
  groups: unknown;
  records: Rec[];
}

interface InteropCase extends Pick<Case, "name" | "optimizer" | "scheduler" | "steps"> {
  at: number;
  torch_to_lrsched: Crossing;
  lrsched_to_torch: Crossing;
}

const stepWith = (s: Scheduler, arg: number | string | null) => {
  const a = decodeArg(arg);
  if (a === undefined) s.step();
  else s.step(a);
};

/** Steps `s` through `steps`, comparing the rates after each with PyTorch's records. */
function continueAgainst(s: Scheduler, opt: Optimizer, steps: InteropCase["steps"], records: Rec[], what: string): void {
  expect(records.length).toBe(steps.length);
  const scale = Math.max(...records.flatMap((r) => r.lr.map(Math.abs)));
  steps.forEach((arg, k) => {
    stepWith(s, arg);
    const got = record(opt, records[k]);
    const pairs: [number, number][] = records[k].lr.map((w, i) => [got.lr[i], w]);
    records[k].momentum?.forEach((w, i) => pairs.push([got.momentum![i], w]));
    records[k].betas?.forEach((w, i) => w.forEach((b, j) => pairs.push([got.betas![i][j], b])));
    for (const [g, w] of pairs) {
      const err = relError(g, w, scale);
      largest = Math.max(largest, err);
      if (!(err <= TOLERANCE)) expect.fail(`${what}, step ${k + 1} after loading: got ${g}, PyTorch ${w} (relative error ${err})`);
    }
  });
}

let largest = 0;
const passed = new Map<string, number>();
const pass = (key: string) => passed.set(key, (passed.get(key) ?? 0) + 1);

for (const file of ["interop_torch1.json", "interop_torch2.json"]) {
  const fx = readFixture<InteropCase>(file);
  describe(`state dicts between PyTorch ${fx.torch_version} and lrsched`, () => {
    for (const c of fx.cases) {
      const cls = c.scheduler.class;
      const rest = c.steps.slice(c.at);

      it(`${cls} ${c.name}: PyTorch's state at step ${c.at} -> JSON -> lrsched continues PyTorch's run`, () => {
        const { state, groups, records } = c.torch_to_lrsched;
        const opt = makeOptimizer(c.optimizer);
        const s = makeScheduler(c.scheduler, opt);
        loadParamGroups(opt, groups);
        s.loadStateDict(JSON.parse(JSON.stringify(state)));
        continueAgainst(s, opt, rest, records, "lrsched after PyTorch's state");
        pass(`${cls} PyTorch ${fx.torch_version} -> lrsched`);
      });

      it(`${cls} ${c.name}: lrsched's state at step ${c.at} -> JSON -> PyTorch continues lrsched's run`, () => {
        const { state, groups, records } = c.lrsched_to_torch;
        const opt = makeOptimizer(c.optimizer);
        const s = makeScheduler(c.scheduler, opt);
        c.steps.slice(0, c.at).forEach((a) => stepWith(s, a));
        // the state PyTorch loaded is still the one lrsched saves here
        expect(JSON.parse(JSON.stringify(s.stateDict()))).toEqual(state);
        expect(saveParamGroups(opt)).toEqual(groups);
        continueAgainst(s, opt, rest, records, "lrsched's uninterrupted run vs PyTorch after lrsched's state");
        pass(`${cls} lrsched -> PyTorch ${fx.torch_version}`);
      });
    }
  });
}

afterAll(() => {
  if (!process.env.LRSCHED_REPORT) return;
  const rows = [...passed.entries()].sort().map(([k, v]) => `${k.padEnd(52)} ${v}`);
  console.log(`interop cases passed:\n${rows.join("\n")}\nlargest relative error: ${largest.toExponential(2)}`);
});
