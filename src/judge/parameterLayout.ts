import { thetaShapes } from "../network/theta.ts";
import type { CostRequest, WbLayer } from "../sandbox/Implementation.ts";
import type { ParameterLayout } from "./Assignment.ts";

/**
 * Every conversion between gradcheck's Θ (unrolled, each Θ⁽ˡ⁾ row-major with its bias column
 * first) and the parameter layouts an assignment may state, both ways, in one place:
 *
 * - `unrolled`: as it is.
 * - `unrolled-column-major`: each Θ⁽ˡ⁾ column by column, Octave's [Theta1(:); Theta2(:)].
 * - `wb`: per layer z = a·W + b with W⁽ˡ⁾ = Θ⁽ˡ⁾[:,1:]ᵀ (in × out) and b⁽ˡ⁾ = Θ⁽ˡ⁾[:,0].
 *
 * Only values move, never arithmetic: every conversion is exact, bit for bit.
 */
export function encodeParams(params: ArrayLike<number>, layerSizes: readonly number[], layout: ParameterLayout): CostRequest["params"] {
  if (layout === "unrolled-column-major") return toColumnMajor(params, layerSizes);
  if (layout === "wb") return toWb(params, layerSizes);
  return Array.from(params);
}

/**
 * A gradient in the layout's order back to gradcheck's: for `wb` the flat order of the sandbox
 * (per layer W row by row, then b; see flatParams in src/sandbox).
 */
export function decodeGradient(grad: ArrayLike<number>, layerSizes: readonly number[], layout: ParameterLayout): Float64Array {
  if (layout === "unrolled-column-major") return Float64Array.from(toRowMajor(grad, layerSizes));
  if (layout === "wb") return fromWbOrder(grad, layerSizes);
  return Float64Array.from(grad);
}

/** Each Θ⁽ˡ⁾ read row by row, written column by column: Octave's [Theta1(:); Theta2(:)]. */
export function toColumnMajor(params: ArrayLike<number>, layerSizes: readonly number[]): number[] {
  return relayout(params, layerSizes, (r, c, rows, cols) => [r * cols + c, c * rows + r]);
}

export function toRowMajor(params: ArrayLike<number>, layerSizes: readonly number[]): number[] {
  return relayout(params, layerSizes, (r, c, rows, cols) => [c * rows + r, r * cols + c]);
}

/** One {W, b} per layer: W[i][k] = Θ⁽ˡ⁾[k, i + 1] (input i, unit k), b[k] = Θ⁽ˡ⁾[k, 0]. */
export function toWb(params: ArrayLike<number>, layerSizes: readonly number[]): WbLayer[] {
  let at = 0;
  return thetaShapes(layerSizes).map(([out, cols]) => {
    const o = at;
    at += out * cols;
    return {
      W: Array.from({ length: cols - 1 }, (_, i) => Array.from({ length: out }, (_, k) => params[o + k * cols + i + 1])),
      b: Array.from({ length: out }, (_, k) => params[o + k * cols]),
    };
  });
}

/** The inverse of toWb, from the flat wb order: per layer W (in × out) row by row, then b. */
export function fromWbOrder(flat: ArrayLike<number>, layerSizes: readonly number[]): Float64Array {
  const theta = new Float64Array(flat.length);
  let at = 0;
  for (const [out, cols] of thetaShapes(layerSizes)) {
    const inputs = cols - 1;
    for (let i = 0; i < inputs; i++) for (let k = 0; k < out; k++) theta[at + k * cols + i + 1] = flat[at + i * out + k];
    for (let k = 0; k < out; k++) theta[at + k * cols] = flat[at + inputs * out + k];
    at += out * cols;
  }
  return theta;
}

function relayout(
  params: ArrayLike<number>,
  layerSizes: readonly number[],
  map: (r: number, c: number, rows: number, cols: number) => [number, number],
): number[] {
  const out = new Array<number>(params.length);
  let at = 0;
  for (const [rows, cols] of thetaShapes(layerSizes)) {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const [from, to] = map(r, c, rows, cols);
        out[at + to] = params[at + from];
      }
    }
    at += rows * cols;
  }
  return out;
}
