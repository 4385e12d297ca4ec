import type { CaseFinding } from "./CaseFinding.ts";
import type { LabelledCase } from "../network/labels.ts";
import type { CostAndGradient } from "../network/Network.ts";
import { unroll } from "../network/theta.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import type { ThetaEntry } from "../network/thetaEntry.ts";
import { compareGradients } from "../check/index.ts";
import { costAllowance } from "./caseTolerances.ts";
import { confinedColumns, pattern, silentLayers, wrongParts } from "./errorPattern.ts";
import { reluKinkBounds } from "./reluKinkBounds.ts";
import { backpropRoundOff } from "./backpropRoundOff.ts";

/** (a): the submission's J and gradient against gradcheck's exact ones, entry by entry. */
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

/** (a) on J alone: not finite, or off by more than its allowance. */
export function costAgainstReference(J: number, expected: number, tolerance: { rtol: number; atol: number }): CaseFinding | undefined {
  if (!Number.isFinite(J)) return { problem: "non-finite", check: "a", message: `J is ${J}`, expected, actual: J };
  if (Math.abs(J - expected) <= costAllowance(expected, tolerance)) return undefined;
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
export function gradientAgainstReference(
  c: LabelledCase,
  grad: Float64Array,
  reference: CostAndGradient,
  tolerance: { rtol: number; atol: number },
): CaseFinding | undefined {
  const { estimate, errorBound, roundOff } = expectedGradient(c, reference);
  const comparison = compareGradients(
    grad,
    { estimate, errorBound },
    {
      // the kink interval is exact, not an error model's estimate: no cap narrows it
      tolerance: { ...tolerance, safety: 1, cap: Infinity },
      locate: thetaLocate(c.layerSizes),
      worst: 1,
      // one case of many: its rounding-ambiguous entries are set aside, the other cases hold them
      maxSetAside: 1,
    },
  );
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
    message: `${comparison.failed} of ${comparison.entries} entries differ (${pattern(comparison.layers, silentLayers(c), confined)}); the largest at ${w.label}${where.column === 0 ? " (bias column)" : ""}: got ${w.actual}, expected ${expectedText(w, roundOff[w.index]!)} (abs error ${w.absError.toExponential(2)}; tolerance ${tolerance.atol} + ${tolerance.rtol}·|expected|${w.errorBound > roundOff[w.index]! ? " + half the kink's width" : ""}${roundOffText(roundOff[w.index]!, tolerance.atol)})`,
  };
}

/** The round-off term of (a)'s tolerance, stated where it is more than a hundredth of the floor. */
function roundOffText(bound: number, atol: number): string {
  return bound > atol / 100 ? ` + ${bound.toExponential(2)}, the round-off its backward pass may carry` : "";
}

/** An entry's expected value, or the range a relu at its kink allows (the error bound less the round-off). */
function expectedText(w: { expected: number; errorBound: number }, roundOff: number): string {
  const half = w.errorBound - roundOff;
  return half > 0 ? `${w.expected - half} to ${w.expected + half} (a relu at its kink)` : `${w.expected}`;
}

/**
 * gradcheck's gradient as (a) holds an answer to it: exact up to the round-off a correct
 * backward pass may carry (backpropRoundOff), except that an entry reached by a relu at its
 * kink may be anywhere in [expected + low, expected + high], given as that interval's midpoint
 * with half its width added to the error bound.
 */
function expectedGradient(c: LabelledCase, reference: CostAndGradient) {
  const estimate = unroll(reference.grad);
  const roundOff = backpropRoundOff(c);
  const errorBound = Float64Array.from(roundOff);
  const bounds = reluKinkBounds(c);
  if (!bounds) return { estimate, errorBound, roundOff };
  for (let q = 0; q < estimate.length; q++) {
    estimate[q] += (bounds.low[q] + bounds.high[q]) / 2;
    errorBound[q] += (bounds.high[q] - bounds.low[q]) / 2;
  }
  return { estimate, errorBound, roundOff };
}
