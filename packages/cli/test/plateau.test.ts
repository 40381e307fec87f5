// plot and compare with --plateau: PyTorch's ReduceLROnPlateau replayed against a metric file made here.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkWellFormed, lrsched, tempDir } from "./helpers";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

// A validation loss that improves, stalls, drops, then stalls for good.
const LOSS = [1.0, 0.95, 0.92, 0.91, 0.85, 0.84, 0.84, 0.83, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
const POLICY = { lr: 0.1, factor: 0.5, patience: 2, threshold: 0.1, thresholdMode: "rel", cooldown: 1, minLr: 0.02, mode: "min" };

/*
 * By hand, PyTorch's rules (better: value < best x (1 - threshold); a reduction when the bad-epoch
 * count exceeds patience; the epoch after it is cooldown, which zeroes the count):
 *   epoch 1 sets best 1.0; 0.95, 0.92, 0.91 miss 0.9 -> 3 bad > 2: lr 0.05 after epoch 4
 *   0.85 sets best (cooldown); 0.84, 0.84, 0.83 miss 0.765 -> lr 0.025 after epoch 8
 *   0.5 sets best (cooldown); three more 0.5 -> lr max(0.0125, minLr 0.02) = 0.02 after epoch 12
 * The rate of epoch e is the one in force before its value is handed over.
 */
const BY_EPOCH = [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025, 0.02, 0.02, 0.02];

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const TXT = file("val_loss.txt", `${LOSS.join("\n")}\n`);
const JSON_FILE = file("val_loss.json", JSON.stringify(LOSS));
const CSV = file("log.csv", `epoch,loss,val_loss\n${LOSS.map((v, i) => `${i + 1},${2 - i / 10},${v}`).join("\n")}\n`);

/** Every step's rate as `compare --at 0,1,...` reports it. */
function rates(args: readonly string[], steps: number): number[] {
  const at = Array.from({ length: steps }, (_, i) => i).join(",");
  const r = lrsched(["compare", "--plateau", JSON.stringify(POLICY), ...args, "--at", at, "--format", "json"]);
  expect(r.status, r.stderr).toBe(0);
  const [row] = JSON.parse(r.stdout) as { at: Record<string, number> }[];
  return Array.from({ length: steps }, (_, i) => row.at[i]);
}

describe("--plateau with --metrics", () => {
  it("reduces exactly where PyTorch's algorithm says, for plain text, a JSON array and a CSV column", () => {
    expect(rates(["--metrics", TXT], 15)).toEqual(BY_EPOCH);
    expect(rates(["--metrics", JSON_FILE], 15)).toEqual(BY_EPOCH);
    expect(rates(["--metrics", CSV, "--metrics-column", "val_loss"], 15)).toEqual(BY_EPOCH);
    expect(rates(["--metrics", CSV, "--metrics-column", "3"], 15)).toEqual(BY_EPOCH);
  });

  it("--steps-per-epoch gives every step; a warm-up ramps first and the epoch ending inside it is not counted", () => {
    // 3 steps per epoch, linear warm-up over 4 steps from 0: steps 0-3 are 0, 0.025, 0.05, 0.075.
    // Epoch 1 ends at step 3 (inside the warm-up), so best starts at epoch 2's 0.95; 0.85 then
    // beats 0.855, and the first reduction waits for 0.84, 0.84, 0.83 (after epoch 8), the next for
    // three more 0.5 after 0.5 (after epoch 12); epochs 13-15 stay at 0.025.
    const warm = { ...POLICY, warmup: { steps: 4, initialLr: 0, shape: "linear" } };
    const at = Array.from({ length: 45 }, (_, i) => i).join(",");
    const r = lrsched(["compare", "--plateau", JSON.stringify(warm), "--metrics", TXT, "--steps-per-epoch", "3", "--at", at, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const row = (JSON.parse(r.stdout) as { at: Record<string, number> }[])[0].at;
    const expected = [0, 0.025, 0.05, 0.075, ...Array(20).fill(0.1), ...Array(12).fill(0.05), ...Array(9).fill(0.025)];
    expect(Array.from({ length: 45 }, (_, i) => row[i])).toEqual(expected.map((v, i) => (i < 4 ? expect.closeTo(v, 15) : v)));
  });

  it("plot writes a chart of the replayed rates, epochs on x", () => {
    const out = join(dir, "plateau.svg");
    const r = lrsched(["plot", "--plateau", JSON.stringify(POLICY), "--metrics", TXT, "--label", "plateau (val_loss)", "-o", out]);
    expect(r.status, r.stderr).toBe(0);
    const svg = readFileSync(out, "utf8");
    checkWellFormed(svg);
    expect(svg).toContain("series: plateau (val_loss)");
    expect(svg).toContain(">epoch<");
    expect(svg.match(/<path[^>]*aria-roledescription="line mark"[^>]*>/g) ?? []).toHaveLength(1);
    // the vega-lite spec carries the points drawn: the run's 15 epochs, the last one closed at 15
    const spec = lrsched(["plot", "--plateau", JSON.stringify(POLICY), "--metrics", TXT, "--format", "vega-lite"]);
    expect(spec.status, spec.stderr).toBe(0);
    const points = (JSON.parse(spec.stdout) as { data: { values: { step: number; lr: number }[] } }).data.values;
    expect(points.map((p) => p.step)).toEqual([...BY_EPOCH.keys(), 15]);
    expect(points.map((p) => p.lr)).toEqual([...BY_EPOCH, 0.02]);
  });

  it("compare puts the plateau policy next to ordinary schedules", () => {
    const cosine = JSON.stringify({ type: "cosineDecay", initialLearningRate: 0.1, decaySteps: 15 });
    const r = lrsched(["compare", "--spec", cosine, "--plateau", JSON.stringify(POLICY), "--metrics", TXT, "--label", "cosine", "--label", "plateau", "--at", "0,4,8,12", "--format", "csv"]);
    expect(r.status, r.stderr).toBe(0);
    const [head, cos, plateau] = r.stdout.trim().split("\n");
    expect(head).toBe("schedule,lr@0,lr@4,lr@8,lr@12,mean,area,peak,min,steps>=50%peak");
    expect(cos.startsWith("cosine,0.1,")).toBe(true);
    // mean = (4 x 0.1 + 4 x 0.05 + 4 x 0.025 + 3 x 0.02) / 15 = 0.76 / 15
    const cells = plateau.split(",");
    expect(cells.slice(0, 5)).toEqual(["plateau", "0.1", "0.05", "0.025", "0.02"]);
    expect(Number(cells[5])).toBeCloseTo(0.76 / 15, 15);
    expect(Number(cells[6])).toBeCloseTo(0.76, 15);
  });

  it("bad inputs exit 2 with one line naming the file and the line", () => {
    const cases: [string[], RegExp][] = [
      [["--metrics", join(dir, "missing.txt")], /^lrsched plot: --metrics: cannot read '.*missing\.txt': no such file or directory$/],
      [["--metrics", file("bad.txt", "0.9\n0.8\nnan?\n0.7\n")], /^lrsched plot: --metrics .*bad\.txt: line 3: "nan\?" is not a finite number$/],
      [["--metrics", file("empty.txt", "\n\n")], /^lrsched plot: --metrics .*empty\.txt: is empty \(one value per epoch expected\)$/],
      [["--metrics", file("bad.csv", "epoch,val_loss\n1,0.9\n2,\n"), "--metrics-column", "val_loss"], /^lrsched plot: --metrics .*bad\.csv: line 3: "" is not a finite number$/],
      [["--metrics", CSV], /^lrsched plot: --metrics .*log\.csv: line 1 has 3 columns \(epoch, loss, val_loss\); pick one with --metrics-column NAME\|N$/],
      [["--metrics", CSV, "--metrics-column", "acc"], /^lrsched plot: --metrics .*log\.csv: has no column "acc" \(columns: epoch, loss, val_loss\)$/],
      [["--metrics", file("bad.json", '[0.9, "0.8"]')], /^lrsched plot: --metrics .*bad\.json: element 1 must be a finite number, got "0\.8"$/],
      [[], /^lrsched plot: --plateau needs --metrics FILE/],
    ];
    for (const [args, message] of cases) {
      const r = lrsched(["plot", "--plateau", JSON.stringify(POLICY), ...args]);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
    const policies: [unknown, RegExp][] = [
      [{ ...POLICY, factor: 1 }, /^lrsched compare: --plateau: plateau\.factor must be < 1/],
      [{ ...POLICY, monitor: "loss" }, /^lrsched compare: --plateau: plateau\.monitor is not an option here/],
      [{ ...POLICY, lr: -1 }, /^lrsched compare: --plateau: plateau\.lr must be a finite number > 0/],
      [{ ...POLICY, patiance: 3 }, /^lrsched compare: --plateau: plateau\.patiance is not an option/],
    ];
    for (const [policy, message] of policies) {
      const r = lrsched(["compare", "--plateau", JSON.stringify(policy), "--metrics", TXT]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(message);
    }
    const alone = lrsched(["plot", "cosine", "--initial-learning-rate", "0.1", "--decay-steps", "10", "--metrics", TXT]);
    expect(alone.status).toBe(2);
    expect(alone.stderr.trim()).toBe("lrsched plot: --metrics is the series a --plateau policy watches: give --plateau too");
  });
});
