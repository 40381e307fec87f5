import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    shims: true,
    sourcemap: true,
    target: "es2022",
  },
  {
    // the executable: ESM only, with a shebang
    entry: { bin: "src/bin.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "es2022",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
