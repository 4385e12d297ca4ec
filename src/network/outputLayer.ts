import { activations } from "./activation.ts";
import { costs } from "./cost.ts";
import type { Network } from "./Network.ts";
import { softmaxCrossEntropy, softmaxInto } from "./softmax.ts";

/**
 * The output layer of a network as every gradient method needs it, one example (a row of K
 * units at an offset) at a time: the activation, the example's loss, and δ⁽ᴸ⁾ per unit. An
 * element-wise activation and cost are applied unit by unit; softmax works on the whole row.
 */
export interface OutputLayer {
  /** a⁽ᴸ⁾ = g(z⁽ᴸ⁾) for one example. */
  activate(z: ArrayLike<number>, zAt: number, a: Float64Array, aAt: number, K: number): void;
  /** The example's data term, before the 1/m. */
  loss(z: ArrayLike<number>, zAt: number, a: ArrayLike<number>, aAt: number, y: ArrayLike<number>, yAt: number, K: number): number;
  /** δ⁽ᴸ⁾_k = ∂loss/∂z_k for one unit, from its z, its (already computed) a and its target. */
  delta(z: number, a: number, y: number): number;
}

export function outputLayerOf(network: Pick<Network, "outputActivation" | "cost">): OutputLayer {
  const cost = costs[network.cost];
  if (network.outputActivation === "softmax") {
    if (network.cost !== "cross-entropy") throw new RangeError(`softmax output needs the cross-entropy cost, got ${network.cost}`);
    return {
      activate: softmaxInto,
      loss: (z, zAt, _a, _aAt, y, yAt, K) => softmaxCrossEntropy(z, zAt, y, yAt, K),
      // ∂/∂z_k [logsumexp(z) − Σ y z] = softmax(z)_k − y_k exactly, whatever Σ y is.
      delta: (_z, a, y) => a - y,
    };
  }
  const { g, gPrime } = activations[network.outputActivation];
  return {
    activate(z, zAt, a, aAt, K) {
      for (let k = 0; k < K; k++) a[aAt + k] = g(z[zAt + k]);
    },
    loss(z, zAt, a, aAt, y, yAt, K) {
      let s = 0;
      for (let k = 0; k < K; k++) s += cost.loss(z[zAt + k], a[aAt + k], y[yAt + k]);
      return s;
    },
    delta: (z, a, y) => cost.delta(z, a, y, gPrime(z, a)),
  };
}
