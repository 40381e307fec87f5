// Python's float arithmetic in JS: the correctly rounded logarithm against CPython's math.log
// (recorded with the timm fixtures), and floor division against Python's //.
import { describe, expect, it } from "vitest";
import { bisectRight, correctLog, floorPyLog, pyFloorDiv } from "../src/pyMath";
import { fixture } from "./support/fixtures";

describe("correctLog is CPython's math.log, bit for bit", () => {
  const { logs } = fixture<{ logs: [number, number][] }>("timm.json");
  it(`${logs.length} values`, () => {
    const wrong = logs.filter(([x, want]) => correctLog(x) !== want);
    expect(wrong).toEqual([]);
    // the reason it exists: Math.log misses some by an ulp
    expect(logs.some(([x, want]) => Math.log(x) !== want)).toBe(true);
  });

  it("floorPyLog floors the quotient of correctly rounded logs", () => {
    const ln3 = correctLog(3);
    expect(floorPyLog(243, ln3)).toBe(Math.floor(correctLog(243) / ln3));
    expect(floorPyLog(10, ln3)).toBe(2);
  });
});

describe("pyFloorDiv is Python's //", () => {
  it.each([
    [7, 2, 3], [-7, 2, -4], [7, -2, -4], [7.5, 2.5, 3], [1, 0.1, 9], [0.3, 0.1, 2], [5, 5, 1], [0, 3, 0],
  ])("%d // %d = %d", (a, b, want) => {
    expect(pyFloorDiv(a, b)).toBe(want);
  });

  it("bisectRight counts entries <= x", () => {
    expect([0, 1, 3, 4, 4.5, 10].map((x) => bisectRight([1, 4, 4, 7], x))).toEqual([0, 1, 1, 3, 3, 4]);
  });
});
