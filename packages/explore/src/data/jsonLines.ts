// JSON Lines read as a stream of rows: one object per line; the first object's keys are the columns.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { LrschedError } from "@lrsched/ts-api";
import type { RawRow } from "./table";
import { fileError, headerOf } from "./source";

/** Yields `{ header }` (the first object's keys), then every row's values in header order (one row at a time). */
export async function* readJsonLines(file: string): AsyncGenerator<{ header: string[] } | RawRow[]> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let header: string[] | undefined;
  let index: Map<string, number> | undefined;
  let line = 0;
  let row = 0;
  try {
    for await (const raw of lines) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (text.trim() === "") continue;
      const place = `${file} row ${row + 1} (line ${line})`;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new LrschedError(place, `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new LrschedError(place, "must be a JSON object (one row per line)", value);
      const o = value as Record<string, unknown>;
      if (header === undefined || index === undefined) {
        header = headerOf(file, Object.keys(o), line);
        index = new Map(header.map((k, i) => [k, i]));
        yield { header };
      }
      const cells: unknown[] = new Array(header.length);
      let seen = 0;
      for (const k in o) {
        const at = index.get(k);
        if (at === undefined) throw new LrschedError(`${place}, column '${k}'`, `is not a column of the first row (${header.join(", ")})`);
        cells[at] = o[k];
        seen++;
      }
      if (seen < header.length) {
        const missing = header.find((k) => !(k in o)) as string;
        throw new LrschedError(`${place}, column '${missing}'`, "is missing; every row needs every column");
      }
      yield [{ row: ++row, line, cells }];
    }
  } catch (e) {
    throw e instanceof LrschedError ? e : fileError(file, e);
  }
  if (header === undefined) throw new LrschedError(file, "is empty: expected one JSON object per line");
}
