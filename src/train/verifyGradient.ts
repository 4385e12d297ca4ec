import { compareGradients, directionalCheck, type DirectionalCheck, type GradientComparison } from "../check/index.ts";
import { fdNetworkGradient, networkHints, thetaLocate } from "../fdnet/index.ts";
import { costFunction } from "../network/costFunction.ts";
import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { drawIndices, type Rng } from "../numeric/random.ts";
import { roll, unroll } from "../network/theta.ts";
import { tapeBackprop } from "../backprop/tapeBackprop.ts";

/** One checkpoint: the gradient training follows, checked three ways on a sample of the data. */
export interface GradientVerification {
  /** steps taken when it ran: 0 before the first, the number of iterations after the last */
  readonly iteration: number;
  /** examples in the sample */
  readonly m: number;
  /** every entry against the autodiff tape (no error bound: both are exact up to round-off) */
  readonly tape: GradientComparison;
  /** `entries` random entries against finite differences */
  readonly fd: GradientComparison;
  /** gᵀv against d/dt J(Θ + t·v) along random unit directions */
  readonly directional: DirectionalCheck;
  readonly passed: boolean;
  /** the largest relative error of the three checks, entry or direction: max |a − n| / max(|a|, |n|) */
  readonly worstRelError: number;
}

export interface VerifyOptions {
  readonly random: Rng;
  readonly iteration: number;
  /** entries compared with finite differences (default 40) */
  readonly entries?: number;
  /** random directions (default 2) */
  readonly directions?: number;
}

/**
 * Checks `gradient` — the very function training follows — at Θ on a sample problem: against
 * the tape on every entry, against finite differences on a random subset of entries, and
 * along random directions, so a wrong entry anywhere is likely to show in one of them.
 */
export function verifyGradient(
  sample: Problem,
  theta: Theta,
  gradient: (problem: Problem, theta: Theta) => CostAndGradient,
  options: VerifyOptions,
): GradientVerification {
  const locate = thetaLocate(sample.layerSizes);
  const analytic = unroll(gradient(sample, theta).grad);
  const tapeGrad = unroll(tapeBackprop(sample, theta).grad);
  const tape = compareGradients(
    analytic,
    { estimate: tapeGrad, errorBound: new Float64Array(tapeGrad.length) },
    { locate, hints: networkHints, worst: 5 },
  );

  const indices = Array.from(drawIndices(analytic.length, options.entries ?? 40, options.random)).sort((a, b) => a - b);
  const fd = compareGradients(analytic, fdNetworkGradient(sample, theta, { indices }).fd, { locate, hints: networkHints, worst: 5 });

  const J = (params: Float64Array) => costFunction(sample, roll(params, sample.layerSizes));
  const directional = directionalCheck(J, analytic, unroll(theta), { random: options.random, directions: options.directions ?? 2 });

  const worstRelError = Math.max(
    worstEntry(tape),
    worstEntry(fd),
    ...directional.directions.map((d) => d.absError / Math.max(Math.abs(d.expected), Math.abs(d.actual), Number.MIN_VALUE)),
  );
  return {
    iteration: options.iteration,
    m: sample.X.rows,
    tape,
    fd,
    directional,
    passed: tape.passed && fd.passed && directional.passed,
    worstRelError,
  };
}

function worstEntry(c: GradientComparison): number {
  return c.layers.reduce((w, l) => Math.max(w, l.weights.maxRelError, l.bias?.maxRelError ?? 0), 0);
}
