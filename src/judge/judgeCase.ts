import type { LabelledCase } from "../network/labels.ts";
import { batchBackprop } from "../backprop/batch.ts";
import type { CostAndGradient } from "../network/Network.ts";
import { rng } from "../numeric/random.ts";
import { parameterCount, unroll } from "../network/theta.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import type { ThetaEntry } from "../network/thetaEntry.ts";
import { compareGradients, directionalCheck, toleranceOf } from "../check/index.ts";
import { settleCost } from "./settleCost.ts";
import type { CheckProblem } from "./checkProblem.ts";
import type { CallOutcome, Implementation } from "../sandbox/Implementation.ts";
import { requestOf } from "./requestOf.ts";
import { naiveLogError, unstableCost } from "./unstableCost.ts";
import { confinedColumns, pattern, silentLayers, wrongParts } from "./errorPattern.ts";
import { reluKinkWatch } from "./reluKinkWatch.ts";
import { reluRoundingKinks } from "./reluRoundingKinks.ts";

/**
 * Tolerances, stated once. (a) an entry agrees with gradcheck when
 * |actual − expected| ≤ atol + rtol·|expected|: float64 implementations of the same formula
 * differ by summation order only, far below these, while an answer computed in single
 * precision (relative error ≈ 6e-8 per rounding) misses rtol = 1e-9 on every network.
 * `--precision float32` holds answers to single precision instead, and skips (b): finite
 * differences of a J rounded to 24 bits are noise. (b) src/check's
 * directional check along a random unit v: |grad·v − D_v J| ≤ safety·e + rtol·|D_v J| + atol,
 * with D_v J the finite-difference derivative of the submission's own J and e its error bound;
 * the floor is looser than src/check's default because a submission's J may be summed less
 * carefully.
 */
export type Precision = "float64" | "float32";
export const agreementIn: Readonly<Record<Precision, { readonly rtol: number; readonly atol: number }>> = {
  float64: { rtol: 1e-9, atol: 1e-12 },
  float32: { rtol: 1e-4, atol: 1e-6 },
};
export const agreement = agreementIn.float64;
export const selfConsistency = { rtol: 1e-6, atol: 1e-9 } as const;

export interface JudgeOptions {
  /** the precision answers are held to (default float64) */
  readonly precision?: Precision;
  /** an unstable-cost finding (naive log, gradient right) does not fail the case */
  readonly allowUnstableCost?: boolean;
}

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
  /** for gradient-mismatch: which parts of each Θ⁽ˡ⁾ disagree ("Θ⁽¹⁾ bias", "Θ⁽²⁾ weights") */
  readonly wrongParts?: readonly string[];
  /** for not-reproducible: the two answers to the same case */
  readonly answers?: readonly { readonly J: number; readonly grad: readonly number[] }[];
}

export interface CaseVerdict {
  readonly ok: boolean;
  readonly findings: CaseFinding[];
  readonly reference: CostAndGradient;
  readonly submitted?: { readonly J: number; readonly grad: Float64Array };
  readonly mutated: readonly string[];
}

/** Runs one case through a submission and judges the answer by (a) and (b). Data, never a throw. */
export async function judgeCase(c: LabelledCase, implementation: Implementation, options: JudgeOptions = {}): Promise<CaseVerdict> {
  // The request goes first: gradcheck's own answer is computed while the submission computes its.
  const answer = implementation.call(requestOf(c));
  const reference = batchBackprop(c, c.theta);
  const outcome = await answer;
  const n = parameterCount(c.layerSizes);
  const failed = callFinding(outcome, n);
  const naive = failed?.problem === "non-finite" && options.allowUnstableCost === true ? naiveGradient(c, failed) : undefined;
  if (naive) return { ok: true, findings: [naive], reference, mutated: outcome.mutated ?? [] };
  if (failed || outcome.kind !== "result") {
    return { ok: false, findings: [failed!], reference, mutated: outcome.mutated ?? [] };
  }
  const precision = options.precision ?? "float64";
  const wanted = Number.isFinite(outcome.J) && precision !== "float32";
  const self = () => againstOwnCost(c, outcome, implementation, selfConsistency);
  // Where (b)'s points travel together (callEach), they are sent before (a) is judged, so the
  // submission computes them meanwhile; on an unstable cost (known only after (a)) their
  // answers go unused. One call at a time, they wait for (a), as nothing would overlap.
  const early = wanted && implementation.callEach ? self() : undefined;
  const a = againstReference(c, outcome, reference, agreementIn[precision]);
  const unstable = unstableCost(c, outcome, reference, a);
  const findings: CaseFinding[] = unstable ? [unstable] : [...a];
  // A cost that is infinite or rounding noise where outputs saturate has no slope to compare.
  const b = unstable ? await early?.catch(() => undefined) : wanted ? await (early ?? self()) : undefined;
  if (b && !unstable) findings.push(b);
  const accepted = (f: CaseFinding) => f.problem === "unstable-cost" && options.allowUnstableCost === true;
  return { ok: findings.every(accepted), findings, reference, submitted: { J: outcome.J, grad: outcome.grad }, mutated: outcome.mutated };
}

