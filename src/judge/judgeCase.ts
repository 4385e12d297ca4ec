import type { LabelledCase } from "../network/labels.ts";
import { batchBackprop } from "../backprop/batch.ts";
import type { CostAndGradient } from "../network/Network.ts";
import { rng } from "../numeric/random.ts";
import { parameterCount, unroll } from "../network/theta.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import { thetaName, type ThetaEntry } from "../network/thetaEntry.ts";
import { compareGradients, directionalCheck, toleranceOf, type LayerSummary } from "../check/index.ts";
import { fdGradient } from "../numeric/index.ts";
import { settleCost } from "./settleCost.ts";
import type { CheckProblem } from "./checkProblem.ts";
import type { CallOutcome, Implementation } from "../sandbox/Implementation.ts";
import { requestOf } from "./requestOf.ts";

/**
 * Tolerances, stated once. (a) an entry agrees with gradcheck when
 * |actual − expected| ≤ atol + rtol·|expected|: float64 implementations of the same formula
 * differ by summation order only, far below these. (b) src/check's directional check along a
 * random unit v: |grad·v − D_v J| ≤ safety·e + rtol·|D_v J| + atol, with D_v J the
 * finite-difference derivative of the submission's own J and e its error bound; the floor is
 * looser than src/check's default because a submission's J may be summed less carefully.
 */
export const agreement = { rtol: 1e-7, atol: 1e-9 } as const;
export const selfConsistency = { rtol: 1e-6, atol: 1e-9 } as const;

export interface CaseFinding {
  readonly problem: CheckProblem;
  /** "a": against gradcheck's cost and gradient; "b": against finite differences of its own cost */
  readonly check?: "a" | "b";
  readonly message: string;
  /** the entry with the largest error (see src/network/thetaEntry.ts for the convention) */
  readonly where?: ThetaEntry;
  readonly expected?: number;
  readonly actual?: number;
  /** the process ended before its first answer (see CallOutcome) */
  readonly neverAnswered?: boolean;
}

export interface CaseVerdict {
  readonly ok: boolean;
  readonly findings: CaseFinding[];
  readonly reference: CostAndGradient;
  readonly submitted?: { readonly J: number; readonly grad: Float64Array };
  readonly mutated: readonly string[];
}

/** Runs one case through a submission and judges the answer by (a) and (b). Data, never a throw. */
export async function judgeCase(c: LabelledCase, implementation: Implementation): Promise<CaseVerdict> {
  const reference = batchBackprop(c, c.theta);
  const outcome = await implementation.call(requestOf(c));
  const n = parameterCount(c.layerSizes);
  const failed = callFinding(outcome, n);
  if (failed || outcome.kind !== "result") {
    return { ok: false, findings: [failed!], reference, mutated: outcome.mutated ?? [] };
  }
  const findings: CaseFinding[] = [...againstReference(c, outcome, reference)];
  const b = await againstOwnCost(c, outcome, implementation);
  if (b) findings.push(b);
  return { ok: findings.length === 0, findings, reference, submitted: { J: outcome.J, grad: outcome.grad }, mutated: outcome.mutated };
}

export function callFinding(outcome: CallOutcome, n: number): CaseFinding | undefined {
  if (outcome.kind !== "result") return { problem: outcome.kind, message: outcome.message, ...(outcome.neverAnswered ? { neverAnswered: true } : {}) };
  if (outcome.grad.length !== n) return { problem: "wrong-gradient-length", message: `grad has ${outcome.grad.length} entries, expected ${n} (params.length)` };
  if (!Number.isFinite(outcome.J)) return { problem: "non-finite", message: `J is ${outcome.J}` };
  const bad = outcome.grad.findIndex((g) => !Number.isFinite(g));
  if (bad >= 0) return { problem: "non-finite", message: `grad[${bad}] is ${outcome.grad[bad]}` };
  return undefined;
}


