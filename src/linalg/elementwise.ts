import { shapeOf, type Matrix } from "./Matrix.ts";

export function map(A: Matrix, f: (x: number) => number): Matrix {
  const out = new Float64Array(A.data.length);
  const a = A.data;
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]);
  return { rows: A.rows, cols: A.cols, data: out };
}

export function zip(A: Matrix, B: Matrix, f: (x: number, y: number) => number): Matrix {
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new RangeError(`zip: shapes ${shapeOf(A)} and ${shapeOf(B)} differ`);
  }
  const out = new Float64Array(A.data.length);
  const a = A.data, b = B.data;
  for (let i = 0; i < a.length; i++) out[i] = f(a[i], b[i]);
  return { rows: A.rows, cols: A.cols, data: out };
}

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

/** Column sums: 1×cols. */
export function sumRows(A: Matrix): Float64Array {
  const out = new Float64Array(A.cols);
  const a = A.data;
  for (let i = 0; i < A.rows; i++) {
    const r = i * A.cols;
    for (let j = 0; j < A.cols; j++) out[j] += a[r + j];
  }
  return out;
}
