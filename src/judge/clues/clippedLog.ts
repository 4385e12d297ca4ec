import type { LabelledCase } from "../../network/labels.ts";
import { forward } from "../../network/forward.ts";
import { softplus } from "../../network/cost.ts";
import { regularizationTerm } from "../../network/regularization.ts";
import type { Clue } from "./Clue.ts";
import { near, type Evidence } from "./Evidence.ts";

/**
 * J with h clipped to [ε, 1 − ε] before the logs, as `np.clip(h, eps, 1 - eps)` does: each term
 * −log h becomes min(−log h, −log ε) (and likewise for 1 − h), so clipping lowers J only where
 * an output is within ε of 0 or 1. Logs of h and 1 − h are taken as −softplus(∓z), exactly.
 */
export function clippedCost(c: LabelledCase, epsilon: number): number {
  const { z } = forward(c, c.theta, c.X);
  const Z = z[z.length - 1].data, Y = c.Y.data;
  const floor = -Math.log(epsilon), ceiling = -Math.log1p(-epsilon);
  let J = 0;
  for (let q = 0; q < Z.length; q++) {
    const minusLogH = Math.max(Math.min(softplus(-Z[q]), floor), ceiling);
    const minusLog1mH = Math.max(Math.min(softplus(Z[q]), floor), ceiling);
    J += Y[q] * minusLogH + (1 - Y[q]) * minusLog1mH;
  }
  return J / c.X.rows + regularizationTerm(c.theta, c.lambda, c.X.rows);
}

/**
 * J equals the cost with h clipped to [ε, 1 − ε] for one ε on every case: ε is found by
 * bisection on log ε on the counterexample (the clipped cost falls as ε grows), then checked on
 * the others.
 */
export function clippedLog(e: Evidence): Clue | undefined {
  const first = e.samples[0];
  if (!(first.got.J < first.expected.J) || near(first.got.J, first.expected.J, 1e-9)) return undefined;
  let lo = Math.log(1e-300), hi = Math.log(0.5);
  for (let k = 0; k < 200 && hi - lo > 1e-13; k++) {
    const mid = (lo + hi) / 2;
    if (clippedCost(first.c, Math.exp(mid)) > first.got.J) lo = mid;
    else hi = mid;
  }
  const epsilon = Math.exp((lo + hi) / 2);
  if (!e.samples.every((s) => near(clippedCost(s.c, epsilon), s.got.J, 1e-8))) return undefined;
  const shown = Number(epsilon.toPrecision(3));
  return {
    id: "clipped-log", value: shown,
    message: `J is the cost with h clipped to [ε, 1 − ε] before the log, ε = ${shown.toExponential(2)}: a saturated output contributes −log ε = ${(-Math.log(shown)).toFixed(4)} instead of its exact, larger term; use softplus(z) − y·z instead of clipping`,
  };
}
