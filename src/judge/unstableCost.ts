import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";
import type { CostAndGradient } from "../network/Network.ts";
import type { CaseFinding } from "./judgeCase.ts";

/**
 * How far from the exact J a cost written the naive way, −y·log(h) − (1 − y)·log(1 − h) with
 * h = σ(z) in float64, can land when it stays finite: 1 − h carries an absolute error of about
 * one ulp of 1, so the log of a small 1 − h (or of a small h) is off by about ε/(1 − h). The
 * bound sums that over every output unit and example, with a factor 4 for the rounding of
 * σ itself; a term whose 1 − h rounds to 0 makes the naive cost infinite or NaN, never finite,
 * and adds nothing to the bound but is counted: only then can the naive cost be non-finite.
 */
export function naiveLogError(c: LabelledCase): { readonly bound: number; readonly saturatedOutputs: number } {
  const { z } = forward(c, c.theta, c.X);
  const Z = z[z.length - 1].data;
  const ulp = Number.EPSILON;
  let bound = 0,
    saturatedOutputs = 0;
  for (let q = 0; q < Z.length; q++) {
    // the smaller of h and 1 − h, computed without cancellation
    const tail = 1 / (1 + Math.exp(Math.abs(Z[q])));
    if (tail < ulp / 2) {
      saturatedOutputs++;
      continue;
    }
    bound += (4 * ulp) / tail;
  }
  return { bound: bound / c.X.rows, saturatedOutputs };
}

/**
 * The naive log: the gradient is right and J is exactly what −y·log(h) − (1 − y)·log(1 − h)
 * gives in float64 — infinite or NaN where an output rounds to 0 or 1, or off by no more than
 * that formula's rounding error. A clipped or otherwise wrong cost is further off and stays a
 * cost-mismatch.
 */
export function unstableCost(
  c: LabelledCase,
  got: { J: number; grad: Float64Array },
  reference: CostAndGradient,
  a: readonly CaseFinding[],
): CaseFinding | undefined {
  if (a.some((f) => f.problem === "gradient-mismatch")) return undefined;
  const { bound, saturatedOutputs } = naiveLogError(c);
  if (!Number.isFinite(got.J)) {
    if (saturatedOutputs === 0) return undefined;
    return {
      problem: "unstable-cost",
      check: "a",
      expected: reference.J,
      actual: got.J,
      message: `J is ${got.J} where the exact cost is ${reference.J}: ${saturatedOutputs} output${saturatedOutputs > 1 ? "s round" : " rounds"} to exactly 0 or 1, where log(1 − h) or log(h) is −∞; the gradient is right`,
    };
  }
  if (a.length === 0) return undefined;
  if (Math.abs(got.J - reference.J) > bound) return undefined;
  return {
    problem: "unstable-cost",
    check: "a",
    expected: reference.J,
    actual: got.J,
    message: `J = ${got.J}, the exact cost is ${reference.J}: off by ${Math.abs(got.J - reference.J).toExponential(2)}, within the rounding error of log(1 − h) where outputs are near 0 or 1 (${bound.toExponential(2)}); the gradient is right`,
  };
}
