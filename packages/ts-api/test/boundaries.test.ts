import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countAtOrBelow, countBelow } from "../src/boundaries";

describe("locating a step among boundaries", () => {
  it("counts bounds below / at or below a step, for few (linear) and many (binary) bounds", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 0, maxLength: 40 }),
        fc.double({ min: -1, max: 1001, noNaN: true }),
        (raw, x) => {
          const bounds = Float64Array.from(raw.sort((a, b) => a - b));
          expect(countBelow(bounds, x)).toBe(raw.filter((b) => b < x).length);
          expect(countAtOrBelow(bounds, x)).toBe(raw.filter((b) => b <= x).length);
          // on a boundary itself the two rules differ by that boundary
          if (raw.length) expect(countAtOrBelow(bounds, raw[0]!) - countBelow(bounds, raw[0]!)).toBe(1);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
