// CSV read as a stream of records: RFC 4180 quoting (delimiters, quotes and newlines inside quoted
// fields), CRLF or LF, a byte-order mark, blank lines skipped. Lines without quotes take a fast path.
import { createReadStream } from "node:fs";
import { LrschedError } from "@lrsched/ts-api";
import type { RawRow } from "./table";
import { fileError, headerOf } from "./source";

/** Splits one record's text into fields (the text may hold quoted newlines). */
function fields(text: string, delimiter: string): string[] {
  if (!text.includes('"')) return text.split(delimiter);
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Yields `{ header }` once, then the data rows with their positions, a read chunk's rows at a time.
 * `delimiter` is "," or "\t"; a "," file whose header holds semicolons and no comma is read with
 * ";" (the CSV that spreadsheets write where the comma is the decimal mark).
 */
export async function* readCsvRows(file: string, delimiter: string): AsyncGenerator<{ header: string[] } | RawRow[]> {
  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
  let pending = ""; // text of a record not yet complete
  let pendingLine = 1; // line where `pending` starts
  let line = 1; // line of the next character to read
  let header: string[] | undefined;
  let row = 0;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = pending + (first ? chunk.replace(/^\uFEFF/, "") : chunk);
      first = false;
      let start = 0;
      let startLine = pendingLine;
      line = pendingLine;
      // quotes open across a newline make that newline part of the record
      let inQuotes = false;
      const quotes = text.includes('"');
      const rows: RawRow[] = [];
      // without quotes a record ends at every newline: find them with indexOf, not char by char
      const next = quotes ? (from: number) => from : (from: number) => text.indexOf("\n", from);
      for (let i = next(0); i >= 0 && i < text.length; i = next(i + 1)) {
        const ch = text.charCodeAt(i);
        if (quotes && ch === 34) inQuotes = !inQuotes;
        else if (ch === 10) {
          line++;
          if (inQuotes) continue;
          const record = text.charCodeAt(i - 1) === 13 ? text.slice(start, i - 1) : text.slice(start, i);
          const out = emit(record, startLine);
          if (out && "header" in out) yield out;
          else if (out) rows.push(out);
          start = i + 1;
          startLine = line;
        }
      }
      pending = text.slice(start);
      pendingLine = startLine;
      if (rows.length > 0) yield rows;
    }
  } catch (e) {
    throw e instanceof LrschedError ? e : fileError(file, e);
  }
  const tail = pending.endsWith("\r") ? pending.slice(0, -1) : pending;
  const out = emit(tail, pendingLine);
  if (out) yield "header" in out ? out : [out];
  if (header === undefined) throw new LrschedError(file, "is empty: expected a header row and data rows");

  function emit(record: string, at: number): { header: string[] } | RawRow | undefined {
    if (record.trim() === "") return undefined;
    if (header === undefined && delimiter === "," && fields(record, ",").length === 1 && fields(record, ";").length > 1) delimiter = ";";
    const cells = fields(record, delimiter);
    if (header === undefined) {
      header = headerOf(file, cells.map((c) => c.trim()), at, true);
      return { header };
    }
    return { row: ++row, line: at, cells };
  }
}