export function againstReference(c: LabelledCase, got: { J: number; grad: Float64Array }, reference: CostAndGradient): CaseFinding[] {
  const findings: CaseFinding[] = [];
  if (Math.abs(got.J - reference.J) > toleranceOf({ ...agreement, safety: 0 }, reference.J, 0)) {
    findings.push({ problem: "cost-mismatch", check: "a", message: `J = ${got.J}, expected ${reference.J} (off by ${(got.J - reference.J).toExponential(3)})`, expected: reference.J, actual: got.J });
  }
  // gradcheck's gradient is exact up to round-off: an error bound of 0, and the floor alone.
  const expected = unroll(reference.grad);
  const comparison = compareGradients(got.grad, { estimate: expected, errorBound: new Float64Array(expected.length) }, {
    tolerance: { ...agreement, safety: 0 },
    locate: thetaLocate(c.layerSizes),
    worst: 1,
  });
  if (!comparison.passed && comparison.worst.length > 0) {
    const w = comparison.worst[0];
    const where: ThetaEntry = { layer: w.location!.layer, row: w.location!.row, column: w.location!.column };
    findings.push({
      problem: "gradient-mismatch", check: "a", where, expected: w.expected, actual: w.actual,
      message: `${comparison.failed} of ${comparison.entries} entries differ (${pattern(comparison.layers)}); the largest at ${w.label}${where.column === 0 ? " (bias column)" : ""}: got ${w.actual}, expected ${w.expected} (abs error ${w.absError.toExponential(2)}; tolerance ${agreement.atol} + ${agreement.rtol}·|expected|)`,
    });
  }
  return findings;
}

/** Which parts of Θ are wrong, in words: the shape of the error is half the diagnosis. */
function pattern(layers: readonly LayerSummary[]): string {
  const parts: string[] = [];
  for (const L of layers) {
    const bias = L.bias?.failed ?? 0, weights = L.weights.failed;
    if (bias === 0 && weights === 0) continue;
    const what = bias && weights ? "bias and weights" : bias ? "bias column only" : "weights only";
    parts.push(`${thetaName(L.layer)}: ${what}`);
  }
  const clean = layers.filter((L) => (L.bias?.failed ?? 0) + L.weights.failed === 0).map((L) => thetaName(L.layer));
  return parts.join("; ") + (clean.length ? `; ${clean.join(", ")} right` : "");
}

/** (b) src/check's directional check, run on the submission's own J along one random unit direction. */
export async function againstOwnCost(c: LabelledCase, got: { J: number; grad: Float64Array }, implementation: Implementation): Promise<CaseFinding | undefined> {
  const theta = unroll(c.theta);
  const settled = await settleCost(c, implementation, (J) =>
    directionalCheck(J, got.grad, theta, { random: rng(theta.length * 7919 + c.X.rows), directions: 1, tolerance: { ...selfConsistency } }));
  if (!settled.ok) return { problem: settled.outcome.kind, check: "b", message: `on a point near Θ (self-consistency probe): ${settled.outcome.message}` };
  const check = settled.value, d = check.directions[0];
  if (d.passed) return undefined;
  return {
    problem: "self-inconsistent", check: "b", expected: d.expected, actual: d.actual,
    message: `along a random unit direction v, grad·v = ${d.actual} but finite differences of the submission's own J give ${d.expected} (off by ${d.absError.toExponential(2)}; tolerance ${d.tolerance.toExponential(2)} from ${check.formula})`,
  };
}

/**
 * Where (b) fails, entry by entry: finite differences of the submission's own J for every
 * parameter, compared with its grad. One call per evaluation, so only for small networks
 * (the shrunk counterexample), to say which entries disagree with the submission's own J.
 */
export async function selfInconsistentEntries(c: LabelledCase, grad: Float64Array, implementation: Implementation): Promise<string | undefined> {
  const theta = unroll(c.theta);
  if (theta.length > 60) return undefined;
  const settled = await settleCost(c, implementation, (J) => fdGradient(J, theta));
  if (!settled.ok) return undefined;
  const cmp = compareGradients(grad, settled.value, { tolerance: { ...selfConsistency }, locate: thetaLocate(c.layerSizes), worst: 1 });
  if (cmp.passed || cmp.worst.length === 0) return undefined;
  const w = cmp.worst[0];
  return `entry by entry, ${cmp.failed} of ${cmp.entries} disagree with its own J (${pattern(cmp.layers)}); the largest at ${w.label}: grad ${w.actual}, slope of its own J ${w.expected}`;
}
