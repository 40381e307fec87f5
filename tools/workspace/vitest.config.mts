import { defineConfig } from "vitest/config";

// Checks of the repository as a newcomer meets it: install, scripts, ignore rules, the numbers the
// READMEs state. They read files across the whole workspace, so nx does not cache them.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
