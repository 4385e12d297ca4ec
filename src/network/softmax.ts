import { logSumExp } from "../linalg/expFunctions.ts";
import { expInto, VECTOR_MIN_LENGTH } from "../linalg/vectorExp.ts";

export { logSumExp };

/**
 * The softmax output layer, one example (a row of K pre-activations) at a time. Softmax is an
 * output activation only: unlike the element-wise activations, each a_k depends on every z_k.
 */

/** a = softmax(z) for one row, with the same max-shift: e^{z_k − max} / Σ e^{z_j − max}. */
export function softmaxInto(z: ArrayLike<number>, zAt: number, a: Float64Array, aAt: number, K: number): void {
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (z[zAt + k] > max) max = z[zAt + k];
  let s = 0;
  for (let k = 0; k < K; k++) s += a[aAt + k] = Math.exp(z[zAt + k] - max);
  for (let k = 0; k < K; k++) a[aAt + k] /= s;
}

/** Row maxima, then z − max per row into `shifted`, then e^(z − max) over the whole layer at once. */
function shiftedExps(z: Float64Array, shifted: Float64Array, m: number, K: number, max: Float64Array): void {
  for (let i = 0; i < m; i++) {
    const r = i * K;
    let mx = -Infinity;
    for (let k = 0; k < K; k++) if (z[r + k] > mx) mx = z[r + k];
    max[i] = mx;
    for (let k = 0; k < K; k++) shifted[r + k] = z[r + k] - mx;
  }
  expInto(shifted, shifted);
}

/** Row maxima of the layer being computed, reused from call to call. */
let maxBuffer = new Float64Array(0);
const rowMaxima = (m: number) => (maxBuffer.length < m ? (maxBuffer = new Float64Array(m)) : maxBuffer);

/**
 * softmaxInto for every row of an m × K layer, the exponentials taken for the whole layer by
 * the vector kernel: the same values, summed in the same order, so a is bit for bit the same.
 */
export function softmaxRowsInto(z: Float64Array, a: Float64Array, m: number, K: number): void {
  if (z.length < VECTOR_MIN_LENGTH) {
    for (let i = 0; i < m; i++) softmaxInto(z, i * K, a, i * K, K);
    return;
  }
  shiftedExps(z, a, m, K, rowMaxima(m));
  for (let i = 0; i < m; i++) {
    const r = i * K;
    let s = 0;
    for (let k = 0; k < K; k++) s += a[r + k];
    for (let k = 0; k < K; k++) a[r + k] /= s;
  }
}

/** e^(z − max) of the layer whose loss is being summed, reused from call to call. */
let expBuffer = new Float64Array(0);

/**
 * Σ over the rows of softmaxCrossEntropy, into `sum`, with the exponentials of every row's
 * logsumexp taken for the whole layer by the vector kernel: bit for bit the row-by-row values.
 */
export function addSoftmaxCrossEntropies(z: Float64Array, y: Float64Array, m: number, K: number, sum: { add(v: number): void }): void {
  if (expBuffer.length < z.length) expBuffer = new Float64Array(z.length);
  const e = expBuffer.subarray(0, z.length),
    max = rowMaxima(m);
  shiftedExps(z, e, m, K, max);
  for (let i = 0; i < m; i++) {
    const r = i * K;
    let yz = 0;
    for (let k = 0; k < K; k++) yz += y[r + k] * z[r + k];
    let lse = max[i];
    if (lse !== -Infinity && lse !== Infinity) {
      let s = 0;
      for (let k = 0; k < K; k++) s += e[r + k];
      lse += Math.log(s);
    }
    sum.add(lse - yz);
  }
}

/**
 * One example's categorical cross-entropy −Σ_k y_k log softmax(z)_k, computed as
 * logsumexp(z) − Σ_k y_k z_k (exact when Σ_k y_k = 1): finite wherever the exact value is,
 * even where softmax(z)_k underflows to 0 and log would be −∞.
 */
export function softmaxCrossEntropy(z: ArrayLike<number>, zAt: number, y: ArrayLike<number>, yAt: number, K: number): number {
  let yz = 0;
  for (let k = 0; k < K; k++) yz += y[yAt + k] * z[zAt + k];
  return logSumExp(z, zAt, K) - yz;
}

/**
 * softmaxCrossEntropy(z') − softmaxCrossEntropy(z) for one row, from a = softmax(z) and the
 * new row z': log1p(Σ_k a_k·expm1(z'_k − z_k)) − Σ_k y_k (z'_k − z_k). Exact algebra, but it
 * never subtracts two logsumexps, so a tiny change keeps its relative accuracy (finite
 * differences live on such changes).
 */
export function softmaxCrossEntropyChange(
  z: ArrayLike<number>,
  a: ArrayLike<number>,
  at: number,
  zNew: ArrayLike<number>,
  zNewAt: number,
  y: ArrayLike<number>,
  yAt: number,
  K: number,
): number {
  let s = 0,
    yDz = 0;
  for (let k = 0; k < K; k++) {
    const dz = zNew[zNewAt + k] - z[at + k];
    s += a[at + k] * Math.expm1(dz);
    yDz += y[yAt + k] * dz;
  }
  return Math.log1p(s) - yDz;
}
