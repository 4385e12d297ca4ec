import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";

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
  let bound = 0, saturatedOutputs = 0;
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
