import fc from "fast-check";
import { activationNames } from "../src/network/activation.ts";
import { costNames, costs } from "../src/network/cost.ts";
import type { Network } from "../src/network/Network.ts";
import { layerSizesArbitrary, type LayerSizesConstraints } from "../src/judge/layerSizesArbitrary.ts";

export const activationArbitrary = () => fc.constantFrom(...activationNames);
export const costArbitrary = () => fc.constantFrom(...costNames);

/** A topology with its activations and a cost, the output activation always one the cost allows. */
export function networkArbitrary(c: LayerSizesConstraints = {}): fc.Arbitrary<Network> {
  return fc
    .record({ layerSizes: layerSizesArbitrary(c), hiddenActivation: activationArbitrary(), cost: costArbitrary(), pick: fc.nat() })
    .map(({ layerSizes, hiddenActivation, cost, pick }) => {
      const outputs = costs[cost].outputs;
      const outputActivation = outputs[pick % outputs.length];
      // softmax needs K ≥ 2 classes: one output unit would always say 1.
      const sizes =
        outputActivation === "softmax" ? [...layerSizes.slice(0, -1), Math.max(2, layerSizes[layerSizes.length - 1])] : layerSizes;
      return { layerSizes: sizes, hiddenActivation, outputActivation, cost };
    });
}
