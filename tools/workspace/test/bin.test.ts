// `npx lrsched` from the root of a fresh clone: npm links the command at install time, before any
// build, so it must point at a committed file, and no package may shadow it.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, readJson, workspacePackages, type Manifest } from "./repo";

const packages = workspacePackages();
const bins = packages.flatMap(({ dir, manifest }) => Object.entries(manifest.bin ?? {}).map(([name, file]) => ({ dir, name, file })));
const tracked = new Set(spawnSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).stdout.split("\n"));

describe("the lrsched command in a clone", () => {
  it("the root package does not take the name of a command (npx would look for its bin instead)", () => {
    const root = readJson<Manifest>("package.json");
    expect(bins.map((b) => b.name)).not.toContain(root.name);
  });

  it.each(bins.map((b) => [`${b.name} (${b.dir})`, b] as const))("%s points at a committed, executable file", (_, b) => {
    const file = join(b.dir, b.file).replace(/\\/g, "/");
    expect(tracked.has(file), `${file} is not tracked by git`).toBe(true);
    expect(statSync(join(ROOT, file)).mode & 0o111, `${file} is not executable`).not.toBe(0);
  });

  it.each(bins.map((b) => [b.name, b] as const))("node_modules/.bin/%s is linked to it", (name, b) => {
    expect(realpathSync(join(ROOT, "node_modules", ".bin", name))).toBe(realpathSync(join(ROOT, b.dir, b.file)));
  });

  it("`npx lrsched --help` runs the built CLI from the root", () => {
    const r = spawnSync("npx", ["lrsched", "--help"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^lrsched \d+\.\d+\.\d+: /);
    expect(r.stdout).toContain("Usage: lrsched <command> [options]");
  });

  describe("before the build", () => {
    const dir = mkdtempSync(join(tmpdir(), "lrsched-unbuilt-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("says in one line how to build, and exits 1", () => {
      mkdirSync(join(dir, "bin"));
      writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
      copyFileSync(join(ROOT, "packages/cli/bin/lrsched.js"), join(dir, "bin", "lrsched.js"));
      const r = spawnSync(process.execPath, [join(dir, "bin", "lrsched.js"), "--help"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe("lrsched: packages/cli is not built yet: run `npm run build`\n");
      expect(r.status).toBe(1);
    });
  });
});
