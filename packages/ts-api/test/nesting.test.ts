// One nesting limit for every way of building a composite: factories, specs and Keras configs
// refuse a schedule nested deeper than MAX_NESTING levels when it is built, with an LrschedError
// naming the limit, so nothing later (curve, toSpec, chunks, at) can exhaust the stack; and what a
// factory can build, fromSpec(s.toSpec()) rebuilds.
import { describe, expect, it } from "vitest";
import { caught } from "../../../tools/test/caught";
import { LrschedError, MAX_NESTING, constant, fromSpec, join, scale, warmup, type Schedule } from "../src";

/** `levels` scale() calls around a constant, or the LrschedError the first refused one throws. */
function scaled(levels: number): Schedule | LrschedError {
  let s: Schedule = constant({ value: 0.1 });
  for (let i = 0; i < levels; i++) {
    const e = caught(() => (s = scale(s, 1)));
    if (e !== undefined) return e as LrschedError;
  }
  return s;
}

describe("composites nest at most MAX_NESTING levels", () => {
  it("MAX_NESTING is 32, the limit specs always had", () => {
    expect(MAX_NESTING).toBe(32);
  });

  it("5,000 nested scale() calls stop at level 33 with an LrschedError naming the limit (once RangeError later)", () => {
    const e = scaled(5000);
    expect(e).toBeInstanceOf(LrschedError);
    expect((e as LrschedError).path).toBe("schedule");
    expect((e as LrschedError).message).toBe("schedule nests schedules deeper than 32 levels (lrsched's limit for composites)");
  });

  it("a join nested 1e4 deep is refused when built, not at at()", () => {
    let s: Schedule = constant({ value: 0.1 });
    let e: unknown;
    for (let i = 0; i < 10_000 && e === undefined; i++) e = caught(() => (s = join([constant({ value: 1 }), s], [5])));
    expect(e).toBeInstanceOf(LrschedError);
    expect((e as LrschedError).path).toBe("schedules[1]");
    expect(s.at(1000)).toBe(0.1);
  });

  it("what a factory builds at the limit, fromSpec(s.toSpec()) rebuilds; one level more fails both ways", () => {
    const deepest = scaled(MAX_NESTING) as Schedule;
    expect(deepest).not.toBeInstanceOf(LrschedError);
    const spec = JSON.parse(JSON.stringify(deepest.toSpec()));
    const back = fromSpec(spec);
    expect(Array.from(back.curve(10, { dtype: "float64" }))).toEqual(Array.from(deepest.curve(10, { dtype: "float64" })));
    expect([...deepest.chunks(10, { chunkSize: 3 })].length).toBe(4);
    const e1 = caught(() => scale(deepest, 1)) as LrschedError;
    const e2 = caught(() => fromSpec({ type: "scale", factor: 1, schedule: spec })) as LrschedError;
    expect(e1).toBeInstanceOf(LrschedError);
    expect(e2).toBeInstanceOf(LrschedError);
    expect(e1.rule).toBe(e2.rule);
  });

  it("a spec holding built schedules counts their own nesting", () => {
    const deep = scaled(MAX_NESTING - 1) as Schedule;
    expect(() => warmup(deep, { warmupSteps: 3 })).not.toThrow();
    const e = caught(() => fromSpec({ type: "scale", factor: 2, schedule: { type: "warmup", warmupSteps: 3, schedule: deep } }));
    expect(e).toBeInstanceOf(LrschedError);
    expect((e as LrschedError).path).toBe("schedule");
  });
});
