// CSV with a `step,lr` header; rates in the shortest text that reads back as the same f64.
import type { Encoder } from "./encoder";

export function csvEncoder(): Encoder {
  return {
    dtype: "float64",
    header: () => "step,lr\n",
    chunk(values, firstStep, every) {
      const lines = new Array<string>(values.length);
      for (let i = 0; i < values.length; i++) lines[i] = `${firstStep + i * every},${values[i]}\n`;
      return lines.join("");
    },
    footer: () => "",
  };
}
