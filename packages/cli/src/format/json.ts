// JSON: one object, the schedule's spec and sampling beside the rates, streamed value by value.
import type { CurveMeta, Encoder } from "./encoder";

export function jsonEncoder(meta: CurveMeta): Encoder {
  return {
    dtype: "float64",
    header: (count) =>
      `{"schedule":${JSON.stringify(meta.spec)},"start":${meta.start},"every":${meta.every},"count":${count},"lr":[`,
    chunk(values, _firstStep, _every, index) {
      const parts = new Array<string>(values.length);
      for (let i = 0; i < values.length; i++) parts[i] = String(values[i]);
      return (index > 0 && values.length > 0 ? "," : "") + parts.join(",");
    },
    footer: () => "]}\n",
  };
}
