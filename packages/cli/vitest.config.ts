import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // subprocess and training tests: generous on a loaded 2-core machine
    testTimeout: 120_000,
    hookTimeout: 120_000,
    setupFiles: ["../../tools/test/fast-check-seed.ts"],
  },
});
