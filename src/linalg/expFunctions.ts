import { expNegAbsInto, VECTOR_MIN_LENGTH } from "./vectorExp.ts";

/**
 * The scalar functions built on e^x that both the network's formulas and the tape's rules use,
 * each written so that no exponential overflows. They live here, below both, so that the tape
 * needs nothing of the network.
 */

/** σ(z) without overflow: exp is only ever taken of a non-positive number. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * softplus(z) = log(1 + e^z), computed so that neither e^z overflows nor 1 + e^-|z| loses
 * the small term: max(z, 0) + log1p(e^-|z|).
 */
export function softplus(z: number): number {
  return softplusFromExp(z, Math.exp(-Math.abs(z)));
}

/** softplus(z) given e = e^−|z| (taken for a whole layer at once by the vector kernel). */
function softplusFromExp(z: number, e: number): number {
  return Math.max(z, 0) + Math.log1p(e);
}

/** out[q] = softplus(z[q]) bit for bit, the exponentials taken by the vector kernel. out must not be z. */
export function softplusInto(z: Float64Array, out: Float64Array): void {
  if (z.length < VECTOR_MIN_LENGTH) {
    for (let q = 0; q < z.length; q++) out[q] = softplus(z[q]);
    return;
  }
  expNegAbsInto(z, out);
  for (let q = 0; q < z.length; q++) out[q] = softplusFromExp(z[q], out[q]);
}

/** log Σ_k e^{z_k}, shifted by max z so that no e^{z_k} overflows and at least one term is 1. */
export function logSumExp(z: ArrayLike<number>, at = 0, K = z.length - at): number {
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (z[at + k] > max) max = z[at + k];
  if (max === -Infinity || max === Infinity) return max;
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp(z[at + k] - max);
  return max + Math.log(s);
}
