// The repository root and its files, for checks that read what is committed.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const readText = (path: string) => readFileSync(join(ROOT, path), "utf8");
export const exists = (path: string) => existsSync(join(ROOT, path));
