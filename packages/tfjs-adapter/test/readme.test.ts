// The numbers of this package's README: defaults read from the code, values computed, and the two
// example scripts run and compared with the output the README shows (`…` marks what changes).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { StepLR } from "@lrsched/torch-compat";
import { describe, expect, it } from "vitest";
import { getLearningRate, lrScheduler, reduceLROnPlateau, setLearningRate, torchOptimizer } from "../src/index";
import { iris, mlp } from "./data";

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");
const text = readFileSync(join(PACKAGE, "README.md"), "utf8");
const readme = text.replace(/\s*\n\s*/g, " ");
const source = (file: string) => readFileSync(join(PACKAGE, "src", file), "utf8");

/** The first unlabelled block (an output, not a command) after the README names `example`. */
function shownOutput(example: string): string[] {
  const fences = [...text.slice(text.indexOf(example)).matchAll(/^```(\w*)\n/gm)];
  for (let i = 0; i < fences.length; i += 2) {
    if (fences[i][1] === "") {
      const start = text.indexOf(example) + fences[i].index! + fences[i][0].length;
      return text.slice(start, text.indexOf(example) + fences[i + 1].index!).trimEnd().split("\n");
    }
  }
  throw new Error(`no output block after ${example}`);
}

/** `shown` lines in order in `printed`: `…` stands for any text, a line `  ...` for any lines. */
function expectShown(printed: string[], shown: string[]) {
  const pattern = (line: string) => new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/…/g, ".+?")}$`);
  let at = 0;
  let skipping = false;
  for (const line of shown) {
    if (line.trim() === "...") {
      skipping = true;
      continue;
    }
    const p = pattern(line);
    while (skipping && at < printed.length && !p.test(printed[at])) at++;
    expect(printed[at], `README line: ${line}`).toMatch(p);
    at++;
    skipping = false;
  }
  expect(printed.slice(at)).toEqual([]);
}

const runExample = (example: string) => {
  const r = spawnSync(process.execPath, [join(PACKAGE, "examples", example)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trimEnd().split("\n").filter((l) => !/TensorFlow\.js in Node\.js|^=+$|^$/.test(l));
};

describe("README.md", () => {
  it("TypeScript users are told to set skipLibCheck", () => {
    expect(readme).toContain('With TypeScript, set `"skipLibCheck": true` in your `tsconfig.json`.');
  });

  it("ReduceLROnPlateau's defaults", () => {
    const cb = reduceLROnPlateau();
    expect(readme).toContain(
      `Defaults are Keras's: \`monitor = '${cb.monitor}'\`, \`factor = ${cb.factor}\`, \`patience = ${cb.patience}\`, ` +
        `\`minDelta = ${cb.minDelta.toExponential()}\`, \`mode = 'auto'\``,
    );
    expect(readme).toContain(`\`cooldown = ${cb.cooldown}\`, \`minLr = ${cb.minLr}\``);
  });

  it("the float32 rate a reduction prints", () => {
    expect(readme).toContain(`print as \`${Math.fround(0.05 * 0.5)}\``);
  });

  it("the range test's defaults", () => {
    const rangeTest = source("rangeTest.ts");
    expect(rangeTest).toContain("options.beta ?? 0.98");
    expect(readme).toContain("`smoothLosses(losses, beta = 0.98)`");
    expect(rangeTest).toContain("options.divergence ?? 4");
    expect(readme).toContain("passes `divergence` (4) times its best");
    expect(rangeTest).toContain("options.skipEnd ?? 5");
    expect(rangeTest).toContain("options.skipStart ?? Math.floor(batches / 10)");
    expect(readme).toContain("ignores the first tenth of the planned batches and the last 5 points run");
  });

  it("setting a rate directly, and a bad one", () => {
    const opt = tf.train.sgd(0.1);
    setLearningRate(opt, 0.01);
    expect(readme).toContain(`getLearningRate(opt); // ${getLearningRate(opt)}`);
    let message = "";
    try {
      setLearningRate(opt, -1);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(readme).toContain(`\`${message}\``);
    opt.dispose();
  });

  it("a StepLR driving fit per epoch logs the rates the README shows", async () => {
    await tf.setBackend("cpu");
    const data = iris();
    const model = mlp(4, 8, 3);
    const opt = tf.train.momentum(0.1, 0.9);
    model.compile({ optimizer: opt, loss: "categoricalCrossentropy" });
    const scheduler = new StepLR(torchOptimizer(opt), { stepSize: 2, gamma: 0.5 });
    const history = await model.fit(data.xs, data.ys, { epochs: 5, verbose: 0, callbacks: [lrScheduler(scheduler, { per: "epoch" })] });
    expect(readme).toContain(`history.history.lr; // [${(history.history.lr as number[]).map((v) => Number(v.toPrecision(6))).join(", ")}]`);
    tf.dispose([data.xs, data.ys]);
  });

  it("the examples are what the README says they are", () => {
    const cosine = readFileSync(join(PACKAGE, "examples", "mnist-warmup-cosine.mjs"), "utf8");
    const hidden = cosine.match(/inputShape: \[784\], units: (\d+)/)![1];
    const epochs = cosine.match(/const EPOCHS = (\d+);/)![1];
    const batch = cosine.match(/const BATCH = (\d+);/)![1];
    const [, perDigit, held] = cosine.match(/split\(0, (\d+)\);\nconst test = split\(\d+, (\d+)\);/)!;
    expect(readme).toContain(
      `trains a 784-${hidden}-10 MLP (Momentum 0.9, batch ${batch}, ${epochs} epochs) on ${10 * Number(perDigit)} images`,
    );
    expect(readme).toContain(`prints the accuracy on ${10 * Number(held)} held-out images`);
    const range = readFileSync(join(PACKAGE, "examples", "mnist-range-test.mjs"), "utf8");
    const rangeHidden = range.match(/inputShape: \[784\], units: (\d+)/)![1];
    const last = Number(range.match(/digit\.set\(0, (\d+)\)/)![1]);
    expect(readme).toContain(`runs it on a 784-${rangeHidden}-10 MLP (Momentum 0.9, ${10 * (last + 1)} MNIST images, seeded)`);
  });

  it("examples/mnist-range-test.mjs prints what the README shows", { timeout: 300_000 }, () => {
    expectShown(runExample("mnist-range-test.mjs"), shownOutput("mnist-range-test.mjs"));
  });

  it("examples/mnist-warmup-cosine.mjs prints what the README shows", { timeout: 300_000 }, () => {
    expectShown(runExample("mnist-warmup-cosine.mjs"), shownOutput("mnist-warmup-cosine.mjs"));
  });
});
