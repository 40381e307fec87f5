// The numbers of this package's README: the quick start's values, every default the factory tables
// state (against the registry's fields), linearScaling's example, the step range, the tolerances.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MAX_STEP, cosineDecay, linearScaling, scheduleTypes } from "../src/index";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");
const text = readFileSync(join(PACKAGE, "README.md"), "utf8");
const readme = text.replace(/\s+/g, " ");

/** `key = value` pairs of the factories named in the README's tables. */
function tableDefaults(): { factory: string; key: string; value: string }[] {
  return [...text.matchAll(/^\| `(\w+)\((?:\w+, )?\{([^}]*)\}\)` \|/gm)].flatMap(([, factory, args]) =>
    [...args.matchAll(/(\w+) = ([^,]+)/g)].map(([, key, value]) => ({ factory, key, value: value.trim() })),
  );
}
/** A README default as a value: numbers, booleans, null, 'strings'. */
const parse = (v: string): unknown => (v === "null" ? null : v === "true" ? true : v === "false" ? false : /^'.*'$/.test(v) ? v.slice(1, -1) : Number(v));

describe("README.md", () => {
  it("quick start values", () => {
    const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000, alpha: 0.01 });
    expect(readme).toContain(`s.at(500); // ${Number(s.at(500).toPrecision(3))} (pure TS`);
    const spec = s.toSpec();
    expect(readme).toContain(`s.toSpec(); // {type: "${spec.type}", initialLearningRate: ${spec.initialLearningRate}, decaySteps: ${spec.decaySteps}, alpha: ${spec.alpha}, ...}`);
    const keras = s.toKeras();
    expect(readme).toContain(`s.toKeras(); // {class_name: "${keras.class_name}", config: {initial_learning_rate: ${keras.config.initial_learning_rate}, decay_steps: ${keras.config.decay_steps}, ...}}`);
  });

  const defaults = tableDefaults();
  it("finds the tables' defaults", () => {
    expect(defaults.length).toBeGreaterThan(20);
  });

  it.each(defaults.filter((d) => d.factory !== "linearScaling").map((d) => [`${d.factory}: ${d.key} = ${d.value}`, d] as const))(
    "%s is the factory's default",
    (_, { factory, key, value }) => {
      const type = scheduleTypes.find((t) => t.type === factory);
      expect(type, `${factory} is not a schedule type`).toBeDefined();
      const field = type!.fields[key] as { default?: unknown } | undefined;
      expect(field?.default, `${factory}.${key}`).toEqual(parse(value));
    },
  );

  it("linearScaling: its defaults, its rule and the example", () => {
    expect(readme).toContain("`linearScaling({baseLr = 0.1, baseBatch = 256, batch})` | the ResNet rule, a number: `0.1 · batch / 256`");
    expect(linearScaling({ batch: 256 })).toBe(0.1);
    expect(linearScaling({ batch: 512, baseBatch: 512, baseLr: 0.3 })).toBe(0.3);
    expect(readme).toContain(`const lr = linearScaling({ batch: 1024 }); // ${linearScaling({ batch: 1024 })}`);
  });

  it("the step range", () => {
    expect(MAX_STEP).toBe(2 ** 53 - 1);
    expect(readme).toContain("Steps are numbers in [0, 2^53 − 1]");
  });

  it("the smallest f32 rate", () => {
    expect(Math.fround(1e-46)).toBe(0);
    expect(Number(Math.fround(1.401298464324817e-45).toPrecision(2))).toBe(1.4e-45);
    expect(readme).toContain("rates below ~1.4e-45 underflow to 0 in f32");
  });

  it.each([
    [/`curve\(\)`[^.]{0,40} is within 1e-6 relative of the exact f64 formula/, "test/kerasFormulas.test.ts", /toBeLessThanOrEqual\(1e-6\)/],
    [/cyclic and oneCycle step by step to 1e-9/, "test/torchConformance.test.ts", /agree\(cyclic\(.*, 1e-9\)/],
  ])("%s: the tolerance of %s", (claim, file, tolerance) => {
    expect(readme).toMatch(claim);
    expect(readFileSync(join(PACKAGE, file), "utf8")).toMatch(tolerance);
  });
});
