import { batchBackprop } from "../backprop/batch.ts";
import { matrix } from "../linalg/Matrix.ts";
import type { LabelledCase } from "../network/labels.ts";
import type { CostAndGradient } from "../network/Network.ts";
import { caseFileOf, type CaseFile } from "../judge/caseFileOf.ts";
import type { SubmissionFindingKind } from "../outcome/index.ts";
import type { AnswerParts } from "../judge/answerChange.ts";
import { askAgain } from "../judge/askTwice.ts";
import { agreement, againstOwnCost, againstReference, callFinding, selfConsistency, type CaseFinding } from "../judge/judgeCase.ts";
import { requestOf } from "../judge/requestOf.ts";
import { saturatedAnswer } from "../judge/unstableCost.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { costFinding } from "./costFinding.ts";
import type { RubricTest, TestKind } from "./Rubric.ts";

/** One rubric test on one submission: all-or-nothing, the first failing network is kept. */
export interface TestOutcome {
  readonly passed: boolean;
  readonly message: string;
  /** what failed, for the catalogue match and the feedback */
  readonly problem?: SubmissionFindingKind;
  readonly counterexample?: CaseFile;
  /** the process ended before it ever answered: nothing of the submission ran */
  readonly neverAnswered?: boolean;
}

export interface RubricTestOptions {
  /** the assignment accepts a naive log's J where outputs saturate (the stable-cost test passes it) */
  readonly allowUnstableCost?: boolean;
}

type Answer = { J: number; grad: Float64Array };
type Step = { finding: CaseFinding; c: LabelledCase; reference: CostAndGradient; submitted?: Answer } | undefined;
/** unstable: J or ∂J/∂Θ was not finite only where outputs saturate, and got holds gradcheck's values there */
type Asked = { x: LabelledCase; got: Answer; reference: CostAndGradient; unstable?: true };

/**
 * Which parts of an answer each kind judges, and what it asks between the first call and its
 * repeat: the state check compares only what the test grades, so a gradient kept between calls
 * costs the gradient's tests and a cost kept between calls the cost's.
 */
const kindInfo: Readonly<Record<TestKind, { readonly parts: AnswerParts; readonly between: string }>> = {
  "answers-in-shape": { parts: "both", between: "one after the other" },
  "cost-lambda0": { parts: "J", between: "one after the other" },
  "cost-regularizer": { parts: "J", between: "with λ = 0 in between" },
  "gradient-lambda0": { parts: "grad", between: "one after the other" },
  "gradient-regularizer": { parts: "grad", between: "with λ = 0 in between" },
  "self-consistency": { parts: "both", between: "with points near it in between" },
  "stable-cost": { parts: "J", between: "one after the other" },
};

/**
 * Runs a test's networks through the submission and judges only what the test's kind names,
 * so a slip in another part of the assignment does not fail it. A crash, a timeout or a NaN
 * fails this test only: the child is restarted for the next call.
 */
