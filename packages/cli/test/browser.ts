// Headless Chromium for the page tests (Debian's chromium, driven by playwright-core; tools/test/chromium
// finds it), and a watch on a page's console errors and requests.
import type { Browser, Page } from "playwright-core";

/** Chromium at `path` with nothing of its own reaching the network (no updates, no sync, no first-run pages). */
export async function launchChromium(path: string): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: path,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Collects the page's console errors and warnings, uncaught errors, and every URL it requests. */
export function watch(page: Page): { errors: string[]; requests: string[] } {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  return { errors, requests };
}
