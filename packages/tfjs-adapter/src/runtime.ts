/**
 * How TensorFlow.js runs under this adapter.
 *
 * @example
 * ```ts
 * import { tensorflowRuntime, type TensorFlowRuntime } from "@lrsched/tfjs-adapter";
 * const runtime: TensorFlowRuntime = tensorflowRuntime();
 * typeof runtime.nodeBindings; // → "boolean"
 * ```
 */
export interface TensorFlowRuntime {
  /** True when `@tensorflow/tfjs-node` loaded and registered its native 'tensorflow' backend. */
  readonly nodeBindings: boolean;
  /** Why the native bindings are not in use, when they are not. */
  readonly reason?: string;
}

type Load = (id: string) => unknown;

// Set to true by the browser build (tsup `define`), which then drops the Node probe below, so the
// bundle carries no `node:module` lookup and no `import.meta.url` resolution.
declare const __LRSCHED_BROWSER__: boolean | undefined;
const browserBuild = typeof __LRSCHED_BROWSER__ !== "undefined" && __LRSCHED_BROWSER__;

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

/** Node's `require`, resolved from this file, or why there is none (browsers, old Node). */
function nodeRequire(): Load | string {
  if (browserBuild) return "not running on Node.js (browser build)";
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (!proc?.versions?.node) return "not running on Node.js";
  const mod = proc.getBuiltinModule?.("node:module") as { createRequire?: (from: string) => Load } | undefined;
  if (!mod?.createRequire) return "this Node.js has no process.getBuiltinModule (needs 20.16+)";
  return mod.createRequire(import.meta.url);
}

/**
 * Tries to load `@tensorflow/tfjs-node` with `load`. It registers its native backend with a
 * higher priority than the pure-JS CPU one, so TensorFlow.js picks it for the first tensor made
 * afterwards. Any failure (not installed, native library missing) leaves the pure-JS backend.
 */
export function probeNodeBindings(load: Load | string = nodeRequire()): TensorFlowRuntime {
  if (typeof load === "string") return { nodeBindings: false, reason: load };
  try {
    load("@tensorflow/tfjs-node");
    return { nodeBindings: true };
  } catch (e) {
    const message = String((e as Error)?.message ?? e).split("\n")[0];
    // Only the package itself missing means "not installed"; a missing dependency of it is a failure.
    const missing = (e as { code?: unknown })?.code === "MODULE_NOT_FOUND" && message.includes("'@tensorflow/tfjs-node'");
    const reason = missing ? "@tensorflow/tfjs-node is not installed" : `@tensorflow/tfjs-node failed to load: ${message}`;
    return { nodeBindings: false, reason };
  }
}

let detected: TensorFlowRuntime | undefined;

/**
 * Whether the native `@tensorflow/tfjs-node` backend is available. The package probes for it once,
 * when first imported — import it before building models so their tensors live on the native
 * backend. Without it, training runs on `@tensorflow/tfjs`'s pure-JS CPU backend.
 *
 * @example
 * tensorflowRuntime(); // { nodeBindings: false, reason: '@tensorflow/tfjs-node is not installed' }
 */
export function tensorflowRuntime(): TensorFlowRuntime {
  return (detected ??= Object.freeze(probeNodeBindings()));
}
