// Closed forms against the rates real PyTorch produced (tools/conformance, torch 1.13):
// cyclic and oneCycle step by step to 1e-9 relative, and Keras forms against the PyTorch
// schedulers whose curves they equal.
import { describe, expect, it } from "vitest";
import { cosineAnnealing, cyclic, fromSpec, oneCycle, type Schedule } from "../src";
import { camelKeys, fixture } from "./support/fixtures";
import { maxRelErr } from "./support/compare";

interface Case {
  name: string;
  kwargs: Record<string, unknown>;
  lrs: number[];
}

function agree(s: Schedule, lrs: number[], tol: number) {
  const peak = Math.max(...lrs);
  const f64 = s.curve(lrs.length, { dtype: "float64" });
  expect(maxRelErr(f64, (i) => lrs[i], peak)).toBeLessThanOrEqual(tol);
  expect(maxRelErr(lrs.map((_, i) => s.at(i)), (i) => lrs[i], peak)).toBeLessThanOrEqual(tol);
  expect(maxRelErr(s.curve(lrs.length), (i) => lrs[i], peak)).toBeLessThanOrEqual(1e-6);
}

const { cases, torch_version } = fixture<{ torch_version: string; cases: Case[] }>("cyclic_onecycle.json");

describe(`cyclic and oneCycle equal PyTorch ${torch_version}`, () => {
  it.each(cases.filter((c) => c.name.startsWith("cyclic")).map((c) => [c.name, c] as const))("%s", (_, c) => {
    agree(cyclic(camelKeys(c.kwargs) as never), c.lrs, 1e-9);
  });
  it.each(cases.filter((c) => c.name.startsWith("onecycle")).map((c) => [c.name, c] as const))("%s", (_, c) => {
    agree(oneCycle(camelKeys(c.kwargs) as never), c.lrs, 1e-9);
  });
});

interface Equivalent extends Case {
  torch: string;
  spec: Record<string, unknown>;
}

describe("Keras forms equal the PyTorch schedulers with the same curve", () => {
  const eq = fixture<{ cases: Equivalent[] }>("keras_equivalents.json");
  it.each(eq.cases.map((c) => [`${c.spec.type} = ${c.torch} (${c.name})`, c] as const))("%s", (_, c) => {
    agree(fromSpec(c.spec), c.lrs, 1e-9);
  });
});

describe("cosineAnnealing is PyTorch's CosineAnnealingLR, also past T_max", () => {
  interface TorchCase {
    name: string;
    optimizer: { groups: { lr: number }[] };
    scheduler: { kwargs: { T_max: number; eta_min?: number; last_epoch?: number } };
    steps: (number | null)[];
    records: { lr: number[] }[];
  }
  const file = fixture<{ torch_version: string; cases: TorchCase[] }>("CosineAnnealingLR.json");
  // plain step() runs from the start (T_max > 0: the others are torch-compat's degenerate runs); the
  // recursive torch form is the closed form in exact arithmetic
  const plain = file.cases.filter((c) => c.steps.every((s) => s === null) && (c.scheduler.kwargs.last_epoch ?? -1) === -1 &&
    c.scheduler.kwargs.T_max > 0);
  it.each(plain.map((c) => [c.name, c] as const))("%s", (_, c) => {
    c.optimizer.groups.forEach((g, k) => {
      const s = cosineAnnealing({ initialLearningRate: g.lr, tMax: c.scheduler.kwargs.T_max, etaMin: c.scheduler.kwargs.eta_min ?? 0 });
      agree(s, c.records.map((r) => r.lr[k]), 1e-9);
    });
  });
  it("covers runs past T_max", () => {
    expect(plain.some((c) => c.records.length > 2 * c.scheduler.kwargs.T_max)).toBe(true);
  });
});
