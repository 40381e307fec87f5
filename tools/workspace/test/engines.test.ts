// The supported Node versions are one statement: the root's `engines`. Every installed package must
// accept every version it allows (so `npm ci` prints no EBADENGINE on a supported Node), and every
// workspace package may promise only what its own runtime dependencies accept.
import semver from "semver";
import { describe, expect, it } from "vitest";
import { readJson, readText, workspacePackages, type Manifest } from "./repo";

interface LockEntry {
  version?: string;
  link?: boolean;
  optional?: boolean;
  engines?: { node?: string } | string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const lock = readJson<{ packages: Record<string, LockEntry> }>("package-lock.json");
const root = readJson<Manifest>("package.json");
const supported = root.engines?.node ?? "";

const nodeRange = (e: LockEntry) => (Array.isArray(e.engines) ? undefined : e.engines?.node);

/** Where npm resolves `name` from the package installed at `from` (node_modules lookup upwards). */
function resolve(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.includes("/node_modules/") ? dir.slice(0, dir.lastIndexOf("/node_modules/")) : "") {
    const at = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[at]) return lock.packages[at].link ? (lock.packages[at] as { resolved?: string }).resolved : at;
    if (!dir) return undefined;
  }
}

/** The installed packages a workspace package needs at run time (dependencies, peers, optionals). */
function runtimeClosure(dir: string): string[] {
  const seen = new Set<string>();
  const visit = (at: string) => {
    const e = lock.packages[at];
    if (!e) return;
    for (const name of Object.keys({ ...e.dependencies, ...e.peerDependencies, ...e.optionalDependencies })) {
      const found = resolve(at, name);
      if (found !== undefined && !seen.has(found)) {
        seen.add(found);
        visit(found);
      }
    }
  };
  visit(dir);
  return [...seen];
}

describe("Node versions", () => {
  it("the root states a valid range", () => {
    expect(semver.validRange(supported), supported).not.toBeNull();
  });

  it("every package in the lockfile accepts every supported Node version", () => {
    const refusing = Object.entries(lock.packages)
      .filter(([, e]) => nodeRange(e) !== undefined && !semver.subset(supported, nodeRange(e)!))
      .map(([at, e]) => `${at}@${e.version}: node ${nodeRange(e)}`);
    expect(refusing).toEqual([]);
  });

  it.each(workspacePackages().map((p) => [p.manifest.name, p] as const))(
    "%s promises no Node version its runtime dependencies refuse",
    (_, { dir, manifest }) => {
      const own = manifest.engines?.node;
      expect(own, `${dir}/package.json engines.node`).toBeDefined();
      const refusing = runtimeClosure(dir)
        .filter((at) => nodeRange(lock.packages[at]) !== undefined && !semver.subset(own!, nodeRange(lock.packages[at])!))
        .map((at) => `${at}: node ${nodeRange(lock.packages[at])}`);
      expect(refusing).toEqual([]);
    },
  );

  it("the README states the same range", () => {
    expect(readText("README.md")).toContain(`Node \`${supported}\``);
  });

  it("the current Node is a supported one (CI runs on what the README promises)", () => {
    expect(semver.satisfies(process.versions.node, supported), `node ${process.versions.node} vs ${supported}`).toBe(true);
  });
});
