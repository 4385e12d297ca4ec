import { matrix, type Matrix } from "../linalg/Matrix.ts";
import { oneHotRows } from "../network/labels.ts";

/** Side of one digit image: 28×28 grey levels in [0, 1], row by row. */
export const imageSide = 28;
export const pixelsPerImage = imageSide * imageSide;
/** K: the ten classes 0–9. */
export const classCount = 10;

/** Labelled digit images: one image per row of X (m × 784), labels[i] its digit. */
export interface Digits {
  readonly X: Matrix;
  readonly labels: Uint8Array;
}

/** Y for the cost: row i is the one-hot vector of labels[i] (K = 10 columns). */
export function oneHot(labels: ArrayLike<number>, K = classCount): Matrix {
  return matrix(labels.length, K, oneHotRows(Array.from(labels), K));
}

/** The examples at the given indices, in that order (copies; the source is never aliased). */
export function subset(digits: Digits, indices: ArrayLike<number>): Digits {
  const n = digits.X.cols;
  const data = new Float64Array(indices.length * n);
  const labels = new Uint8Array(indices.length);
  for (let q = 0; q < indices.length; q++) {
    const i = indices[q];
    data.set(digits.X.data.subarray(i * n, (i + 1) * n), q * n);
    labels[q] = digits.labels[i];
  }
  return { X: { rows: indices.length, cols: n, data }, labels };
}
