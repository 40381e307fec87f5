import { defineConfig } from "vitest/config";

// The documentation's checks: pictures match the code, the API reference builds without a warning,
// every guide's code runs. They read files across the workspace, so nx does not cache them.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
