// The first training in a process pays for kernel set-up and JIT compilation. A throw-away run of two
// batches and one validation chunk pays it up front, untimed, so no schedule is charged for it.
import type { LayersModel } from "@tensorflow/tfjs";
import type { MetricName } from "../stats/metrics";
import { evaluateRows, type RunData } from "./run";
import type { Training } from "./tfjs";

/** Trains `model` (compiled; disposed here) on two batches at rate 0 and evaluates once. */
export async function warmUp(training: Training, model: LayersModel, data: RunData, batchSize: number, metric: MetricName): Promise<void> {
  const { tf, adapter } = training;
  try {
    adapter.setLearningRate(model.optimizer, 0);
    for (let b = 0; b < 2; b++) {
      const rows = data.train.subarray(b * batchSize, (b + 1) * batchSize);
      if (rows.length === 0) break;
      const index = tf.tensor1d(rows, "int32");
      const xb = tf.gather(data.x, index);
      const yb = tf.gather(data.y, index);
      try {
        await model.trainOnBatch(xb, yb);
      } finally {
        tf.dispose([index, xb, yb]);
      }
    }
    evaluateRows(training, model, data.vx, data.vy, data.validation.subarray(0, 2048), metric);
  } finally {
    model.optimizer?.dispose();
    model.dispose();
  }
}
