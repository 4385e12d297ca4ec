/**
 * The softmax output layer, one example (a row of K pre-activations) at a time. Softmax is an
 * output activation only: unlike the element-wise activations, each a_k depends on every z_k.
 */

/** log Σ_k e^{z_k}, shifted by max z so that no e^{z_k} overflows and at least one term is 1. */
export function logSumExp(z: ArrayLike<number>, at = 0, K = z.length - at): number {
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (z[at + k] > max) max = z[at + k];
  if (max === -Infinity || max === Infinity) return max;
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp(z[at + k] - max);
  return max + Math.log(s);
}

/** a = softmax(z) for one row, with the same max-shift: e^{z_k − max} / Σ e^{z_j − max}. */
export function softmaxInto(z: ArrayLike<number>, zAt: number, a: Float64Array, aAt: number, K: number): void {
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (z[zAt + k] > max) max = z[zAt + k];
  let s = 0;
  for (let k = 0; k < K; k++) s += a[aAt + k] = Math.exp(z[zAt + k] - max);
  for (let k = 0; k < K; k++) a[aAt + k] /= s;
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
