import type { LabelledCase } from "../network/labels.ts";
import { batchBackprop } from "../backprop/batch.ts";
import type { CostAndGradient } from "../network/Network.ts";
import { rng } from "../numeric/random.ts";
import { parameterCount, roll, unroll } from "../network/theta.ts";
import { costFunction } from "../network/costFunction.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import type { ThetaEntry } from "../network/thetaEntry.ts";
import { compareGradients, directionalCheck, toleranceOf } from "../check/index.ts";
import { settleCost } from "./settleCost.ts";
import type { SubmissionFindingKind } from "../outcome/index.ts";
import type { CallOutcome, Implementation } from "../sandbox/Implementation.ts";
import { requestOf } from "./requestOf.ts";
import { unstableCost, withinSaturation } from "./unstableCost.ts";
import { confinedColumns, pattern, silentLayers, wrongParts } from "./errorPattern.ts";
import { reluKinkWatch, type ReluKinkWatch } from "./reluKinkWatch.ts";
import { askAgain } from "./askTwice.ts";
import { noiseBudget, noiseSafety } from "./costNoise.ts";
import { reluKinkBounds } from "./reluKinkBounds.ts";
import { strayCost } from "./strayCost.ts";

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
  readonly problem: SubmissionFindingKind;
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

export function againstReference(
  c: LabelledCase,
  got: { J: number; grad: Float64Array },
  reference: CostAndGradient,
  tolerance: { rtol: number; atol: number },
): CaseFinding[] {
  const J = costAgainstReference(got.J, reference.J, tolerance);
  const gradient = gradientAgainstReference(c, got.grad, reference, tolerance);
  return [...(J ? [J] : []), ...(gradient ? [gradient] : [])];
}

function costAgainstReference(J: number, expected: number, tolerance: { rtol: number; atol: number }): CaseFinding | undefined {
  if (!Number.isFinite(J)) return { problem: "non-finite", check: "a", message: `J is ${J}`, expected, actual: J };
  if (Math.abs(J - expected) <= toleranceOf({ ...tolerance, safety: 0 }, expected, 0)) return undefined;
  return {
    problem: "cost-mismatch",
    check: "a",
    message: `J = ${J}, expected ${expected} (off by ${(J - expected).toExponential(3)})`,
    expected,
    actual: J,
  };
}

/**
 * gradcheck's gradient is exact up to round-off: an error bound of 0, and the floor alone;
 * entries that hang on relu' at a kink may lie anywhere between their two ends (reluKinkBounds).
 */
function gradientAgainstReference(
  c: LabelledCase,
  grad: Float64Array,
  reference: CostAndGradient,
  tolerance: { rtol: number; atol: number },
): CaseFinding | undefined {
  const comparison = compareGradients(grad, expectedGradient(c, reference), {
    // the kink interval is exact, not an error model's estimate: no cap narrows it
    tolerance: { ...tolerance, safety: 1, cap: Infinity },
    locate: thetaLocate(c.layerSizes),
    worst: 1,
    // one case of many: its rounding-ambiguous entries are set aside, the other cases hold them
    maxSetAside: 1,
  });
  if (comparison.passed || comparison.worst.length === 0) return undefined;
  const w = comparison.worst[0];
  const where: ThetaEntry = { layer: w.location!.layer, row: w.location!.row, column: w.location!.column };
  const confined = confinedColumns(c, comparison.compared);
  return {
    problem: "gradient-mismatch",
    check: "a",
    where,
    expected: w.expected,
    actual: w.actual,
    wrongParts: wrongParts(comparison.layers, confined),
    message: `${comparison.failed} of ${comparison.entries} entries differ (${pattern(comparison.layers, silentLayers(c), confined)}); the largest at ${w.label}${where.column === 0 ? " (bias column)" : ""}: got ${w.actual}, expected ${expectedText(w)} (abs error ${w.absError.toExponential(2)}; tolerance ${tolerance.atol} + ${tolerance.rtol}·|expected|${w.errorBound > 0 ? " + half the kink's width" : ""})`,
  };
}

/** An entry's expected value, or the range a relu at its kink allows. */
function expectedText(w: { expected: number; errorBound: number }): string {
  return w.errorBound > 0 ? `${w.expected - w.errorBound} to ${w.expected + w.errorBound} (a relu at its kink)` : `${w.expected}`;
}

/**
 * gradcheck's gradient as (a) holds an answer to it: exact, except that an entry reached by a
 * relu at its kink may be anywhere in [expected + low, expected + high], given as that
 * interval's midpoint with half its width as the error bound.
 */
