// The values the README's examples state in their comments, and the error it quotes, computed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConstantLR, ReduceLROnPlateau, StepLR } from "../src/index";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");

describe("README numbers", () => {
  it("the StepLR loop's last rate", () => {
    const optimizer = { paramGroups: [{ lr: 0.1, momentum: 0.9 }] };
    const scheduler = new StepLR(optimizer, { stepSize: 30, gamma: 0.1 });
    for (let epoch = 0; epoch < 100; epoch++) scheduler.step();
    expect(readme).toContain(`scheduler.getLastLr(); // [${scheduler.getLastLr()[0]}]: 0.1 times 0.1 three times`);
  });

  it("ReduceLROnPlateau's rate after the losses shown", () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const plateau = new ReduceLROnPlateau(optimizer, { mode: "min", factor: 0.5, patience: 2 });
    for (const loss of [1.0, 0.9, 0.9, 0.9, 0.9]) plateau.step(loss);
    expect(readme).toContain(`optimizer.paramGroups[0].lr; // ${optimizer.paramGroups[0].lr}: the third epoch without improvement exceeded patience 2`);
  });

  it("the error it quotes", () => {
    let message = "";
    try {
      new ConstantLR({ paramGroups: [{ lr: 0.1 }] }, { factor: 1.5 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(readme).toContain(`\`${message}\``);
  });
});