/**
 * A course's own backward pass that divides by h and 1 − h (deeplearning.ai's dAL) gives ∞ or
 * NaN exactly where an output rounds to 0 or 1, as the naive log gives an infinite J there:
 * where the assignment allows the naive formulas, that case is a warning, with nothing to compare.
 */
function naiveGradient(c: LabelledCase, failed: CaseFinding): CaseFinding | undefined {
  const { saturatedOutputs } = naiveLogError(c);
  if (saturatedOutputs === 0) return undefined;
  return {
    problem: "unstable-cost",
    check: "a",
    message: `${failed.message} where ${saturatedOutputs} output${saturatedOutputs > 1 ? "s round" : " rounds"} to exactly 0 or 1, as a formula dividing by h or 1 − h gives there`,
  };
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

export function againstReference(
  c: LabelledCase,
  got: { J: number; grad: Float64Array },
  reference: CostAndGradient,
  tolerance: { rtol: number; atol: number },
): CaseFinding[] {
  const findings: CaseFinding[] = [];
  if (!Number.isFinite(got.J)) {
    findings.push({ problem: "non-finite", check: "a", message: `J is ${got.J}`, expected: reference.J, actual: got.J });
  } else if (Math.abs(got.J - reference.J) > toleranceOf({ ...tolerance, safety: 0 }, reference.J, 0)) {
    findings.push({
      problem: "cost-mismatch",
      check: "a",
      message: `J = ${got.J}, expected ${reference.J} (off by ${(got.J - reference.J).toExponential(3)})`,
      expected: reference.J,
      actual: got.J,
    });
  }
  // gradcheck's gradient is exact up to round-off: an error bound of 0, and the floor alone;
  // entries that hang on relu' at a z that is 0 up to round-off are not differentiable here.
  const expected = unroll(reference.grad);
  const kink = reluRoundingKinks(c);
  const comparison = compareGradients(
    got.grad,
    { estimate: expected, errorBound: new Float64Array(expected.length), ...(kink ? { kink } : {}) },
    {
      tolerance: { ...tolerance, safety: 0 },
      locate: thetaLocate(c.layerSizes),
      worst: 1,
    },
  );
  if (!comparison.passed && comparison.worst.length > 0) {
    const w = comparison.worst[0];
    const where: ThetaEntry = { layer: w.location!.layer, row: w.location!.row, column: w.location!.column };
    const confined = confinedColumns(c, comparison.compared);
    findings.push({
      problem: "gradient-mismatch",
      check: "a",
      where,
      expected: w.expected,
      actual: w.actual,
      wrongParts: wrongParts(comparison.layers, confined),
      message: `${comparison.failed} of ${comparison.entries} entries differ (${pattern(comparison.layers, silentLayers(c), confined)}); the largest at ${w.label}${where.column === 0 ? " (bias column)" : ""}: got ${w.actual}, expected ${w.expected} (abs error ${w.absError.toExponential(2)}; tolerance ${tolerance.atol} + ${tolerance.rtol}·|expected|)`,
    });
  }
  return findings;
}

/**
 * (b) src/check's directional check, run on the submission's own J along one random unit
 * direction; not differentiable here (no finding) when the direction crosses a relu kink.
 */
export async function againstOwnCost(
  c: LabelledCase,
  got: { J: number; grad: Float64Array },
  implementation: Implementation,
  tolerance: { rtol: number; atol: number },
): Promise<CaseFinding | undefined> {
  const theta = unroll(c.theta);
  const kinks = reluKinkWatch(c, theta);
  const settled = await settleCost(c, implementation, (J) =>
    directionalCheck(kinks.J(J), got.grad, theta, {
      random: rng(theta.length * 7919 + c.X.rows),
      directions: 1,
      tolerance: { ...tolerance },
      stepScale: weightScaleOf(c),
    }),
  );
  if (!settled.ok)
    return { problem: settled.outcome.kind, check: "b", message: `on a point near Θ (self-consistency probe): ${settled.outcome.message}` };
  const check = settled.value,
    d = check.directions[0];
  // Across a relu kink the difference quotient is no derivative: (b) has nothing to say on this
  // case, while (a) still holds every entry to gradcheck's gradient, so no bug passes for it.
  if (d.passed || kinks.crossed()) return undefined;
  return {
    problem: "self-inconsistent",
    check: "b",
    expected: d.expected,
    actual: d.actual,
    message: `along a random unit direction v, grad·v = ${d.actual} but finite differences of the submission's own J give ${d.expected} (off by ${d.absError.toExponential(2)}; tolerance ${d.tolerance.toExponential(2)} from ${check.formula})`,
  };
}

/**
 * The step of (b) is sized to the weights, not the biases: a bias only shifts z, and the
 * overflow regime's output biases of 800 (a shift that leaves J unchanged) would otherwise
 * stretch the step across everything that curves J.
 */
function weightScaleOf(c: LabelledCase): number {
  let max = 1;
  for (const T of c.theta) for (let q = 0; q < T.data.length; q++) if (q % T.cols !== 0) max = Math.max(max, Math.abs(T.data[q]));
  return max;
}
