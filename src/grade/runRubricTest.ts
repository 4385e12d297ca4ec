import { batchBackprop } from "../backprop/batch.ts";
import { matrix } from "../linalg/Matrix.ts";
import type { LabelledCase } from "../network/labels.ts";
import type { CostAndGradient } from "../network/Network.ts";
import { caseFileOf, type CaseFile } from "../judge/caseFileOf.ts";
import type { CheckProblem } from "../judge/checkProblem.ts";
import { agreement, againstOwnCost, againstReference, callFinding, selfConsistency, type CaseFinding } from "../judge/judgeCase.ts";
import { requestOf } from "../judge/requestOf.ts";
import { saturatedAnswer } from "../judge/unstableCost.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import type { RubricTest } from "./Rubric.ts";

/** One rubric test on one submission: all-or-nothing, the first failing network is kept. */
export interface TestOutcome {
  readonly passed: boolean;
  readonly message: string;
  /** what failed, for the catalogue match and the feedback */
  readonly problem?: CheckProblem;
  readonly counterexample?: CaseFile;
  /** the process ended before it ever answered: nothing of the submission ran */
  readonly neverAnswered?: boolean;
}

type Answer = { J: number; grad: Float64Array };
type Step = { finding: CaseFinding; c: LabelledCase; reference: CostAndGradient; submitted?: Answer } | undefined;

/**
 * Runs a test's networks through the submission and judges only what the test's kind names,
 * so a slip in another part of the assignment does not fail it. A crash, a timeout or a NaN
 * fails this test only: the child is restarted for the next call.
 */
export async function runRubricTest(
  test: RubricTest,
  networks: readonly LabelledCase[],
  implementation: Implementation,
  options: { readonly allowUnstableCost?: boolean } = {},
): Promise<TestOutcome> {
  for (let k = 0; k < networks.length; k++) {
    const c = networks[k];
    const failed = await judgeNetwork(test, c, implementation, options.allowUnstableCost === true);
    if (!failed) continue;
    const { finding, c: used, reference, submitted } = failed;
    const where = `network ${k + 1} of ${networks.length} (layerSizes [${used.layerSizes}], m = ${used.X.rows}, λ = ${used.lambda})`;
    return {
      passed: false,
      problem: finding.problem,
      message: `${where}: ${finding.message}`,
      counterexample: caseFileOf(used, reference, submitted),
      ...(finding.neverAnswered ? { neverAnswered: true } : {}),
    };
  }
  return { passed: true, message: `passed on ${networks.length} network${networks.length === 1 ? "" : "s"}` };
}

async function judgeNetwork(test: RubricTest, c: LabelledCase, implementation: Implementation, allowUnstableCost: boolean): Promise<Step> {
  const at = (lambda: number): LabelledCase => ({ ...c, lambda });
  const answer = async (x: LabelledCase): Promise<{ step: Step } | { got: Answer; reference: CostAndGradient; unstable?: true }> => {
    const reference = batchBackprop(x, x.theta);
    const outcome = await implementation.call(requestOf(x));
    // Not finite only where outputs saturate (the naive log, the course's dAL): unstable-cost,
    // or, where the rubric allows it, the rest of the answer judged as usual.
    const unstable =
      outcome.kind === "result" ? saturatedAnswer(x, outcome, reference, (g) => againstReference(x, g, reference, agreement)) : undefined;
    if (unstable && !allowUnstableCost && hits(test, outcome as Answer))
      return { step: { finding: unstable.finding, c: x, reference, submitted: outcome as Answer } };
    if (unstable) return { got: unstable.patched, reference, unstable: true };
    const finding = callFinding(
      outcome,
      reference.grad.reduce((s, D) => s + D.data.length, 0),
    );
    if (finding || outcome.kind !== "result") return { step: { finding: finding!, c: x, reference } };
    return { got: { J: outcome.J, grad: outcome.grad }, reference };
  };
  const only = (problem: CheckProblem, x: LabelledCase, got: Answer, reference: CostAndGradient, label = ""): Step => {
    const finding = againstReference(x, got, reference, agreement).find((f) => f.problem === problem);
    return finding ? { finding: { ...finding, message: label + finding.message }, c: x, reference, submitted: got } : undefined;
  };

  switch (test.kind) {
    case "answers-in-shape": {
      const r = await answer(c);
      return "step" in r ? r.step : undefined;
    }
    case "cost-lambda0":
    case "gradient-lambda0": {
      const x = at(0),
        r = await answer(x);
      if ("step" in r) return r.step;
      return only(test.kind === "cost-lambda0" ? "cost-mismatch" : "gradient-mismatch", x, r.got, r.reference);
    }
    case "stable-cost": {
      const r = await answer(c);
      if ("step" in r) return r.step;
      return only("cost-mismatch", c, r.got, r.reference);
    }
    case "cost-regularizer":
    case "gradient-regularizer": {
      const withL = await answer(c);
      if ("step" in withL) return withL.step;
      const without = await answer(at(0));
      if ("step" in without) return without.step;
      // Only the regulariser's share: the data term cancels, whatever its own slips.
      const got = { J: withL.got.J - without.got.J, grad: withL.got.grad.map((g, q) => g - without.got.grad[q]) };
      const reference: CostAndGradient = {
        J: withL.reference.J - without.reference.J,
        grad: withL.reference.grad.map((D, l) =>
          matrix(
            D.rows,
            D.cols,
            D.data.map((d, q) => d - without.reference.grad[l].data[q]),
          ),
        ),
      };
      const step =
        test.kind === "cost-regularizer"
          ? only("cost-mismatch", c, got, reference, "regulariser J(λ) − J(0): ")
          : only("gradient-mismatch", c, got, reference, "regulariser grad(λ) − grad(0): ");
      // The counterexample shows the call at λ as it was made, not the difference.
      return step && { ...step, reference: withL.reference, submitted: withL.got };
    }
    case "self-consistency": {
      const r = await answer(c);
      if ("step" in r) return r.step;
      // a cost that is infinite where outputs saturate has no slope to compare (as in check)
      if (r.unstable) return undefined;
      const finding = await againstOwnCost(c, r.got, implementation, selfConsistency);
      return finding ? { finding, c, reference: r.reference, submitted: r.got } : undefined;
    }
  }
}

/** Whether a test judges the part of an answer that is not finite: J for the cost tests, ∂J/∂Θ for the gradient tests. */
function hits(test: RubricTest, got: Answer): boolean {
  const cost = !Number.isFinite(got.J),
    gradient = !got.grad.every(Number.isFinite);
  if (test.kind.startsWith("cost-") || test.kind === "stable-cost") return cost;
  if (test.kind.startsWith("gradient-")) return gradient;
  return cost || gradient;
}
