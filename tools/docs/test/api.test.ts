// The API reference builds with TypeDoc without one warning: every export has a summary and an
// example, links resolve, nothing public refers to a type the reference leaves out.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scheduleTypes } from "@lrsched/ts-api";
// @ts-expect-error plain ES module
import { buildApi } from "../api/build.mjs";
// @ts-expect-error plain ES module
import { optionTable } from "../api/optionTable.mjs";
import { ROOT, cliOutput } from "./repo";

describe("the API reference", async () => {
  const out = mkdtempSync(join(tmpdir(), "lrsched-api-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const api = await buildApi(ROOT, out);

  it("builds with no warnings and no errors", () => {
    expect(api.warnings, api.log).toBe(0);
    expect(api.errors, api.log).toBe(0);
    expect(api.pages).toBeGreaterThan(100);
  });

  it("has a page per package and the guides", () => {
    for (const pkg of ["core", "ts-api", "torch-compat", "tfjs-adapter", "cli", "explore"]) {
      expect(readFileSync(join(out, "modules", `_lrsched_${pkg}.html`), "utf8")).toContain(`@lrsched/${pkg}`);
    }
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("choose-a-schedule");
  });

  it("shows every schedule factory with the option table `lrsched describe` prints", () => {
    const page = readFileSync(join(out, "functions", "_lrsched_ts-api.cosineDecay.html"), "utf8");
    expect(page).toContain("warmupSteps");
    expect(page).toContain("integer, &gt;= 0");
    expect(page).toContain("Floor, as a fraction of the peak rate.");
    for (const t of scheduleTypes) {
      const html = readFileSync(join(out, "functions", `_lrsched_ts-api.${t.type}.html`), "utf8");
      for (const name of Object.keys(t.fields)) expect(html, `${t.type}.${name}`).toContain(`<code>${name}</code>`);
    }
  });
});

describe("optionTable", () => {
  it("is one row per field, with the default and rules `lrsched describe` prints for it", async () => {
    for (const t of scheduleTypes) {
      const rows: string[] = optionTable(t).split("\n").slice(2);
      const described = await cliOutput(["describe", t.type]);
      expect(rows.length, t.type).toBe(Object.keys(t.fields).length);
      for (const row of rows) {
        const [, name, , def, rules] = row.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));
        const field = name.replace(/`/g, "");
        expect(described, `${t.type}.${field}`).toContain(`(${field}; ${def}${rules === "—" ? "" : `; ${rules}`})`);
      }
    }
    const cosine: string = optionTable(scheduleTypes.find((t) => t.type === "cosineDecay")!);
    expect(cosine.split("\n")).toContain("| `warmupSteps` | integer | default 0 | integer, >= 0 | Steps of linear warm-up. |");
  });
});
