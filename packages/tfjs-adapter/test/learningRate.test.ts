import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LrschedError } from "@lrsched/ts-api";
import { getLearningRate, optimizerKind, setLearningRate } from "../src/index";

// One step at LR1 through minimize(), then the rate is changed to LR2 and a second step goes
// through applyGradients(). The weights after step 2 must match each optimizer's update rule with
// LR2: a stale cached rate (LR1) would be off by a factor of 25.
const LR1 = 0.01;
const LR2 = 0.25;
const W0 = [0.5, -1.0, 2.0];
const G = [0.3, -0.7, 1.1];

let eps: number;
beforeAll(async () => {
  await tf.setBackend("cpu");
  eps = tf.backend().epsilon();
});

type Update = (w: number[], g: number[], lr: number) => number[];

/** The update rules as tfjs implements them (float64 here; tfjs computes in float32). */
const rules: Record<string, { make: () => tf.Optimizer; rule: () => Update }> = {
  sgd: { make: () => tf.train.sgd(LR1), rule: () => (w, g, lr) => w.map((wi, i) => wi - lr * g[i]) },
  momentum: {
    make: () => tf.train.momentum(LR1, 0.9),
    rule: () => {
      let acc = [0, 0, 0];
      return (w, g, lr) => {
        acc = acc.map((a, i) => 0.9 * a + g[i]);
        return w.map((wi, i) => wi - lr * acc[i]);
      };
    },
  },
  nesterov: {
    make: () => tf.train.momentum(LR1, 0.9, true),
    rule: () => {
      let acc = [0, 0, 0];
      return (w, g, lr) => {
        acc = acc.map((a, i) => 0.9 * a + g[i]);
        return w.map((wi, i) => wi - lr * (g[i] + 0.9 * acc[i]));
      };
    },
  },
  adam: {
    make: () => tf.train.adam(LR1, 0.9, 0.999),
    rule: () => {
      let m = [0, 0, 0];
      let v = [0, 0, 0];
      let t = 0;
      return (w, g, lr) => {
        t += 1;
        m = m.map((mi, i) => 0.9 * mi + 0.1 * g[i]);
        v = v.map((vi, i) => 0.999 * vi + 0.001 * g[i] ** 2);
        return w.map((wi, i) => {
          const mHat = m[i] / (1 - 0.9 ** t);
          const vHat = v[i] / (1 - 0.999 ** t);
          return wi - (lr * mHat) / (Math.sqrt(vHat) + eps);
        });
      };
    },
  },
  adamax: {
    make: () => tf.train.adamax(LR1, 0.9, 0.999),
    rule: () => {
      let m = [0, 0, 0];
      let u = [0, 0, 0];
      let t = 0;
      return (w, g, lr) => {
        t += 1;
        m = m.map((mi, i) => 0.9 * mi + 0.1 * g[i]);
        u = u.map((ui, i) => Math.max(0.999 * ui, Math.abs(g[i])));
        return w.map((wi, i) => wi - (lr / (1 - 0.9 ** t)) * (m[i] / (u[i] + eps)));
      };
    },
  },
  adagrad: {
    make: () => tf.train.adagrad(LR1, 0.1),
    rule: () => {
      let acc = [0.1, 0.1, 0.1];
      return (w, g, lr) => {
        acc = acc.map((a, i) => a + g[i] ** 2);
        return w.map((wi, i) => wi - (lr * g[i]) / Math.sqrt(acc[i] + eps));
      };
    },
  },
  adadelta: {
    make: () => tf.train.adadelta(LR1, 0.95),
    rule: () => {
      let accG = [0, 0, 0];
      let accU = [0, 0, 0];
      return (w, g, lr) => {
        // tfjs scales by the gradient accumulator from before this step.
        const upd = g.map((gi, i) => (Math.sqrt(accU[i] + eps) / Math.sqrt(accG[i] + eps)) * gi);
        accG = accG.map((a, i) => 0.95 * a + 0.05 * g[i] ** 2);
        accU = accU.map((a, i) => 0.95 * a + 0.05 * upd[i] ** 2);
        return w.map((wi, i) => wi - lr * upd[i]);
      };
    },
  },
  rmsprop: {
    make: () => tf.train.rmsprop(LR1, 0.9, 0.5),
    rule: () => {
      let ms = [0, 0, 0];
      let mom = [0, 0, 0];
      return (w, g, lr) => {
        ms = ms.map((a, i) => 0.9 * a + 0.1 * g[i] ** 2);
        mom = mom.map((a, i) => 0.5 * a + (lr * g[i]) / Math.sqrt(ms[i] + eps));
        return w.map((wi, i) => wi - mom[i]);
      };
    },
  },
  "rmsprop centered": {
    make: () => tf.train.rmsprop(LR1, 0.9, 0.5, undefined, true),
    rule: () => {
      let ms = [0, 0, 0];
      let mg = [0, 0, 0];
      let mom = [0, 0, 0];
      return (w, g, lr) => {
        ms = ms.map((a, i) => 0.9 * a + 0.1 * g[i] ** 2);
        mg = mg.map((a, i) => 0.9 * a + 0.1 * g[i]);
        mom = mom.map((a, i) => 0.5 * a + (lr * g[i]) / Math.sqrt(ms[i] - (mg[i] ** 2 + eps)));
        return w.map((wi, i) => wi - mom[i]);
      };
    },
  },
};

