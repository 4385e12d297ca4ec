/** A strided window on a Float64Array, and the product over such windows: the shapes both kernels share. */
export interface View {
  readonly data: Float64Array;
  readonly offset: number;
  /** distance between rows */
  readonly rs: number;
  /** distance between columns */
  readonly cs: number;
}

/** C (+)= A·B for an m×k A and a k×n B; `accumulate` adds to C instead of overwriting it. */
export type Gemm = (m: number, n: number, k: number, A: View, B: View, C: View, accumulate: boolean) => void;
