import type { Network } from "../network/Network.ts";

/** What an nnCostFunction computes besides its shapes: the hidden activation, the output layer and the cost. */
export type Family = Pick<Network, "hiddenActivation" | "outputActivation" | "cost">;

/** The lecture's setting, and the submission signature's default: sigmoid everywhere, cross-entropy. */
export const lectureFamily: Family = { hiddenActivation: "sigmoid", outputActivation: "sigmoid", cost: "cross-entropy" };
