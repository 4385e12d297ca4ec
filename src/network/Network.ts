import type { Matrix } from "../linalg/Matrix.ts";
import type { ActivationName } from "./activation.ts";
import type { CostName } from "./cost.ts";

/** The shape of a network and the cost it is trained on (README: the case file). */
export interface Network {
  /** [s_1, …, s_L], L ≥ 2 */
  readonly layerSizes: readonly number[];
  readonly hiddenActivation: ActivationName;
  readonly outputActivation: ActivationName;
  readonly cost: CostName;
}

/** A network with its training data and λ: everything J(Θ) depends on besides Θ. */
export interface Problem extends Network {
  readonly lambda: number;
  /** m × s_1, one example per row */
  readonly X: Matrix;
  /** m × s_L, one target per row */
  readonly Y: Matrix;
}

/** Θ⁽¹⁾ … Θ⁽ᴸ⁻¹⁾; Θ⁽ˡ⁾ is s_{l+1} × (s_l + 1) with the bias column first. */
export type Theta = readonly Matrix[];

export interface CostAndGradient {
  readonly J: number;
  /** ∂J/∂Θ⁽ˡ⁾, the same shapes as Θ */
  readonly grad: Matrix[];
}

/** A case file (README: the case file) once read and validated. */
export interface Case extends Problem {
  readonly name: string;
  readonly theta: Theta;
  readonly labels?: readonly number[];
  readonly expected?: CostAndGradient;
}

export function activationOfLayer(network: Network, l: number): ActivationName {
  // l counts weight layers from 0: the last one feeds the output units.
  return l === network.layerSizes.length - 2 ? network.outputActivation : network.hiddenActivation;
}
