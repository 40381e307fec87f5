import { describe, expect, it } from "vitest";
import { tensorflowRuntime } from "../src/index";
import { probeNodeBindings } from "../src/runtime";

describe("tensorflowRuntime", () => {
  it("falls back to the pure-JS backend when @tensorflow/tfjs-node is not installed", () => {
    // This machine cannot install tfjs-node (it downloads libtensorflow), so the probe fails.
    expect(tensorflowRuntime()).toEqual({ nodeBindings: false, reason: "@tensorflow/tfjs-node is not installed" });
    expect(tensorflowRuntime()).toBe(tensorflowRuntime());
  });

  it("uses the bindings when the package loads", () => {
    const loaded: string[] = [];
    expect(probeNodeBindings((id) => loaded.push(id))).toEqual({ nodeBindings: true });
    expect(loaded).toEqual(["@tensorflow/tfjs-node"]);
  });

  it("reports an installed but broken package as a load failure, not as missing", () => {
    const broken = () => {
      throw Object.assign(new Error("libtensorflow.so.2: cannot open shared object file\nmore"), { code: "ERR_DLOPEN_FAILED" });
    };
    expect(probeNodeBindings(broken)).toEqual({
      nodeBindings: false,
      reason: "@tensorflow/tfjs-node failed to load: libtensorflow.so.2: cannot open shared object file",
    });
    const missingDependency = () => {
      throw Object.assign(new Error("Cannot find module '@mapbox/node-pre-gyp'"), { code: "MODULE_NOT_FOUND" });
    };
    expect(probeNodeBindings(missingDependency).reason).toMatch(/^@tensorflow\/tfjs-node failed to load/);
  });

  it("says why when there is no Node require", () => {
    expect(probeNodeBindings("not running on Node.js")).toEqual({ nodeBindings: false, reason: "not running on Node.js" });
  });
});
