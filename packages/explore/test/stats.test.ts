import { describe, expect, it } from "vitest";
import { describeSample, pairedSummary, studentTCentral, studentTQuantile, verdictOf, type SummaryEntry } from "../src/index";
import { formatDiff } from "../src/stats/metrics";

describe("Student t quantiles", () => {
  // t_{0.975, df} as printed in standard tables (three decimals)
  const TABLE: [number, number][] = [
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [4, 2.776],
    [5, 2.571],
    [9, 2.262],
    [10, 2.228],
    [29, 2.045],
    [30, 2.042],
    [60, 2.0],
    [120, 1.98],
  ];
  it.each(TABLE)("t(0.975, %i) = %d to the table's three decimals", (df, t) => {
    expect(Math.abs(studentTQuantile(0.975, df) - t)).toBeLessThanOrEqual(0.0005);
  });

  it("matches the closed forms for 1 and 2 degrees of freedom to 1e-12", () => {
    for (const p of [0.6, 0.9, 0.95, 0.975, 0.995, 0.9995]) {
      // df 1 is the Cauchy distribution: tan(pi (p - 1/2))
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      // df 2: (2p - 1) / sqrt(2 p (1 - p))
      const exact = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      expect(Math.abs(studentTQuantile(p, 2) - exact) / exact).toBeLessThan(1e-12);
    }
  });

  it("is odd around the median and the CDF inverts it", () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-studentTQuantile(0.975, 4), 12);
    for (const df of [1, 2, 3, 8, 25]) expect(studentTCentral(studentTQuantile(0.975, df), df)).toBeCloseTo(0.95, 12);
  });

  it("rejects degrees of freedom and probabilities out of range", () => {
    expect(() => studentTQuantile(0.975, 0)).toThrow("df must be an integer >= 1, got 0");
    expect(() => studentTQuantile(1, 3)).toThrow("p must be a probability strictly between 0 and 1, got 1");
  });
});

describe("summaries paired by seed", () => {
  it("mean, sample std and the t interval of a sample, by hand", () => {
    // 1, 2, 3: mean 2, std 1, half-width t(0.975, 2) / sqrt(3)
    const d = describeSample([1, 2, 3]);
    const half = studentTQuantile(0.975, 2) / Math.sqrt(3);
    expect(d.mean).toBe(2);
    expect(d.std).toBeCloseTo(1, 15);
    expect(d.ci95?.[0]).toBeCloseTo(2 - half, 14);
    expect(d.ci95?.[1]).toBeCloseTo(2 + half, 14);
    expect(half).toBeCloseTo(4.302652729911275 / Math.sqrt(3), 9);
    expect(describeSample([5])).toEqual({ n: 1, mean: 5, std: null, ci95: null });
  });

  it("differences are taken seed by seed", () => {
    const base = { label: "constant", bySeed: new Map([[1, 0.9], [2, 0.8], [3, 0.85]]) };
    const cos = { label: "cosine", bySeed: new Map([[1, 0.92], [2, 0.83], [3, 0.86]]) };
    const [b, c] = pairedSummary([base, cos], "accuracy", "constant");
    expect(b.vsBaseline).toBeNull();
    // per-seed differences 0.02, 0.03, 0.01: mean 0.02, std 0.01
    expect(c.vsBaseline?.meanDiff).toBeCloseTo(0.02, 14);
    const half = (studentTQuantile(0.975, 2) * 0.01) / Math.sqrt(3);
    expect(c.vsBaseline?.ci95?.[0]).toBeCloseTo(0.02 - half, 12);
    expect(c.vsBaseline?.ci95?.[1]).toBeCloseTo(0.02 + half, 12);
    // 0.92, 0.83, 0.86 about their mean 0.87: squares 0.0025 + 0.0016 + 0.0001 over 2; unpaired, this
    // spread would hide the same lift
    expect(c.std).toBeCloseTo(Math.sqrt(0.0042 / 2), 12);
    expect(c).toMatchObject({ label: "cosine", metric: "accuracy", seeds: 3 });
  });

  it("intervals stay within the values the metric can take (two seeds' t interval once read -66 % to 230 %)", () => {
    const base = { label: "constant", bySeed: new Map([[1, 0.95], [2, 0.35]]) };
    const step = { label: "step", bySeed: new Map([[1, 0.1], [2, 0.9]]) };
    const [b, s] = pairedSummary([base, step], "accuracy", "constant");
    // t(0.975, 1) = 12.71: 0.65 +- 12.71 * 0.3 without the cut
    expect(b.ci95).toEqual([0, 1]);
    expect(s.vsBaseline?.ci95).toEqual([-1, 1]);
    const near = pairedSummary([{ label: "a", bySeed: new Map([[1, 0.9], [2, 0.91], [3, 0.92]]) }], "accuracy", null)[0]!;
    expect(near.ci95).toEqual(describeSample([0.9, 0.91, 0.92]).ci95); // an interval inside the range is left alone
    const loss = pairedSummary([{ label: "a", bySeed: new Map([[1, 0.01], [2, 0.5]]) }], "loss", null)[0]!;
    expect(loss.ci95![0]).toBe(0);
    expect(loss.ci95![1]).toBeCloseTo(0.255 + studentTQuantile(0.975, 1) * describeSample([0.01, 0.5]).std! / Math.sqrt(2), 12);
  });
});

