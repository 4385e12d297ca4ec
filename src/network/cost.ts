import { expNegAbsInto, VECTOR_MIN_LENGTH } from "../linalg/vectorExp.ts";
import type { OutputActivationName } from "./activation.ts";

/**
 * The data term of each cost, per output unit, and its δ⁽ᴸ⁾ = ∂(loss)/∂z⁽ᴸ⁾ beside it.
 * J = (1/m) Σ_i Σ_k loss(z, a, y) + regularisation.
 */
export type CostName = "cross-entropy" | "squared-error";

export interface Cost {
  /** Output activations this cost is defined for (README: the case file). */
  readonly outputs: readonly OutputActivationName[];
  readonly loss: (z: number, a: number, y: number) => number;
  /** δ⁽ᴸ⁾ for one unit; gPrime is the output activation's derivative there. */
  readonly delta: (z: number, a: number, y: number, gPrime: number) => number;
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

export const costs: Readonly<Record<CostName, Cost>> = {
  "cross-entropy": {
    // With softmax the loss is per example, not per unit: see softmaxCrossEntropy; δ⁽ᴸ⁾ = a − y
    // holds for both (σ' and the softmax Jacobian cancel against the log's derivative).
    outputs: ["sigmoid", "softmax"],
    // −[y log σ(z) + (1−y) log(1−σ(z))] = softplus(z) − y·z exactly; finite even where σ(z)
    // rounds to 1.0 and log(1 − h) would be −∞.
    loss: (z, _a, y) => softplus(z) - y * z,
    delta: (_z, a, y) => a - y,
  },
  "squared-error": {
    outputs: ["sigmoid", "identity"],
    loss: (_z, a, y) => 0.5 * (a - y) * (a - y),
    delta: (_z, a, y, gPrime) => (a - y) * gPrime,
  },
};

export const costNames = Object.keys(costs) as CostName[];
