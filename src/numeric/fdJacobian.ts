import type { FdGradient } from "./Estimate.ts";
import { fdGradient, type FdOptions } from "./fdGradient.ts";

/** f: ℝⁿ → ℝᵐ, returning an array or typed array of m numbers. */
export type VectorFunction = (x: Float64Array) => ArrayLike<number>;

/** The Jacobian by finite differences: row k is the gradient of x ↦ f(x)[k], with its error bounds. */
export interface FdJacobian {
  /** m, the number of outputs */
  readonly rows: number;
  /** n, the number of inputs */
  readonly cols: number;
  /** row-major m·n: estimate[k·n + i] ≈ ∂f_k/∂x_i */
  readonly estimate: Float64Array;
  readonly errorBound: Float64Array;
  /** 1 where the entry's perturbation crossed a kink */
  readonly kink: Uint8Array;
}

/**
 * Row by row, so each output gets the error model of a scalar function (its own step and
 * bound); m times the evaluations of one gradient, which is what a Jacobian costs by finite
 * differences. f sees copies of x; x is never modified.
 */
export function fdJacobian(f: VectorFunction, x: ArrayLike<number>, options: FdOptions = {}): FdJacobian {
  const m = f(Float64Array.from(x)).length,
    n = x.length;
  const estimate = new Float64Array(m * n),
    errorBound = new Float64Array(m * n),
    kink = new Uint8Array(m * n);
  for (let k = 0; k < m; k++) {
    const row: FdGradient = fdGradient((w) => Number(f(w)[k]), x, options);
    estimate.set(row.estimate, k * n);
    errorBound.set(row.errorBound, k * n);
    kink.set(row.kink, k * n);
  }
  return { rows: m, cols: n, estimate, errorBound, kink };
}
