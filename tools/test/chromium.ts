// Where the browser tests find Chromium. In CI (CI=true) a missing browser fails the run, since those
// tests are the only check of the packages in a web page; elsewhere they are skipped, saying why.
import { existsSync } from "node:fs";

const inCI = (env: NodeJS.ProcessEnv) => env.CI !== undefined && !["", "0", "false"].includes(env.CI.toLowerCase());

/**
 * The browser to launch for `suite` (`CHROMIUM_PATH`, default /usr/bin/chromium), or undefined after
 * printing why the suite is skipped. Throws when CI is set and the browser is missing.
 */
export function chromiumFor(suite: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(path)) return path;
  const reason = `no Chromium at ${path} (install it, or point CHROMIUM_PATH at one)`;
  if (inCI(env)) throw new Error(`${suite}: ${reason}; CI is set, so the browser tests must run, not skip`);
  console.warn(`skipping ${suite}: ${reason}`);
  return undefined;
}
