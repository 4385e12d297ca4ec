import type { CaseFinding, CaseVerdict } from "./CaseFinding.ts";
import { agreementIn, selfConsistency, type Precision } from "./caseTolerances.ts";
import { againstReference } from "./againstReference.ts";
import { againstOwnCost } from "./ownCostVerdict.ts";
import type { LabelledCase } from "../network/labels.ts";
import { batchBackprop } from "../backprop/batch.ts";
import { parameterCount, unroll } from "../network/theta.ts";
import type { CallOutcome, Implementation } from "../sandbox/Implementation.ts";
import { requestOf } from "./requestOf.ts";
import { unstableCost, withinSaturation } from "./unstableCost.ts";
import { askAgain } from "./askTwice.ts";

export interface JudgeOptions {
  /** the precision answers are held to (default float64) */
  readonly precision?: Precision;
  /** an unstable-cost finding (naive log, gradient right) does not fail the case */
  readonly allowUnstableCost?: boolean;
}

/** Runs one case through a submission and judges the answer by (a) and (b). Data, never a throw. */
export async function judgeCase(c: LabelledCase, implementation: Implementation, options: JudgeOptions = {}): Promise<CaseVerdict> {
  // The request goes first: gradcheck's own answer is computed while the submission computes its.
  const answer = implementation.call(requestOf(c));
  const reference = batchBackprop(c, c.theta);
  const outcome = await answer;
  const n = parameterCount(c.layerSizes);
  const failed = callFinding(outcome, n);
  // A gradient that is not finite only where outputs saturate is judged on its finite entries (saturationReach).
  const saturated =
    outcome.kind === "result" && failed?.problem === "non-finite" ? withinSaturation(c, outcome.grad, unroll(reference.grad)) : undefined;
  if ((failed && !saturated) || outcome.kind !== "result") {
    return { ok: false, findings: [failed!], reference, mutated: outcome.mutated ?? [] };
  }
  const precision = options.precision ?? "float64";
  const wanted = Number.isFinite(outcome.J) && !saturated && precision !== "float32";
  const self = () => againstOwnCost(c, outcome, implementation, selfConsistency);
  // Where (b)'s points travel together (callEach), they are sent before (a) is judged, so the
  // submission computes them meanwhile; on an unstable cost (known only after (a)) their
  // answers go unused. One call at a time, they wait for (a), as nothing would overlap.
  const early = wanted && implementation.callEach ? self() : undefined;
  const a = againstReference(c, saturated ? { J: outcome.J, grad: saturated.grad } : outcome, reference, agreementIn[precision]);
  const unstable = unstableCost(c, outcome, reference, a, saturated?.nonFinite);
  const findings: CaseFinding[] = unstable ? [unstable] : saturated ? [failed!, ...a] : [...a];
  // A cost that is infinite or rounding noise where outputs saturate has no slope to compare.
  const b = unstable ? await early?.catch(() => undefined) : wanted ? await (early ?? self()) : undefined;
  if (b && !unstable) findings.push(b);
  // The same Θ once more, as optimisers ask it (after (b)'s points near Θ, or straight after):
  // an answer that moved is state kept between calls, and the values above mean nothing.
  const again = await askAgain(c, outcome, implementation, wanted || early ? "with points near it in between" : "one after the other");
  if (again) return { ok: false, findings: [again], reference, submitted: { J: outcome.J, grad: outcome.grad }, mutated: outcome.mutated };
  const accepted = (f: CaseFinding) => f.problem === "unstable-cost" && options.allowUnstableCost === true;
  return { ok: findings.every(accepted), findings, reference, submitted: { J: outcome.J, grad: outcome.grad }, mutated: outcome.mutated };
}

export function callFinding(outcome: CallOutcome, n: number): CaseFinding | undefined {
  if (outcome.kind !== "result")
    return { problem: outcome.kind, message: outcome.message, ...(outcome.neverAnswered ? { neverAnswered: true } : {}) };
  if (outcome.grad.length !== n)
    return { problem: "wrong-gradient-length", message: `grad has ${outcome.grad.length} entries, expected ${n} (params.length)` };
  const bad = outcome.grad.findIndex((g) => !Number.isFinite(g));
  if (bad >= 0) return { problem: "non-finite", message: `grad[${bad}] is ${outcome.grad[bad]}` };
  // A non-finite J with a finite gradient is judged with the gradient: it may be the naive log.
  return undefined;
}
