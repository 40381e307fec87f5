import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTable } from "../src/index";
import { inferTask, summarizeNumbers } from "../src/data/task";

const dir = mkdtempSync(join(tmpdir(), "lrsched-table-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("loadTable", () => {
  it("reads CSV: header, numbers, class names, quoted fields, CRLF, a byte-order mark, blank lines", async () => {
    const path = file("a.csv", '\uFEFFx1,label,x2\r\n1.5,"cat, tabby",-2\r\n\r\n3e-1,dog,4\r\n.5,"say ""hi""",+6\r\n');
    const t = await loadTable(path, { target: "label" });
    expect(t.features).toEqual(["x1", "x2"]);
    expect(t.rows).toBe(3);
    expect(t.x.shape).toEqual([3, 2]);
    expect(Array.from(t.x.values)).toEqual([1.5, -2, 0.30000001192092896, 4, 0.5, 6]);
    expect(t.y).toEqual(["cat, tabby", "dog", 'say "hi"']);
  });

  it("skips pandas' unnamed index column and the columns named in ignore", async () => {
    // pandas.DataFrame.to_csv writes the row index first, under an empty name
    const pandas = file("pandas.csv", ",a,when,b,label\n0,1.5,2024-01-02,-2,pos\n1,3,2024-01-03,4,neg\n");
    const t = await loadTable(pandas, { target: "label", ignore: ["when"] });
    expect(t.features).toEqual(["a", "b"]);
    expect(t.x.shape).toEqual([2, 2]);
    expect(Array.from(t.x.values)).toEqual([1.5, -2, 3, 4]);
    expect(t.y).toEqual(["pos", "neg"]);
    await expect(loadTable(pandas, { target: "label" })).rejects.toThrow("pandas.csv row 1 (line 2), column 'when' must be a number");
    const jsonl = file("ids.jsonl", '{"id": "r1", "a": 1, "y": 0}\n{"id": "r2", "a": 2, "y": 1}\n');
    expect(Array.from((await loadTable(jsonl, { target: "y", ignore: ["id"] })).x.values)).toEqual([1, 2]);
  });

  it("reads a semicolon-separated CSV (a header with semicolons and no comma), quotes and all", async () => {
    const t = await loadTable(file("semi.csv", 'x1;"x;2";label\n1.5;-2;"a;b"\n3;4;c\n'), { target: "label" });
    expect(t.features).toEqual(["x1", "x;2"]);
    expect(Array.from(t.x.values)).toEqual([1.5, -2, 3, 4]);
    expect(t.y).toEqual(["a;b", "c"]);
    // one column with a semicolon in its name is still a comma file
    const one = await loadTable(file("one.csv", "a;b,y\n1,0\n"), { target: "y" });
    expect(one.features).toEqual(["a;b"]);
    // decimal commas are not numbers: refused by name, not misread
    await expect(loadTable(file("dec.csv", "x;y\n1,5;0\n"), { target: "y" })).rejects.toThrow("column 'x' must be a number, got \"1,5\"");
  });

  it("refuses an ignore list that names no column, the target, or every feature", async () => {
    const path = file("ig.csv", "a,b,y\n1,2,0\n");
    await expect(loadTable(path, { target: "y", ignore: ["c"] })).rejects.toThrow("ignore: column 'c' is not in");
    await expect(loadTable(path, { target: "y", ignore: ["y"] })).rejects.toThrow("ignore[0] is the target column 'y'");
    await expect(loadTable(path, { target: "y", ignore: ["a", "b"] })).rejects.toThrow("has no feature column");
    await expect(loadTable(path, { target: "y", ignore: "a" as never })).rejects.toThrow("ignore must be a list of column names");
    // only the first column may be unnamed
    await expect(loadTable(file("gap.csv", "a,,y\n1,2,0\n"), { target: "y" })).rejects.toThrow("column 2 has an empty name");
  });

  it("reads JSON Lines; a numeric target becomes numbers", async () => {
    const path = file("a.jsonl", '{"a": 1, "b": 2, "y": 0}\n{"b": 3, "a": 4, "y": 1}\n\n{"a": 5, "b": 6, "y": "1"}\n');
    const t = await loadTable(path, { target: "y" });
    expect(Array.from(t.x.values)).toEqual([1, 2, 4, 3, 5, 6]);
    expect(t.y).toBeInstanceOf(Float32Array);
    expect(Array.from(t.y as Float32Array)).toEqual([0, 1, 1]);
  });

  it("keeps rows across read chunks (a file of several MB)", async () => {
    const lines = ["id,f1,f2,f3,y"];
    for (let r = 0; r < 60_000; r++) lines.push(`${r},${r * 0.5},${-r},${r % 7},${r % 3 === 0 ? '"a,b"' : "c"}`);
    const t = await loadTable(file("big.csv", `${lines.join("\n")}\n`), { target: "y" });
    expect(t.rows).toBe(60_000);
    for (const r of [0, 1, 29_999, 59_999]) expect(Array.from(t.x.values.subarray(r * 4, r * 4 + 4))).toEqual([r, r * 0.5, r === 0 ? 0 : -r, r % 7]);
    expect((t.y as string[]).slice(59_997)).toEqual(["a,b", "c", "c"]);
  });

  // every bad input: one error naming the file, the row (and line) and the column
  const bad: [string, string, string, string, RegExp][] = [
    ["a non-numeric feature", "f.csv", "a,b,y\n1,2,0\n3,x,1\n", "y", /f\.csv row 2 \(line 3\), column 'b' must be a number, got "x"$/],
    ["an empty feature cell", "f.csv", "a,b,y\n1,,0\n", "y", /f\.csv row 1 \(line 2\), column 'b' is empty; every feature cell needs a number$/],
    ["an empty target cell", "f.csv", "a,b,y\n1,2,\n", "y", /f\.csv row 1 \(line 2\), column 'y' is empty; every row needs a target$/],
    ["a ragged row", "f.csv", "a,b,y\n1,2,0\n1,2\n", "y", /f\.csv row 2 \(line 3\) has 2 cells, the header has 3 columns$/],
    ["an unknown target column", "f.csv", "a,b,y\n1,2,0\n", "label", /f\.csv: target column 'label' is not in the file; columns: a, b, y$/],
    ["hexadecimal is not data", "f.csv", "a,y\n0x10,1\n", "y", /column 'a' must be a number, got "0x10"$/],
    ["a duplicate header", "f.csv", "a,a,y\n1,2,3\n", "y", /f\.csv line 1, column 'a' appears twice in the header$/],
    ["no data rows", "f.csv", "a,y\n", "y", /f\.csv has a header but no data rows$/],
    ["a JSON line that is not JSON", "f.jsonl", '{"a": 1, "y": 0}\n{"a": 2, \n', "y", /f\.jsonl row 2 \(line 2\) is not valid JSON: /],
    ["a JSON line missing a column", "f.jsonl", '{"a": 1, "y": 0}\n{"y": 1}\n', "y", /f\.jsonl row 2 \(line 2\), column 'a' is missing; every row needs every column$/],
    ["a JSON line with an extra column", "f.jsonl", '{"a": 1, "y": 0}\n{"a": 1, "b": 2, "y": 1}\n', "y", /f\.jsonl row 2 \(line 2\), column 'b' is not a column of the first row \(a, y\)$/],
    ["a JSON null feature", "f.jsonl", '{"a": null, "y": 0}\n', "y", /f\.jsonl row 1 \(line 1\), column 'a' is missing; every feature cell needs a number$/],
  ];
  it.each(bad)("%s", async (_what, name, text, target, message) => {
    const path = file(name, text);
    const error = await loadTable(path, { target }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe("LrschedError");
    expect(error?.message).toMatch(message);
    expect(error?.message.split("\n")).toHaveLength(1);
  });

  it("a missing file", async () => {
    await expect(loadTable(join(dir, "nope.csv"), { target: "y" })).rejects.toThrow(/nope\.csv cannot be read: no such file or directory$/);
  });
});

describe("the task, from the target and the model's output size", () => {
  const names = { kind: "names" as const, classes: ["a", "b", "c"] };
  it("class names or few distinct integers with as many outputs: sparse categorical cross-entropy", () => {
    expect(inferTask(names, 3, undefined, "column 'y'")).toMatchObject({ kind: "classification", loss: "sparseCategoricalCrossentropy", classes: ["a", "b", "c"] });
    expect(inferTask(summarizeNumbers([0, 2, 1, 2], 1), 3, undefined, "y")).toMatchObject({ kind: "classification", classes: ["0", "1", "2"], classValues: null });
    // integers that are not 0..K-1 are mapped to classes in order
    expect(inferTask(summarizeNumbers([10, 20, 30], 1), 3, undefined, "y")).toMatchObject({ kind: "classification", classValues: [10, 20, 30] });
  });

  it("one output, or real numbers: mean squared error; one-hot rows: categorical cross-entropy", () => {
    expect(inferTask(summarizeNumbers([0, 1, 2], 1), 1, undefined, "y")).toMatchObject({ kind: "regression", loss: "meanSquaredError" });
    expect(inferTask(summarizeNumbers([0.5, 1.25], 1), 1, undefined, "y")).toMatchObject({ kind: "regression" });
    expect(inferTask(summarizeNumbers([0, 1, 1, 0], 2), 2, undefined, "y")).toMatchObject({ loss: "categoricalCrossentropy" });
    expect(inferTask(summarizeNumbers([0.5, 1, 1, 0], 2), 2, undefined, "y")).toMatchObject({ loss: "meanSquaredError" });
  });

  it("a model output size that does not match the classes: one error naming both", () => {
    expect(() => inferTask(names, 4, undefined, "column 'y' of d.csv")).toThrow("model output size 4 does not match the 3 classes of column 'y' of d.csv (a, b, c)");
    expect(() => inferTask(summarizeNumbers([1, 2, 3, 4], 1), 3, undefined, "column 'y' of d.csv")).toThrow("model output size 3 does not match the 4 classes of column 'y' of d.csv (1, 2, 3, 4)");
    expect(() => inferTask(summarizeNumbers([0.5, 1.5], 1), 3, undefined, "column 'y' of d.csv")).toThrow(
      "model output size 3 does not match column 'y' of d.csv: 1 number per row (regression needs 1 output; classes need names, or integers with at most 100 distinct values)",
    );
    expect(() => inferTask(names, 3, "meanSquaredError", "column 'y'")).toThrow("column 'y' holds class names; the loss meanSquaredError needs numbers");
  });
});
