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
  const Z = z[z.length - 1].data,
    Y = c.Y.data;
  const floor = -Math.log(epsilon),
    ceiling = -Math.log1p(-epsilon);
  let J = 0;
  for (let q = 0; q < Z.length; q++) {
    const minusLogH = Math.max(Math.min(softplus(-Z[q]), floor), ceiling);
    const minusLog1mH = Math.max(Math.min(softplus(Z[q]), floor), ceiling);
    J += Y[q] * minusLogH + (1 - Y[q]) * minusLog1mH;
  }
  return J / c.X.rows + regularizationTerm(c.theta, c.lambda, c.X.rows);
}

/** Where to look for ε: log ε on a grid from 1e-300 to 0.5, fine enough that each bracket holds one crossing. */
const gridPoints = 1200;
const smallestEpsilon = 1e-300,
  largestEpsilon = 0.5;

/**
 * J equals the cost with h clipped to [ε, 1 − ε] for one ε on every case. Clipping lowers the
 * terms of outputs within ε of the wrong end and raises, by about ε, those within ε of the
 * right end, so J_clipped(ε) − J is not monotone in ε: every sign change on a grid of log ε is
 * refined by bisection on the counterexample, and the first ε that fits every case is named.
 */
export function clippedLog(e: Evidence): Clue | undefined {
  const first = e.samples[0];
  if (near(first.got.J, first.expected.J, 1e-9)) return undefined;
  const f = (logEps: number) => clippedCost(first.c, Math.exp(logEps)) - first.got.J;
  const lo = Math.log(smallestEpsilon),
    step = (Math.log(largestEpsilon) - lo) / gridPoints;
  let previous = f(lo);
  for (let k = 1; k <= gridPoints; k++) {
    const x = lo + k * step,
      value = f(x);
    if (Math.sign(value) !== Math.sign(previous) || value === 0) {
      const epsilon = Math.exp(bisect(f, x - step, x));
      if (e.samples.every((s) => near(clippedCost(s.c, epsilon), s.got.J, 1e-8))) return clue(epsilon);
    }
    previous = value;
  }
  return undefined;
}

function bisect(f: (x: number) => number, a: number, b: number): number {
  const below = f(a) < 0;
  for (let k = 0; k < 200 && b - a > 1e-14 * Math.max(1, Math.abs(a)); k++) {
    const mid = (a + b) / 2;
    if (f(mid) < 0 === below) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}

function clue(epsilon: number): Clue {
  const shown = Number(epsilon.toPrecision(3));
  return {
    id: "clipped-log",
    value: shown,
    message: `J is the cost with h clipped to [ε, 1 − ε] before the log, ε = ${shown.toExponential(2)}: an output within ε of 0 or 1 contributes −log ε = ${(-Math.log(shown)).toFixed(4)} (or −log(1 − ε)) instead of its exact term; use softplus(z) − y·z instead of clipping`,
  };
}
