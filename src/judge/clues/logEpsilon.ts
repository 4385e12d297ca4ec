import type { LabelledCase } from "../../network/labels.ts";
import { forward } from "../../network/forward.ts";
import type { Clue } from "./Clue.ts";
import { costRight, near, type Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { regularizerTerms } from "./variantAnswer.ts";

/**
 * J with ε added inside each log, −y·log(h + ε) − (1 − y)·log(1 − h + ε) (for softmax,
 * −Σ y·log(h + ε)): a guard against log 0 that makes every term a little smaller, most where h
 * is far from the right end, so that J's error shrinks as the outputs move away from 0 and 1.
 */
export function epsilonCost(c: LabelledCase, epsilon: number): number {
  const { a } = forward(c, c.theta, c.X);
  const H = a[a.length - 1].data,
    Y = c.Y.data;
  let s = 0;
  for (let q = 0; q < H.length; q++) {
    s -= Y[q] * Math.log(H[q] + epsilon);
    if (c.outputActivation !== "softmax") s -= (1 - Y[q]) * Math.log(1 - H[q] + epsilon);
  }
  return s / c.X.rows + regularizerTerms(c).reduce((x, y) => x + y, 0);
}

/** Where to look for ε: log ε from 1e-300 to 0.1. */
const smallest = Math.log(1e-300),
  largest = Math.log(0.1);

/**
 * J equals the cost with one ε inside every log, on every case. Adding ε only lowers each term,
 * so epsilonCost falls as ε grows and one bisection on log ε finds the only candidate.
 */
export function logEpsilon(e: Evidence): Clue | undefined {
  const first = e.samples[0];
  if (first.c.cost !== "cross-entropy" || costRight(first) || !Number.isFinite(first.got.J)) return undefined;
  const f = (logEps: number) => epsilonCost(first.c, Math.exp(logEps)) - first.got.J;
  if (!(f(smallest) > 0 && f(largest) < 0)) return undefined;
  let lo = smallest,
    hi = largest;
  for (let k = 0; k < 200 && hi - lo > 1e-13; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  const epsilon = Number(Math.exp((lo + hi) / 2).toPrecision(3));
  if (!e.samples.every((s) => near(epsilonCost(s.c, epsilon), s.got.J, 1e-8))) return undefined;
  const d = first.got.J - first.expected.J;
  return {
    id: "log-epsilon",
    value: epsilon,
    explains: explainedShare(
      e.samples,
      e.samples.map((s) => ({ J: epsilonCost(s.c, epsilon) })),
    ),
    message: `J is too ${d > 0 ? "large" : "small"} by ${Math.abs(d).toExponential(2)} on [${first.c.layerSizes}] and fits the cost with ε = ${epsilon.toExponential(2)} added inside each log, log(h + ε), on all ${e.samples.length} networks (its error shrinks as the outputs move away from 0 and 1): an ε inside the log? Confirm by setting ε = 0; for a J that never meets log 0, use softplus(z) − y·z`,
  };
}
