import type { Matrix } from "../linalg/Matrix.ts";

/**
 * One operation of the tape: its value and, beside it, how it sends gradient back.
 *
 * `attr` carries an op's constant parameters (pow's exponent, the column range of `columns`);
 * it is never differentiated.
 */
export interface Rule {
  /** [rows, cols] of the result, or why the inputs do not fit (the tape adds op and shapes). */
  shape(x: readonly Matrix[], attr: readonly number[]): [number, number] | string;
  /** Writes the value into `out` (fresh, zero-filled); never writes an input. */
  forward(x: readonly Matrix[], out: Matrix, attr: readonly number[]): void;
  /**
   * The vector–Jacobian product: dx[i] += gᵀ·∂out/∂x_i for each input, g being the gradient
   * reaching `out` (same layout as out.data). dx[i] is null when input i needs no gradient (a
   * constant). Rules only ever add into dx, so a value used twice receives both contributions.
   */
  vjp(g: Float64Array, x: readonly Matrix[], out: Matrix, dx: readonly (Float64Array | null)[], attr: readonly number[]): void;
}
