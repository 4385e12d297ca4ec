import { softplus, softplusInto } from "../linalg/expFunctions.ts";
import type { OutputActivationName } from "./activation.ts";

export { softplus, softplusInto };

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
