// TypeDoc plugin for the lrsched API reference:
// - every schedule factory of @lrsched/ts-api (and its options interface) gets its option table,
//   generated from the field descriptors behind `lrsched describe` and the JSON Schema;
// - every top-level export must have a summary and an @example, or the build warns (and with
//   treatWarningsAsErrors, fails).
import { Converter, ReflectionKind } from "typedoc";
import { scheduleTypes } from "@lrsched/ts-api";
import { optionTable } from "./optionTable.mjs";

const TOP_LEVEL = ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Interface | ReflectionKind.TypeAlias | ReflectionKind.Variable | ReflectionKind.Enum;

/** The comment that documents a reflection: a function's is on its first signature. */
const commentOf = (r) => r.comment ?? r.signatures?.find((s) => s.comment)?.comment;

const upperFirst = (s) => s[0].toUpperCase() + s.slice(1);

function addOptionTables(project) {
  if (project.name !== "@lrsched/ts-api") return;
  for (const type of scheduleTypes) {
    const text = `\n\n**Options** of \`${type.type}\` (the same table \`lrsched describe ${type.type}\` prints and the spec JSON Schema holds):\n\n${optionTable(type)}\n`;
    for (const name of [type.type, `${upperFirst(type.type)}Options`]) {
      const r = project.getChildByName(name);
      const comment = r && commentOf(r);
      if (comment) comment.summary.push({ kind: "text", text });
    }
  }
}

function checkDocumented(project, logger) {
  for (const r of project.getReflectionsByKind(TOP_LEVEL)) {
    if (r.parent !== project) continue;
    const comment = commentOf(r);
    const where = `${r.getFriendlyFullName()} (${project.name})`;
    if (!comment || comment.summary.every((p) => p.text.trim() === "")) logger.warn(`${where} has no summary`);
    else if (!comment.blockTags.some((t) => t.tag === "@example")) logger.warn(`${where} has no @example`);
  }
}

export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    addOptionTables(context.project);
    checkDocumented(context.project, app.logger);
  });
}
