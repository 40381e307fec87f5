// optax: `schedule`, optax's own schedule functions (joined with join_schedules) where they give
// the schedule's rates, else a closed form in jax.numpy.
import type { Schedule } from "../schedule";
import { hasOptax, toOptax } from "../dialects/toOptax";
import type { OptaxConfig } from "../dialects/optax";
import { Emitter } from "./emitter";
import { pyLiteral } from "./literal";
import { scheduleCode } from "./scheduleCode";
import type { PythonCode } from "./toPythonCode";

/** optax.join_schedules of already written pieces. */
function joinSource(parts: readonly string[], boundaries: readonly number[], indent: string): string {
  const items = parts.map((p) => `${indent}        ${p},`).join("\n");
  return `optax.join_schedules(\n${indent}    schedules=[\n${items}\n${indent}    ],\n${indent}    boundaries=${pyLiteral([...boundaries])},\n${indent})`;
}

/** An optax call as Python source. */
function callSource(c: OptaxConfig, indent: string): string {
  if (c.fn === "join_schedules") {
    const parts = (c.kwargs.schedules as OptaxConfig[]).map((x) => callSource(x, `${indent}        `));
    return joinSource(parts, c.kwargs.boundaries as number[], indent);
  }
  const args = Object.entries(c.kwargs).map(([k, v]) => `${k}=${pyLiteral(v)}`);
  return `optax.${c.fn}(${args.join(", ")})`;
}

export function optaxCode(s: Schedule, header: string): PythonCode {
  const em = new Emitter("jnp");
  let closed = false;
  /** optax's call for `x`, a join of its pieces, or a closed-form function. */
  const source = (x: Schedule, indent: string): string => {
    if (hasOptax(x)) return callSource(toOptax(x), indent);
    if (x.type === "join") {
      const parts = (x.options.schedules as Schedule[]).map((c) => source(c, `${indent}        `));
      return joinSource(parts, x.options.boundaries as number[], indent);
    }
    closed = true;
    const root = scheduleCode(x, em);
    return em.def("schedule", ["x = jnp.asarray(x, dtype=float)", `return ${root}(x)`], `lrsched's ${x.type} as a closed form of the step count`);
  };
  const expr = source(s, "");
  return {
    form: closed ? "closed form" : "native",
    code: `${header}
${em.f.imports.join("\n")}

import optax
${em.source() ? `\n\n${em.source()}\n\n` : "\n"}
schedule = ${expr}
`,
  };
}
