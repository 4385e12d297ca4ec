import { batchBackprop } from "../backprop/batch.ts";
import type { LabelledCase } from "../network/labels.ts";
import { parameterCount } from "../network/theta.ts";
import { caseFileOf, type CaseFile } from "../judge/caseFileOf.ts";
import type { SubmissionFindingKind } from "../outcome/index.ts";
import { askAgain } from "../judge/askTwice.ts";
import { saturated, unjudgeable } from "../judge/judgeAnswer.ts";
import { requestOf } from "../judge/requestOf.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import type { RubricTest, TestKind } from "./Rubric.ts";
import { rubricTestKinds, type Answer, type Asked, type Step } from "./rubricTestKinds.ts";

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
  const record = rubricTestKinds[kind];
  const allowUnstableCost = options.allowUnstableCost === true;
  let first: Asked | undefined;
  const ask = async (x: LabelledCase): Promise<{ step: Step } | Asked> => {
    const asked = await askOnce(kind, x, implementation, allowUnstableCost);
    // the repeat compares raw answers: NaN where NaN was is the same answer
    if (!("step" in asked)) first ??= { ...asked, got: asked.raw };
    return asked;
  };
  const step = await record.judge({ c, ask, implementation, allowUnstableCost });
  if ((step && !step.submitted) || !first) return step;
  const again = await askAgain(first.x, first.got, implementation, record.between, record.parts);
  return again ? { finding: again, c: first.x, reference: first.reference, submitted: first.got } : step;
}

/**
 * One call, and what can be said before the kind judges it. Not finite only where outputs
 * saturate (the naive log, the course's dAL formula): one policy, the stable-cost test's
 * unstable-cost finding (unless the assignment allows it), and every other test judges the rest
 * of the answer, those values set to gradcheck's.
 */
async function askOnce(
  kind: TestKind,
  x: LabelledCase,
  implementation: Implementation,
  allowUnstableCost: boolean,
): Promise<{ step: Step } | (Asked & { raw: Answer })> {
  const reference = batchBackprop(x, x.theta);
  const outcome = await implementation.call(requestOf(x));
  const unstable = outcome.kind === "result" ? saturated(x, outcome, reference) : undefined;
  if (unstable && kind === "stable-cost" && !allowUnstableCost)
    return { step: { finding: unstable.finding, c: x, reference, submitted: outcome as Answer } };
  if (unstable) return { x, got: unstable.patched, reference, unstable: true, raw: outcome as Answer };
  const finding = unjudgeable(outcome, parameterCount(x.layerSizes));
  // a NaN in the gradient is the gradient's fault: a test of J alone still reads J
  const judged = !finding || (finding.problem === "non-finite" && rubricTestKinds[kind].parts === "J");
  if (!judged || outcome.kind !== "result") return { step: { finding: finding!, c: x, reference } };
  const got = { J: outcome.J, grad: outcome.grad };
  return { x, got, reference, raw: got };
}
