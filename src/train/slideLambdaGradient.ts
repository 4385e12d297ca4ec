import { batchBackprop } from "../backprop/batch.ts";
import { slideD } from "../backprop/loop.ts";
import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { regularizationTerm } from "../network/regularization.ts";

/**
 * The lecture's J with the slide's D = (1/m)Δ + λΘ as its "gradient", at batch speed: the
 * batch backprop with λ = 0 returns exactly (1/m)Δ, and the slide's own rule adds the λΘ.
 * J itself is the right one, so the cost history shows what following the wrong D does to it.
 */
export function slideLambdaGradient(problem: Problem, theta: Theta): CostAndGradient {
  const m = problem.X.rows;
  const unregularised = batchBackprop({ ...problem, lambda: 0 }, theta);
  const grad = unregularised.grad.map((D, l) =>
    slideD({ rows: D.rows, cols: D.cols, data: D.data.map((x) => x * m) }, theta[l], problem.lambda, m),
  );
  return { J: unregularised.J + regularizationTerm(theta, problem.lambda, m), grad };
}
