import type { LabelledCase } from "../network/labels.ts";
import type { CostAndGradient } from "../network/Network.ts";
import type { CallOutcome, Implementation } from "../sandbox/Implementation.ts";
import { callFinding } from "./judgeCase.ts";
import { againstReference, costAgainstReference, gradientAgainstReference } from "./againstReference.ts";
import { againstOwnCost } from "./ownCostVerdict.ts";
import { agreement, selfConsistency } from "./caseTolerances.ts";
import type { CaseFinding } from "./CaseFinding.ts";
import { saturatedAnswer } from "./unstableCost.ts";

/**
 * The judge's verbs for one answer, each under the tolerance a case uses: what a rubric test
 * holds against the part of the answer it grades, without reaching into how a case is judged.
 */
type Answer = { J: number; grad: Float64Array };

/** Why an answer cannot be judged at all (a crash, a timeout, a gradient of the wrong length, a NaN in it). */
export function unjudgeable(outcome: CallOutcome, parameterCount: number): CaseFinding | undefined {
  return callFinding(outcome, parameterCount);
}

/** Every way the answer differs from gradcheck's: J (non-finite or off) and the gradient's worst entry. */
export function againstGradcheck(x: LabelledCase, got: Answer, reference: CostAndGradient): CaseFinding[] {
  return againstReference(x, got, reference, agreement);
}

/** The gradient's mismatch with gradcheck's, J aside. */
export function gradientMismatch(x: LabelledCase, got: Answer, reference: CostAndGradient): CaseFinding | undefined {
  return gradientAgainstReference(x, got.grad, reference, agreement);
}

/** J against gradcheck's: not finite, or off; the gradient is not looked at (nor computed on). */
export function costAgainstGradcheck(got: Answer, reference: CostAndGradient): CaseFinding | undefined {
  return costAgainstReference(got.J, reference.J, agreement);
}

/** J's mismatch with gradcheck's, when J is finite; the gradient aside. */
export function costMismatch(got: Answer, reference: CostAndGradient): CaseFinding | undefined {
  const f = costAgainstGradcheck(got, reference);
  return f?.problem === "cost-mismatch" ? f : undefined;
}

/** An answer not finite only where outputs saturate: the unstable-cost finding, and the answer with gradcheck's values there. */
export function saturated(x: LabelledCase, got: Answer, reference: CostAndGradient) {
  return saturatedAnswer(x, got, reference, (g) => againstGradcheck(x, g, reference));
}

/** Whether the gradient is the slope of the submission's own J: along a random unit direction, or a kink-free one where that crosses a relu kink. */
export function slopeMismatch(x: LabelledCase, got: Answer, implementation: Implementation): Promise<CaseFinding | undefined> {
  return againstOwnCost(x, got, implementation, selfConsistency);
}
