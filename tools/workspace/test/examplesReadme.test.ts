// The numbers of examples/browser/README.md, read from the example and from the test that runs it.
import { describe, expect, it } from "vitest";
import { readText } from "./repo";

const readme = readText("examples/browser/README.md").replace(/\s*\n\s*/g, " ");
const main = readText("examples/browser/main.js");
const schedules = readText("examples/browser/schedules.js");
const browserTest = readText("packages/tfjs-adapter/test/browser.test.ts");

describe("examples/browser/README.md", () => {
  it("the classifier's layer sizes", () => {
    const inputs = main.match(/inputShape: \[(\d+)\], units: (\d+)/)!;
    const outputs = main.match(/tf\.layers\.dense\(\{ units: (\d+), activation: "softmax" \}\)/)!;
    expect(readme).toContain(`Trains a ${inputs[1]}-${inputs[2]}-${outputs[1]} classifier on iris`);
  });

  it("the training steps the test compares", () => {
    const epochs = Number(schedules.match(/epochs: (\d+)/)![1]);
    const batchSize = Number(schedules.match(/batchSize: (\d+)/)![1]);
    const rows = Number(schedules.match(/Iris: (\d+) rows/)![1]);
    expect(readme).toContain(`(${epochs} epochs of ${rows / batchSize} batches)`);
    expect(browserTest).toContain(`expect(rates).toHaveLength(${epochs * (rows / batchSize)});`);
  });

  it("the tolerance of at() against Node", () => {
    expect(readme).toContain("within 1e-15 relative");
    expect(browserTest).toContain("expect(maxRelDiff).toBeLessThan(1e-15);");
  });

  it("the server's port", () => {
    expect(readText("examples/browser/serve.mjs")).toContain("process.env.PORT ?? 8080");
    expect(readme).toContain("http://127.0.0.1:8080/examples/browser/");
  });
});
