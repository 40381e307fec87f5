// Browser tests never skip silently: in CI a missing Chromium is a failure, elsewhere the skip says why,
// and every test that launches a browser goes through the helper that decides.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chromiumFor } from "../../test/chromium";
import { ROOT } from "./repo";

const MISSING = join(ROOT, "no-such-chromium");

describe("chromiumFor", () => {
  afterEach(() => vi.restoreAllMocks());

  it("returns the browser when it is there", () => {
    expect(chromiumFor("suite", { CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  it.each(["true", "1", "yes"])("fails when CI=%s and the browser is missing", (ci) => {
    expect(() => chromiumFor("the suite", { CI: ci, CHROMIUM_PATH: MISSING })).toThrow(
      `the suite: no Chromium at ${MISSING} (install it, or point CHROMIUM_PATH at one); CI is set, so the browser tests must run, not skip`,
    );
  });

  it.each([undefined, "", "false", "0"])("skips with a printed reason when CI=%s", (ci) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(chromiumFor("the suite", { CI: ci, CHROMIUM_PATH: MISSING })).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(`skipping the suite: no Chromium at ${MISSING} (install it, or point CHROMIUM_PATH at one)`);
  });
});

/** Test sources of every package, recursively. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "node_modules" ? [] : testFiles(join(dir, e.name))) : /\.(ts|mts|js|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

it("every test that launches Chromium finds it with chromiumFor", () => {
  const launching = readdirSync(join(ROOT, "packages"))
    .flatMap((p) => {
      try {
        return testFiles(join(ROOT, "packages", p, "test"));
      } catch {
        return [];
      }
    })
    .filter((f) => /chromium\.launch\(/.test(readFileSync(f, "utf8")));
  expect(launching.length).toBeGreaterThan(0);
  const bypassing = launching.filter((f) => !/\bchromiumFor\(/.test(readFileSync(f, "utf8"))).map((f) => f.slice(ROOT.length + 1));
  expect(bypassing).toEqual([]);
});
