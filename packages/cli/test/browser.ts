// Headless Chromium for the page tests (Debian's chromium, driven by playwright-core), found by
// chromiumFor (skipped with a reason where it is missing, a failure in CI), and a watch on a page's
// console errors and requests.
import type { Browser, Page } from "playwright-core";
import { chromiumFor } from "../../../tools/test/chromium";

/** The browser of a test suite: whether it is there, and a launcher with nothing of Chromium's own reaching the network. */
export function browserFor(suite: string): { readonly available: boolean; launch(): Promise<Browser> } {
  const path = chromiumFor(suite);
  return {
    available: path !== undefined,
    async launch() {
      const { chromium } = await import("playwright-core");
      return chromium.launch({
        executablePath: path,
        args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
    },
  };
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
