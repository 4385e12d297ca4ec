import { sigmoid } from "../linalg/expFunctions.ts";

export { sigmoid };

/**
 * The activations a case file may name (README: the case file), each with its derivative beside it. g' is given both z and
 * a = g(z) so that each rule uses the cheaper, better-conditioned form (the lecture's
 * g'(z) = a .* (1 - a) for the sigmoid).
 */
export type ActivationName = "sigmoid" | "tanh" | "relu" | "identity";

export interface Activation {
  readonly g: (z: number) => number;
  readonly gPrime: (z: number, a: number) => number;
}

export const activations: Readonly<Record<ActivationName, Activation>> = {
  sigmoid: { g: sigmoid, gPrime: (_z, a) => a * (1 - a) },
  tanh: { g: Math.tanh, gPrime: (_z, a) => 1 - a * a },
  // NOTE: relu is not differentiable at 0; gradcheck fixes relu'(0) = 0 (README: the case file).
  relu: { g: (z) => (z > 0 ? z : 0), gPrime: (z) => (z > 0 ? 1 : 0) },
  identity: { g: (z) => z, gPrime: () => 1 },
};

export const activationNames = Object.keys(activations) as ActivationName[];

/**
 * What the output layer may use: any element-wise activation, or softmax (src/network/softmax.ts),
 * which maps a whole row of z⁽ᴸ⁾ at once and so is an output activation only.
 */
export type OutputActivationName = ActivationName | "softmax";
export const outputActivationNames: readonly OutputActivationName[] = [...activationNames, "softmax"];
