import type { LabelledCase } from "../network/labels.ts";
import type { CostAndGradient } from "../network/Network.ts";
import type { CallOutcome, Implementation } from "../sandbox/Implementation.ts";
import { callFinding } from "./judgeCase.ts";
import { againstReference } from "./againstReference.ts";
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
  return againstGradcheck(x, got, reference).find((f) => f.problem === "gradient-mismatch");
}

/** J's mismatch with gradcheck's, when J is finite; the gradient aside. */
export function costMismatch(x: LabelledCase, got: Answer, reference: CostAndGradient): CaseFinding | undefined {
  return againstGradcheck(x, got, reference).find((f) => f.problem === "cost-mismatch");
}

/** An answer not finite only where outputs saturate: the unstable-cost finding, and the answer with gradcheck's values there. */
export function saturated(x: LabelledCase, got: Answer, reference: CostAndGradient) {
  return saturatedAnswer(x, got, reference, (g) => againstGradcheck(x, g, reference));
}

/** Whether the gradient is the slope of the submission's own J, along one random direction. */
export function slopeMismatch(x: LabelledCase, got: Answer, implementation: Implementation): Promise<CaseFinding | undefined> {
  return againstOwnCost(x, got, implementation, selfConsistency);
}