// tfjs keeps state in float32 (Adam's 1 - beta2^t loses ~1e-5 relative), far below the gap
// between the new and the stale rate.
function expectClose(actual: ArrayLike<number>, expected: number[]): void {
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected[i])));
  }
}

describe("setLearningRate reaches the update of every tfjs optimizer", () => {
  const created: tf.Optimizer[] = [];
  afterAll(() => created.forEach((o) => o.dispose()));

  for (const [name, { make, rule }] of Object.entries(rules)) {
    it(`${name}: step 2 follows the rule at the new rate`, () => {
      const opt = make();
      created.push(opt);
      const w = tf.variable(tf.tensor1d(W0));
      const g = tf.tensor1d(G);
      const update = rule();
      expect(getLearningRate(opt)).toBe(LR1);

      // Step 1 through minimize(): f(w) = sum(w * G) has gradient G.
      opt.minimize(() => tf.sum(tf.mul(w, g)) as tf.Scalar, false, [w]);
      const w1 = update(W0, G, LR1);
      expectClose(w.dataSync(), w1);

      setLearningRate(opt, LR2);
      expect(getLearningRate(opt)).toBe(LR2);
      opt.applyGradients([{ name: w.name, tensor: g }]);
      const w2 = update(w1, G, LR2);
      expectClose(w.dataSync(), w2);

      // The same step at the old rate lands elsewhere: the check above can tell them apart.
      const stale = rule();
      const staleW2 = stale(stale(W0, G, LR1), G, LR1);
      expect(Math.max(...w2.map((v, i) => Math.abs(v - staleW2[i])))).toBeGreaterThan(1e-3);
      w.dispose();
      g.dispose();
    });
  }
});

describe("setLearningRate / getLearningRate", () => {
  it("identifies every tfjs optimizer class", () => {
    const kinds = [
      tf.train.sgd(0.1),
      tf.train.momentum(0.1, 0.9),
      tf.train.adam(),
      tf.train.adamax(),
      tf.train.adagrad(0.1),
      tf.train.adadelta(),
      tf.train.rmsprop(0.1),
    ].map((o) => optimizerKind(o));
    expect(kinds).toEqual(["SGD", "Momentum", "Adam", "Adamax", "Adagrad", "Adadelta", "RMSProp"]);
  });

  it("replaces SGD's cached rate tensor without leaking", () => {
    const opt = tf.train.momentum(0.1, 0.9);
    const before = tf.memory().numTensors;
    for (let i = 1; i <= 500; i++) setLearningRate(opt, i / 1000);
    expect(tf.memory().numTensors).toBe(before);
    expect((opt as unknown as { c: tf.Scalar }).c.dataSync()[0]).toBeCloseTo(-0.5, 7);
    opt.dispose();
  });

  it("setting the current rate again makes no new tensor", () => {
    const opt = tf.train.sgd(0.1);
    const c = (opt as unknown as { c: tf.Scalar }).c;
    setLearningRate(opt, 0.1);
    expect((opt as unknown as { c: tf.Scalar }).c).toBe(c);
    opt.dispose();
  });

  it("rejects a bad rate with LrschedError naming lr", () => {
    const opt = tf.train.adam(0.001);
    for (const bad of [-0.1, NaN, Infinity, "0.1" as unknown as number]) {
      expect(() => setLearningRate(opt, bad)).toThrowError(LrschedError);
    }
    expect(() => setLearningRate(opt, -1)).toThrowError(/^lr must be a finite number >= 0, got -1$/);
    expect(getLearningRate(opt)).toBe(0.001);
  });

  it("rejects something that is not an optimizer", () => {
    expect(() => getLearningRate({} as tf.Optimizer)).toThrowError(LrschedError);
    expect(() => setLearningRate(null as unknown as tf.Optimizer, 0.1)).toThrowError(/^optimizer must be a tfjs optimizer/);
  });

  it("drives a custom optimizer that reads a numeric learningRate", () => {
    const custom = { learningRate: 0.5 } as unknown as tf.Optimizer;
    setLearningRate(custom, 0.25);
    expect(getLearningRate(custom)).toBe(0.25);
  });
});
