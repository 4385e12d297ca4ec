import { gemm, type View } from "./gemm.ts";
import { zeros, shapeOf, type Matrix } from "./Matrix.ts";

/** The whole of a row-major matrix as a kernel view. */
export function view(A: Matrix): View {
  return { data: A.data, offset: 0, rs: A.cols, cs: 1 };
}

/** Columns from..A.cols of A, without copying (used to skip Θ's bias column). */
export function columnsFrom(A: Matrix, from: number): View {
  return { data: A.data, offset: from, rs: A.cols, cs: 1 };
}

export function transposed(v: View): View {
  return { data: v.data, offset: v.offset, rs: v.cs, cs: v.rs };
}

function check(op: string, ok: boolean, A: Matrix, B: Matrix): void {
  if (!ok) throw new RangeError(`${op}: shapes ${shapeOf(A)} and ${shapeOf(B)} do not conform`);
}

/** A·B */
export function matmul(A: Matrix, B: Matrix): Matrix {
  check("matmul", A.cols === B.rows, A, B);
  const C = zeros(A.rows, B.cols);
  gemm(A.rows, B.cols, A.cols, view(A), view(B), view(C), false);
  return C;
}

/** A·Bᵀ */
export function matmulABt(A: Matrix, B: Matrix): Matrix {
  check("matmulABt", A.cols === B.cols, A, B);
  const C = zeros(A.rows, B.rows);
  gemm(A.rows, B.rows, A.cols, view(A), transposed(view(B)), view(C), false);
  return C;
}

/** Aᵀ·B */
export function matmulAtB(A: Matrix, B: Matrix): Matrix {
  check("matmulAtB", A.rows === B.rows, A, B);
  const C = zeros(A.cols, B.cols);
  gemm(A.cols, B.cols, A.rows, transposed(view(A)), view(B), view(C), false);
  return C;
}
