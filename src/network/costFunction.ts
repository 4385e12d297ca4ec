import { CompensatedSum } from "../linalg/compensatedSum.ts";
import { costs } from "./cost.ts";
import { forward, type Activations } from "./forward.ts";
import type { Problem, Theta } from "./Network.ts";
import { outputLayerOf } from "./outputLayer.ts";
import { regularizationTerm } from "./regularization.ts";

/** (1/m) Σ_i Σ_k loss over the output layer of a finished forward pass. */
export function dataTerm(problem: Problem, pass: Activations): number {
  return lossSum(problem, pass) / problem.X.rows;
}

/** Σ_i Σ_k loss over the output layer of a finished forward pass (the examples of pass, Y's rows). */
export function lossSum(problem: Pick<Problem, "cost" | "outputActivation" | "Y">, pass: Activations): number {
  const L = pass.a.length;
  const Z = pass.z[L - 1].data,
    A = pass.a[L - 1].data,
    Y = problem.Y.data;
  if (problem.outputActivation === "softmax") return rowwiseLossSum(problem, pass);
  const loss = costs[problem.cost].loss;
  const sum = new CompensatedSum();
  for (let q = 0; q < Y.length; q++) sum.add(loss(Z[q], A[q], Y[q]));
  return sum.value;
}

/** The loss sum when the loss belongs to whole examples (softmax), compensated over the rows. */
function rowwiseLossSum(problem: Pick<Problem, "cost" | "outputActivation" | "Y">, pass: Activations): number {
  const L = pass.a.length,
    K = problem.Y.cols,
    m = problem.Y.rows;
  const Z = pass.z[L - 1].data,
    A = pass.a[L - 1].data,
    Y = problem.Y.data;
  const output = outputLayerOf(problem);
  const sum = new CompensatedSum();
  for (let i = 0; i < m; i++) sum.add(output.loss(Z, i * K, A, i * K, Y, i * K, K));
  return sum.value;
}

/** J(Θ): the cost alone, as finite differences need it. */
export function costFunction(problem: Problem, theta: Theta): number {
  return dataTerm(problem, forward(problem, theta, problem.X)) + regularizationTerm(theta, problem.lambda, problem.X.rows);
}