function expectedGradient(c: LabelledCase, reference: CostAndGradient): { estimate: Float64Array; errorBound: Float64Array } {
  const estimate = unroll(reference.grad);
  const errorBound = new Float64Array(estimate.length);
  const bounds = reluKinkBounds(c);
  if (!bounds) return { estimate, errorBound };
  for (let q = 0; q < estimate.length; q++) {
    estimate[q] += (bounds.low[q] + bounds.high[q]) / 2;
    errorBound[q] = (bounds.high[q] - bounds.low[q]) / 2;
  }
  return { estimate, errorBound };
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
  const first = await directionalOnOwnCost(c, got.grad, theta, implementation, tolerance, kinks);
  if (!first.ok)
    return { problem: first.outcome.kind, check: "b", message: `on a point near Θ (self-consistency probe): ${first.outcome.message}` };
  // A J right at Θ but off at one of (b)'s points (the difference quotient may drop it as an outlier).
  const exactAtTheta = costFunction(c, c.theta);
  if (Math.abs(got.J - exactAtTheta) <= toleranceOf({ ...agreement, safety: 0 }, exactAtTheta, 0)) {
    const stray = await strayCost(c, first.answers, implementation);
    if (stray) return stray;
  }
  let { check } = first,
    noted = "";
  // A J that rounds noisily (a naive log near saturation) gets the noise its own answers show.
  const fAccuracy = check.passed || kinks.crossed() ? undefined : noiseBudget(c, theta, got.J, first.answers);
  if (fAccuracy !== undefined) {
    const again = await directionalOnOwnCost(c, got.grad, theta, implementation, tolerance, kinks, fAccuracy);
    if (again.ok)
      [check, noted] = [again.check, `, J's own rounding noise ${(fAccuracy / noiseSafety).toExponential(2)} taken as its accuracy`];
  }
  const d = check.directions[0];
  // Across a relu kink the difference quotient is no derivative: (b) has nothing to say on this
  // case, while (a) still holds every entry to gradcheck's gradient, so no bug passes for it.
  // Too noisy to decide (the finite-difference error above the cap) is no finding either: (a) judges every entry.
  if (d.verdict !== "fail" || kinks.crossed() || !finiteDifferencesHold(c, theta, tolerance)) return undefined;
  return {
    problem: "self-inconsistent",
    check: "b",
    expected: d.expected,
    actual: d.actual,
    message: `along a random unit direction v, grad·v = ${d.actual} but finite differences of the submission's own J give ${d.expected} (off by ${d.absError.toExponential(2)}; tolerance ${d.tolerance.toExponential(2)} from ${check.formula}${noted})`,
  };
}

/**
 * The control of (b): gradcheck's own J and gradient, along the same direction with the same
 * steps. Where J curves on a scale far below the step (an output's z in the tens of thousands,
 * where a step sized to the weights moves z by hundreds), the difference quotient of even the
 * exact J misses its own error bound: (b) cannot judge that case, for anyone, and says nothing,
 * while (a) still judges every entry.
 */
function finiteDifferencesHold(c: LabelledCase, theta: Float64Array, tolerance: { rtol: number; atol: number }): boolean {
  const exact = directionalCheck((x) => costFunction(c, roll(x, c.layerSizes)), unroll(batchBackprop(c, c.theta).grad), theta, {
    ...directionOf(c, theta),
    tolerance: { ...tolerance },
  });
  return exact.passed;
}

/** (b)'s direction and step scale for a case: the same on every call, so the control repeats them exactly. */
function directionOf(c: LabelledCase, theta: Float64Array) {
  return { random: rng(theta.length * 7919 + c.X.rows), directions: 1, stepScale: weightScaleOf(c) };
}

/** (b) once, its points of J settled: the check, and J at every point it used. */
async function directionalOnOwnCost(
  c: LabelledCase,
  grad: Float64Array,
  theta: Float64Array,
  implementation: Implementation,
  tolerance: { rtol: number; atol: number },
  kinks: ReluKinkWatch,
  fAccuracy?: number,
) {
  const answers = new Map<Float64Array, number>();
  const settled = await settleCost(c, implementation, (J) => {
    answers.clear();
    const noted = (x: Float64Array) => {
      const v = J(x);
      answers.set(Float64Array.from(x), v);
      return v;
    };
    return directionalCheck(kinks.J(noted), grad, theta, {
      ...directionOf(c, theta),
      tolerance: { ...tolerance },
      ...(fAccuracy !== undefined ? { fAccuracy } : {}),
    });
  });
  return settled.ok ? { ok: true as const, check: settled.value, answers } : settled;
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
