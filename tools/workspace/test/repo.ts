// The repository as files: its root, its manifests, its workspace packages.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export const readText = (path: string) => readFileSync(join(ROOT, path), "utf8");
export const readJson = <T = Record<string, unknown>>(path: string): T => JSON.parse(readText(path)) as T;

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Every workspace package: its directory (relative to the root) and its package.json. */
export function workspacePackages(): { dir: string; manifest: Manifest }[] {
  return readdirSync(join(ROOT, "packages"))
    .filter((d) => existsSync(join(ROOT, "packages", d, "package.json")))
    .map((d) => ({ dir: `packages/${d}`, manifest: readJson<Manifest>(`packages/${d}/package.json`) }));
}
