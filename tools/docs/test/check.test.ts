// `// → value` checks: numbers to the precision shown, wherever they sit in the value shown.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ES module
import { check } from "../examples/check.mjs";

describe("check", () => {
  it("matches each number shown to the number computed, to the decimals shown", () => {
    expect(() => check([0.8703172, 12.7062], "[0.8703, 12.706]", "here")).not.toThrow();
    expect(() => check(0.8703172, "0.8704", "here")).toThrow("here: value is 0.8703172, the example shows 0.8704");
  });

  it("takes no number from a key that holds digits", () => {
    const described = { n: 3, ci95: [0.8703172, 0.9696827] };
    expect(() => check(described, "{ n: 3, ci95: [0.8703, 0.9697] }", "here")).not.toThrow();
    expect(() => check(described, "{ n: 3, ci95: [0.8703, 0.9690] }", "here")).toThrow(".ci95[1] is 0.9696827, the example shows 0.9690");
  });
});
