import { zeros, type Matrix } from "../linalg/Matrix.ts";
import type { Theta } from "./Network.ts";

/** [rows, cols] of each Θ⁽ˡ⁾: s_{l+1} × (s_l + 1). */
export function thetaShapes(layerSizes: readonly number[]): Array<[number, number]> {
  const shapes: Array<[number, number]> = [];
  for (let l = 0; l + 1 < layerSizes.length; l++) shapes.push([layerSizes[l + 1], layerSizes[l] + 1]);
  return shapes;
}

/** Where each Θ⁽ˡ⁾ starts in the unrolled parameters. */
export function thetaOffsets(layerSizes: readonly number[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const [r, c] of thetaShapes(layerSizes)) {
    offsets.push(at);
    at += r * c;
  }
  return offsets;
}

export function parameterCount(layerSizes: readonly number[]): number {
  return thetaShapes(layerSizes).reduce((n, [r, c]) => n + r * c, 0);
}

/** Θ⁽¹⁾, Θ⁽²⁾, … each row-major with its bias column first, end to end. */
export function unroll(theta: Theta): Float64Array {
  const out = new Float64Array(theta.reduce((n, T) => n + T.data.length, 0));
  let at = 0;
  for (const T of theta) {
    out.set(T.data, at);
    at += T.data.length;
  }
  return out;
}

/** The inverse of unroll; copies, so the result never aliases params. */
export function roll(params: ArrayLike<number>, layerSizes: readonly number[]): Matrix[] {
  const expected = parameterCount(layerSizes);
  if (params.length !== expected) {
    throw new RangeError(`layerSizes [${layerSizes}] need ${expected} parameters, got ${params.length}`);
  }
  const out: Matrix[] = [];
  let at = 0;
  for (const [r, c] of thetaShapes(layerSizes)) {
    const T = zeros(r, c);
    for (let i = 0; i < r * c; i++) T.data[i] = params[at + i];
    out.push(T);
    at += r * c;
  }
  return out;
}

/**
 * W⁽ˡ⁾ᵀ for each layer: Θ⁽ˡ⁾ without its bias column, transposed (s_l × s_{l+1}, row-major).
 * The forward pass's product A·Wᵀ reads it in place; from Θ itself the kernel would first
 * gather Wᵀ column by column, once for every chunk of a batch.
 */
export function weightsTransposed(theta: Theta): Matrix[] {
  return theta.map((T) => {
    const sOut = T.rows,
      sIn = T.cols - 1;
    const WT = zeros(sIn, sOut);
    for (let k = 0; k < sOut; k++) for (let j = 0; j < sIn; j++) WT.data[j * sOut + k] = T.data[k * T.cols + j + 1];
    return WT;
  });
}
