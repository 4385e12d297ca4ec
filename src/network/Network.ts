import type { Matrix } from "../linalg/Matrix.ts";
import type { ActivationName, OutputActivationName } from "./activation.ts";
import type { CostName } from "./cost.ts";

/*
 * A network and its data go by one name per concept, each a step from the last:
 * - Network: the topology, activations and cost; no numbers.
 * - Problem: a Network with its data X, Y and λ: everything J(Θ) depends on besides Θ.
 * - Case: a named Problem at a point Θ, maybe with the expected answer: what gets evaluated.
 * - LabelledCase (labels.ts): a Case whose Y is the one-hot of its labels, as a submission is
 *   asked it (nnCostFunction takes y as labels).
 * - CaseFile (src/judge/caseFileOf.ts): a Case as the case-file JSON writes it, plain arrays.
 * - NetworkSpec (src/grade/Rubric.ts): what a rubric file says about the networks a test is
 *   drawn from (ranges of sizes, λ, how many); no network yet.
 */

/** The shape of a network and the cost it is trained on (README: the case file). */
export interface Network {
  /** [s_1, …, s_L], L ≥ 2 */
  readonly layerSizes: readonly number[];
  readonly hiddenActivation: ActivationName;
  readonly outputActivation: OutputActivationName;
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

export function activationOfLayer(network: Network, l: number): OutputActivationName {
  // l counts weight layers from 0: the last one feeds the output units.
  return l === network.layerSizes.length - 2 ? network.outputActivation : network.hiddenActivation;
}
