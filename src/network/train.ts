import { copy, type Matrix } from "../linalg/Matrix.ts";
import type { CostAndGradient, Problem, Theta } from "./Network.ts";

export interface Training {
  readonly theta: Matrix[];
  /** J before each step, then after the last: iterations + 1 values */
  readonly costHistory: number[];
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
): Training {
  let theta: Matrix[] = initialTheta.map(copy);
  const costHistory: number[] = [];
  for (let step = 0; step < iterations; step++) {
    const { J, grad } = costAndGradient(problem, theta);
    costHistory.push(J);
    theta = theta.map((T, l) => {
      const next = T.data.slice();
      const D = grad[l].data;
      for (let q = 0; q < next.length; q++) next[q] -= alpha * D[q];
      return { rows: T.rows, cols: T.cols, data: next };
    });
  }
  costHistory.push(costAndGradient(problem, theta).J);
  return { theta, costHistory };
}