describe("the verdict", () => {
  const entry = (label: string, mean: number, diff: number | null, ci: [number, number] | null, seeds = 3): SummaryEntry => ({
    label,
    metric: "accuracy",
    seeds,
    mean,
    std: seeds > 1 ? 0.01 : null,
    ci95: seeds > 1 ? [mean - 0.01, mean + 0.01] : null,
    // the spread of the differences that gives `ci` at 95 %
    vsBaseline: diff === null ? null : { meanDiff: diff, seeds, std: ci && seeds > 1 ? ((ci[1] - ci[0]) / 2 / studentTQuantile(0.975, seeds - 1)) * Math.sqrt(seeds) : null, ci95: ci },
  });

  it("the best of several schedules must clear the interval the family needs (Bonferroni), not a single 95 % one", () => {
    // 7 schedules against the baseline, 5 seeds: the best one's 95 % interval excludes 0 ...
    const others = ["step", "exp", "cos", "wcos", "cyc", "one"].map((l, i) => entry(l, 0.9 + 0.001 * i, 0.001 * i, [0.001 * i - 0.02, 0.001 * i + 0.02], 5));
    const lucky = entry("lucky", 0.912, 0.012, [0.002, 0.022], 5);
    const v = verdictOf([entry("constant", 0.9, null, null, 5), ...others, lucky], "accuracy", "constant");
    expect(v).toMatchObject({ best: "lucky", significant: false });
    // ... but at 1 - 0.05/7 the same spread gives t(0.99643, 4) = 5.6 instead of 2.78
    const sd = lucky.vsBaseline!.std!;
    const half = (studentTQuantile(1 - 0.025 / 7, 4) * sd) / Math.sqrt(5);
    expect(half / 0.01).toBeCloseTo(studentTQuantile(1 - 0.025 / 7, 4) / studentTQuantile(0.975, 4), 12);
    expect(v.text).toBe(
      `'lucky' has the best mean validation accuracy, +1.20 pt against the fixed rate 'constant' (95 % interval +0.20 pt to +2.20 pt, paired over 5 seeds), but at the 99.3 % level that 7 schedules compared need, the interval ${formatDiff("accuracy", 0.012 - half)} to +${(100 * (0.012 + half)).toFixed(2)} pt includes 0: the best of 7 clears a single 95 % interval by chance too often to call this a lift. More seeds narrow the interval.`,
    );
    // a lift clear of the family's interval too is real, and the text gives both intervals
    const clear = entry("clear", 0.95, 0.05, [0.04, 0.06], 5);
    const w = verdictOf([entry("constant", 0.9, null, null, 5), ...others, clear], "accuracy", "constant");
    expect(w).toMatchObject({ best: "clear", significant: true });
    expect(w.text).toMatch(/\(95 % interval \+4\.00 pt to \+6\.00 pt, paired over 5 seeds; \+\d\.\d\d pt to \+\d\.\d\d pt at the 99\.3 % level that 7 schedules compared need\): the lift is real at this level\.$/);
  });

  it("identical differences need the family's level too: 2^(1-n) < 0.05 / k", () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const constant = { label: "constant", bySeed: new Map(seeds.map((k) => [k, 0.9])) };
    const flat = (label: string) => ({ label, bySeed: new Map(seeds.map((k) => [k, 0.9 + 0.001 * ((k % 2) - 0.5)])) });
    const same = { label: "same", bySeed: new Map(seeds.map((k) => [k, 0.92])) };
    const v = verdictOf(pairedSummary([constant, flat("a"), flat("b"), same], "accuracy", "constant"), "accuracy", "constant");
    // 3 compared: p = 2^-5 = 0.031 is above 0.05 / 3 = 0.017; 7 seeds would give 0.016
    expect(v).toMatchObject({ best: "same", significant: false });
    expect(v.text).toContain("(p = 0.031; 0.017 needed (adjusted for the 3 schedules compared)). Run at least 7 seeds");
  });

  it("the same difference in every seed is not a proof below 6 seeds (an interval of no width once read 'real' over 2 seeds)", () => {
    const run = (n: number) => {
      const seeds = Array.from({ length: n }, (_, k) => k + 1);
      return verdictOf(pairedSummary([
        { label: "constant", bySeed: new Map(seeds.map((k) => [k, 0.9 + 0.01 * k])) },
        { label: "cosine", bySeed: new Map(seeds.map((k) => [k, 0.92 + 0.01 * k])) },
      ], "accuracy", "constant"), "accuracy", "constant");
    };
    for (const n of [2, 3, 5]) {
      const v = run(n);
      expect(v).toMatchObject({ best: "cosine", significant: false });
      expect(v.lift).toBeCloseTo(0.02, 12);
      expect(v.text).toContain(`the same in every seed: with no spread between seeds the interval cannot be estimated, and ${n} identical signs are not enough for a sign test (p = ${(2 ** (1 - n)).toPrecision(2)}). Run at least 6 seeds`);
    }
    const six = run(6);
    expect(six.significant).toBe(true);
    expect(six.text).toContain("(exact sign test over 6 seeds: p = 0.031): the lift is real at this level.");
  });

  it("a lift whose paired interval excludes 0 is significant", () => {
    const v = verdictOf([entry("constant", 0.9, null, null), entry("cosine", 0.92, 0.02, [0.0051, 0.0349])], "accuracy", "constant");
    expect(v).toMatchObject({ best: "cosine", significant: true });
    expect(v.lift).toBeCloseTo(0.02, 15);
    expect(v.text).toBe("'cosine' has the best mean validation accuracy, +2.00 pt against the fixed rate 'constant' (95 % interval +0.51 pt to +3.49 pt, paired over 3 seeds): the lift is real at this level.");
  });

  it("an interval that includes 0 shows no lift", () => {
    const v = verdictOf([entry("constant", 0.9, null, null), entry("cosine", 0.904, 0.004, [-0.002, 0.01])], "accuracy", "constant");
    expect(v.significant).toBe(false);
    expect(v.text).toContain("includes 0: no lift shown");
  });

  it("one seed cannot show a lift, however large", () => {
    const v = verdictOf([entry("constant", 0.8, null, null, 1), entry("cosine", 0.95, 0.15, null, 1)], "accuracy", "constant");
    expect(v).toMatchObject({ best: "cosine", significant: false });
    expect(v.text).toContain("one seed cannot show a lift");
  });

  it("the baseline can win, and a lower loss is better", () => {
    const won = verdictOf([entry("constant", 0.95, null, null), entry("cosine", 0.9, -0.05, [-0.06, -0.04])], "accuracy", "constant");
    expect(won).toMatchObject({ best: "constant", lift: 0, significant: false });
    expect(won.text).toBe("No schedule beat the fixed rate 'constant' (validation accuracy 95.00 %, mean of 3 seeds).");
    const loss = (label: string, mean: number, diff: number | null, ci: [number, number] | null): SummaryEntry => ({ ...entry(label, mean, diff, ci), metric: "loss" });
    const v = verdictOf([loss("constant", 0.5, null, null), loss("cosine", 0.4, -0.1, [-0.15, -0.05])], "loss", "constant");
    expect(v).toMatchObject({ best: "cosine", significant: true });
    expect(v.lift).toBeCloseTo(0.1, 15);
  });

  it("no baseline: a best schedule but no lift; every run diverged: no best", () => {
    expect(verdictOf([entry("a", 0.9, null, null), entry("b", 0.91, null, null)], "accuracy", null)).toMatchObject({ best: "b", lift: null, significant: false });
    expect(verdictOf([entry("a", NaN, null, null)], "accuracy", "a")).toMatchObject({ best: null, significant: false });
  });
});
