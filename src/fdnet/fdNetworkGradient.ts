import type { Matrix } from "../linalg/Matrix.ts";
import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { parameterCount, roll } from "../network/theta.ts";
import {
  centralFdm,
  fdGradientFromIncrements,
  richardson,
  type FdGradient,
  type FdMethod,
  type RichardsonMethod,
} from "../numeric/index.ts";
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
 * Richardson extrapolation with central differences, 3 to 6 levels per entry (6 to 12
 * increments): levels are added until the a-posteriori bound is within 1e-12·max(1, |∂J/∂Θ|)
 * — far under what a check tolerates, |a − n| ≤ min(4·e, 0.01·|n|) + 1e-8·|n| + 1e-11 — or stops halving
 * (the round-off floor, ~1e-13 on costs of order 1). An entry stopped after n levels gets
 * exactly the estimate and bound of the fixed n-level method, so the error model is the same.
 */
export const richardsonToTarget: RichardsonMethod = richardson(centralFdm(3), { levels: 6, target: 1e-12 });

/**
 * The most accurate method that fits the case: Richardson extrapolation to the target above
 * while the whole gradient at 6 levels stays under ~1e9 multiply-adds; beyond that, central
 * differences at two small steps and one extrapolation (4 increments per entry), which still
 * gives an a-posteriori error bound — plain central differences only have an a-priori one,
 * which strongly curved (saturated) costs can exceed.
 */
export function fdMethodFor(problem: Problem): FdMethod {
  const P = parameterCount(problem.layerSizes);
  return P * workPerIncrement(problem) * 12 <= 1e9 ? richardsonToTarget : richardson(centralFdm(3), { levels: 2, largestStep: 2 ** -14 });
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
