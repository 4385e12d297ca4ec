import { copy, type Matrix } from "../linalg/Matrix.ts";
import type { CostAndGradient, Problem, Theta } from "./Network.ts";

export interface Training {
  readonly theta: Matrix[];
  /** J before each step taken, then at the returned Θ: steps + 1 values */
  readonly costHistory: number[];
  /** steps taken: `iterations` unless a hook stopped the descent early */
  readonly steps: number;
}

/** Optional observers of the descent; none of them can change Θ. */
export interface DescentHooks {
  /** Before step `step` (0-based) at the current Θ; returning false stops the descent there. */
  readonly beforeStep?: (step: number, theta: Theta) => boolean;
  /** After step `step`'s gradient: J is the cost before that step. */
  readonly afterStep?: (step: number, J: number) => void;
}

/**
 * Plain gradient descent, as the lecture runs it: θ := θ − α ∂J/∂θ, iterated because J depends
 * non-linearly on the weights. The gradient method is a parameter so any of gradcheck's
 * methods (or a user's) can drive it.
 */
export function gradientDescent(
  problem: Problem,
  initialTheta: Theta,
  costAndGradient: (problem: Problem, theta: Theta) => CostAndGradient,
  alpha: number,
  iterations: number,
  hooks: DescentHooks = {},
): Training {
  let theta: Matrix[] = initialTheta.map(copy);
  const costHistory: number[] = [];
  let step = 0;
  for (; step < iterations; step++) {
    if (hooks.beforeStep && !hooks.beforeStep(step, theta)) break;
    const { J, grad } = costAndGradient(problem, theta);
    costHistory.push(J);
    hooks.afterStep?.(step, J);
    theta = theta.map((T, l) => {
      const next = T.data.slice();
      const D = grad[l].data;
      for (let q = 0; q < next.length; q++) next[q] -= alpha * D[q];
      return { rows: T.rows, cols: T.cols, data: next };
    });
  }
  costHistory.push(costAndGradient(problem, theta).J);
  return { theta, costHistory, steps: step };
}
