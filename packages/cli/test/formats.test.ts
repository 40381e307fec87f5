import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cosineDecayRestarts } from "@lrsched/ts-api";
import { lrsched, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const PIECEWISE = ["piecewise", "--boundaries", "100,200", "--values", "1,0.5,0.1", "--steps", "300"];

/** Parses a .npy v1.0 file: its header dict and the data bytes. */
function readNpy(bytes: Buffer) {
  expect(bytes.subarray(0, 6).toString("latin1")).toBe("\x93NUMPY");
  expect([bytes[6], bytes[7]]).toEqual([1, 0]);
  const headerLen = bytes.readUInt16LE(8);
  const header = bytes.subarray(10, 10 + headerLen).toString("latin1");
  expect((10 + headerLen) % 64).toBe(0);
  expect(header.endsWith("\n")).toBe(true);
  const descr = header.match(/'descr': '([^']+)'/)?.[1];
  const shape = header.match(/'shape': \((\d+),\)/)?.[1];
  expect(header).toContain("'fortran_order': False");
  return { descr, shape: Number(shape), data: bytes.subarray(10 + headerLen) };
}

describe("curve formats", () => {
  it("csv: a step,lr header and one row per step, with Keras's boundary rule", () => {
    const r = lrsched(["curve", ...PIECEWISE]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("step,lr");
    expect(lines).toHaveLength(301);
    const rows = lines.slice(1).map((l) => l.split(",").map(Number));
    expect(rows[100]).toEqual([100, 1]);
    expect(rows[101]).toEqual([101, 0.5]);
    expect(rows[201]).toEqual([201, 0.1]);
  });

  it("csv: --start and --every sample the right steps", () => {
    const r = lrsched(["curve", "exponential", "--initial-learning-rate", "0.15", "--decay-steps", "100000", "--decay-rate", "0.8", "--staircase", "--steps", "1e6", "--every", "250000", "--start", "10"]);
    expect(r.status).toBe(0);
    const rows = r.stdout.trimEnd().split("\n").slice(1).map((l) => l.split(",").map(Number));
    expect(rows.map((x) => x[0])).toEqual([10, 250010, 500010, 750010]);
    rows.forEach(([step, lr]) => expect(lr).toBeCloseTo(0.15 * 0.8 ** Math.floor(step / 100000), 12));
  });

  it("json: spec, sampling and the rates", () => {
    const r = lrsched(["curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "100", "--steps", "101", "--every", "50", "--format", "json"]);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schedule).toMatchObject({ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 100 });
    expect(j).toMatchObject({ start: 0, every: 50, count: 3 });
    expect(j.lr[0]).toBeCloseTo(0.1, 12);
    expect(j.lr[1]).toBeCloseTo(0.05, 12);
    expect(j.lr[2]).toBeCloseTo(0, 12);
  });

  it("npy: v1.0 header, '<f4' by default and '<f8' with --dtype float64", () => {
    const f4 = join(dir, "pw.npy");
    expect(lrsched(["curve", ...PIECEWISE, "--out", f4]).status).toBe(0);
    const a = readNpy(readFileSync(f4));
    expect(a).toMatchObject({ descr: "<f4", shape: 300 });
    expect(a.data.byteLength).toBe(300 * 4);
    expect(a.data.readFloatLE(100 * 4)).toBe(1);
    expect(a.data.readFloatLE(150 * 4)).toBe(0.5);

    const f8 = join(dir, "pw64.npy");
    expect(lrsched(["curve", ...PIECEWISE, "--dtype", "float64", "-o", f8]).status).toBe(0);
    const b = readNpy(readFileSync(f8));
    expect(b).toMatchObject({ descr: "<f8", shape: 300 });
    expect(b.data.byteLength).toBe(300 * 8);
    expect(b.data.readDoubleLE(299 * 8)).toBe(0.1);
  });

  it("f32 / f64: raw little-endian values, byte length = steps x size", () => {
    const f32 = join(dir, "c.f32");
    const f64 = join(dir, "c.f64");
    const args = ["curve", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "1000", "--steps", "12345"];
    expect(lrsched([...args, "-o", f32]).status).toBe(0);
    expect(lrsched([...args, "-o", f64]).status).toBe(0);
    const a = readFileSync(f32);
    const b = readFileSync(f64);
    expect(a.byteLength).toBe(12345 * 4);
    expect(b.byteLength).toBe(12345 * 8);
    expect(a.readFloatLE(0)).toBeCloseTo(0.1, 7);
    expect(b.readDoubleLE(500 * 8)).toBeCloseTo(0.05, 9);
    expect(b.readDoubleLE(1200 * 8)).toBe(0);
  });

  it("several chunks stream in order (2^20 + 3 values)", () => {
    const out = join(dir, "long.f64");
    const n = (1 << 20) + 3;
    expect(lrsched(["curve", "polynomial", "--initial-learning-rate", "1", "--decay-steps", String(n), "--end-learning-rate", "0", "--steps", String(n), "-o", out]).status).toBe(0);
    const b = readFileSync(out);
    expect(b.byteLength).toBe(n * 8);
    for (const i of [0, 1 << 20, n - 1]) expect(b.readDoubleLE(i * 8)).toBeCloseTo(1 - i / n, 9);
  });

  it("1e7 steps and more are computed over every core, bit for bit the schedule's curve", () => {
    const out = join(dir, "parallel.f32");
    const n = 1e7 + 5;
    const args = ["--initial-learning-rate", "0.1", "--first-decay-steps", "100000", "--t-mul", "2", "--m-mul", "0.9"];
    expect(lrsched(["curve", "cosine-restarts", ...args, "--steps", String(n), "--start", "7", "-o", out]).status).toBe(0);
    const want = cosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 100_000, tMul: 2, mMul: 0.9 }).curve(n, { start: 7 });
    expect(readFileSync(out).equals(Buffer.from(want.buffer))).toBe(true);
  });
});
