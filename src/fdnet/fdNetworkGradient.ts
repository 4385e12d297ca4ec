import type { Matrix } from "../linalg/Matrix.ts";
import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { parameterCount, roll } from "../network/theta.ts";
import { centralFdm, fdGradientFromIncrements, richardson, type FdGradient, type FdMethod } from "../numeric/index.ts";
import { networkIncrements } from "./networkIncrements.ts";

export interface NetworkFd extends CostAndGradient {
  /** per-entry estimates, error bounds, steps and kinks, unrolled */
  readonly fd: FdGradient;
}

export interface NetworkFdOptions {
  /** default: `fdMethodFor(problem)` */
  readonly method?: FdMethod;
  readonly indices?: readonly number[];
}

/** Work one increment costs, in multiply-adds, roughly: m examples times the weights above the first layer. */
function workPerIncrement(problem: Problem): number {
  const s = problem.layerSizes;
  let above = 0;
  for (let l = 1; l + 1 < s.length; l++) above += s[l + 1] * (s[l] + 1);
  return problem.X.rows * Math.max(1, above);
}

/**
 * The most accurate method that fits the case: Richardson extrapolation over 6 levels (12
 * increments per entry, error ~1e-13 on costs of order 1) while the whole gradient stays
 * under ~1e9 multiply-adds; beyond that, central differences at two small steps and one
 * extrapolation (4 increments per entry), which still gives an a-posteriori error bound —
 * plain central differences only have an a-priori one, which strongly curved (saturated)
 * costs can exceed.
 */
export function fdMethodFor(problem: Problem): FdMethod {
  const P = parameterCount(problem.layerSizes);
  return P * workPerIncrement(problem) * 12 <= 1e9 ? richardson() : richardson(centralFdm(3), { levels: 2, largestStep: 2 ** -14 });
}

/** ∂J/∂Θ of a network by finite differences over all (or `indices`) entries, from cached activations. */
export function fdNetworkGradient(problem: Problem, theta: Theta, options: NetworkFdOptions = {}): NetworkFd {
  const inc = networkIncrements(problem, theta);
  const fd = fdGradientFromIncrements(inc, {
    method: options.method ?? fdMethodFor(problem),
    ...(options.indices ? { indices: options.indices } : {}),
  });
  const grad: Matrix[] = roll(fd.estimate, problem.layerSizes);
  return { J: inc.J, grad, fd };
}

/** `gradcheck eval --method fd`. */
export function fdCostAndGradient(problem: Problem, theta: Theta): CostAndGradient {
  const { J, grad } = fdNetworkGradient(problem, theta);
  return { J, grad };
}
