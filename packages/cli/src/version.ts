import { createRequire } from "node:module";

/** The package version, read from package.json at run time (one source of truth). */
export function version(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require("../package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}
