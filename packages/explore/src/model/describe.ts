// A model in one line for reports: its layers and its size.
import type { LayersModel } from "@tensorflow/tfjs";

/** "Sequential: Dense 16 relu, Dense 3 softmax; 4 inputs, 3 outputs, 131 parameters". */
export function describeModel(model: LayersModel): string {
  const layers = model.layers.map((l) => {
    const c = l.getConfig() as { units?: unknown; filters?: unknown; activation?: unknown };
    const size = c.units ?? c.filters;
    return [l.getClassName(), size, typeof c.activation === "string" && c.activation !== "linear" ? c.activation : undefined].filter((x) => x !== undefined).join(" ");
  });
  const shown = layers.length > 8 ? [...layers.slice(0, 4), `... (${layers.length - 6} more)`, ...layers.slice(-2)] : layers;
  const inputs = model.inputs[0].shape.slice(1).join("x");
  const outputs = model.outputs[0].shape.slice(1).join("x");
  return `${model.getClassName()}: ${shown.join(", ")}; ${inputs} inputs, ${outputs} outputs, ${model.countParams().toLocaleString("en-US")} parameters`;
}
