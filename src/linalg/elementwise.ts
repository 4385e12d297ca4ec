import type { Matrix } from "./Matrix.ts";

/** Σ of squares of every entry from column `from` on (the regulariser skips column 0). */
export function sumSquaresFromColumn(A: Matrix, from: number): number {
  const a = A.data;
  let s = 0;
  for (let i = 0; i < A.rows; i++) {
    const r = i * A.cols;
    for (let j = from; j < A.cols; j++) s += a[r + j] * a[r + j];
  }
  return s;
}