export async function runRubricTest(
  test: RubricTest,
  networks: readonly LabelledCase[],
  implementation: Implementation,
  options: RubricTestOptions = {},
): Promise<TestOutcome> {
  for (let k = 0; k < networks.length; k++) {
    const c = networks[k];
    const failed = await judgeNetwork(test.kind, c, implementation, options);
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

/**
 * The kind's judgement, then its first call asked once more, as optimisers ask the same Θ again
 * (straight after, or after other points): a moved answer is state kept between calls, which
 * explains any wrong value above, so it is the finding.
 */
async function judgeNetwork(kind: TestKind, c: LabelledCase, implementation: Implementation, options: RubricTestOptions): Promise<Step> {
  let first: Asked | undefined;
  const ask = async (x: LabelledCase): Promise<{ step: Step } | Asked> => {
    const reference = batchBackprop(x, x.theta);
    const outcome = await implementation.call(requestOf(x));
    // Not finite only where outputs saturate (the naive log, the course's dAL formula): one
    // policy, the stable-cost test's unstable-cost finding (unless the assignment allows it),
    // and every other test judges the rest of the answer, those values set to gradcheck's.
    const saturated =
      outcome.kind === "result" ? saturatedAnswer(x, outcome, reference, (g) => againstReference(x, g, reference, agreement)) : undefined;
    if (saturated && kind === "stable-cost" && options.allowUnstableCost !== true)
      return { step: { finding: saturated.finding, c: x, reference, submitted: outcome as Answer } };
    if (saturated) {
      // the repeat compares raw answers: NaN where NaN was is the same answer
      first ??= { x, got: outcome as Answer, reference };
      return { x, got: saturated.patched, reference, unstable: true };
    }
    const finding = callFinding(
      outcome,
      reference.grad.reduce((s, D) => s + D.data.length, 0),
    );
    // a NaN in the gradient is the gradient's fault: a test of J alone still reads J
    const judged = !finding || (finding.problem === "non-finite" && kindInfo[kind].parts === "J");
    if (!judged || outcome.kind !== "result") return { step: { finding: finding!, c: x, reference } };
    const asked = { x, got: { J: outcome.J, grad: outcome.grad }, reference };
    first ??= asked;
    return asked;
  };
  const step = await judgeKind(kind, c, ask, implementation, options);
  if ((step && !step.submitted) || !first) return step;
  const again = await askAgain(first.x, first.got, implementation, kindInfo[kind].between, kindInfo[kind].parts);
  return again ? { finding: again, c: first.x, reference: first.reference, submitted: first.got } : step;
}

async function judgeKind(
  kind: TestKind,
  c: LabelledCase,
  ask: (x: LabelledCase) => Promise<{ step: Step } | Asked>,
  implementation: Implementation,
  options: RubricTestOptions,
): Promise<Step> {
  const at = (lambda: number): LabelledCase => ({ ...c, lambda });
  const stepOf = (r: Asked, finding: CaseFinding | undefined, label = ""): Step =>
    finding && { finding: { ...finding, message: label + finding.message }, c: r.x, reference: r.reference, submitted: r.got };
  const gradientOf = (r: Asked, label = ""): Step =>
    stepOf(
      r,
      againstReference(r.x, r.got, r.reference, agreement).find((f) => f.problem === "gradient-mismatch"),
      label,
    );
  const costOf = (r: Asked): Step =>
    stepOf(r, costFinding(r.x, r.got, r.reference, { judged: kind === "stable-cost", allowed: options.allowUnstableCost === true }));

  switch (kind) {
    case "answers-in-shape": {
      const r = await ask(c);
      return "step" in r ? r.step : undefined;
    }
    case "cost-lambda0":
    case "gradient-lambda0": {
      const r = await ask(at(0));
      if ("step" in r) return r.step;
      return kind === "cost-lambda0" ? costOf(r) : gradientOf(r);
    }
    case "stable-cost": {
      const r = await ask(c);
      return "step" in r ? r.step : costOf(r);
    }
    case "cost-regularizer":
    case "gradient-regularizer": {
      const withL = await ask(c);
      if ("step" in withL) return withL.step;
      const without = await ask(at(0));
      if ("step" in without) return without.step;
      // A J that is NaN or ±∞ where the exact cost is finite leaves no regulariser to measure.
      const broken = kind === "cost-regularizer" && (costNonFinite(withL, costOf) ?? costNonFinite(without, costOf));
      if (broken) return broken;
      // Only the regulariser's share: the data term cancels, whatever its own slips.
      const share = difference(withL, without);
      const step =
        kind === "cost-regularizer"
          ? stepOf(
              share,
              againstReference(share.x, share.got, share.reference, agreement).find((f) => f.problem === "cost-mismatch"),
              "regulariser J(λ) − J(0): ",
            )
          : gradientOf(share, "regulariser grad(λ) − grad(0): ");
      // The counterexample shows the call at λ as it was made, not the difference.
      return step && { ...step, c, reference: withL.reference, submitted: withL.got };
    }
    case "self-consistency": {
      const r = await ask(c);
      if ("step" in r) return r.step;
      // A NaN or ∞ J has no slope to compare: the cost's tests charge it, as check's (b) skips it;
      // nor has a J that is infinite where outputs saturate.
      if (!Number.isFinite(r.got.J) || r.unstable) return undefined;
      return stepOf(r, await againstOwnCost(c, r.got, implementation, selfConsistency));
    }
  }
}

function costNonFinite(r: Asked, costOf: (r: Asked) => Step): Step {
  return Number.isFinite(r.got.J) ? undefined : costOf(r);
}

/** The answer at λ minus the answer at λ = 0, and the same of gradcheck's: the regulariser alone. */
function difference(withL: Asked, without: Asked): Asked {
  return {
    x: withL.x,
    got: { J: withL.got.J - without.got.J, grad: withL.got.grad.map((g, q) => g - without.got.grad[q]) },
    reference: {
      J: withL.reference.J - without.reference.J,
      grad: withL.reference.grad.map((D, l) =>
        matrix(
          D.rows,
          D.cols,
          D.data.map((d, q) => d - without.reference.grad[l].data[q]),
        ),
      ),
    },
  };
}
