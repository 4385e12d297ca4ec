import { CompensatedSum } from "../linalg/compensatedSum.ts";
import { VECTOR_MIN_LENGTH } from "../linalg/vectorExp.ts";
import { costs, softplusInto } from "./cost.ts";
import { forward, type Activations } from "./forward.ts";
import type { Problem, Theta } from "./Network.ts";
import { outputLayerOf } from "./outputLayer.ts";
import { addSoftmaxCrossEntropies } from "./softmax.ts";
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
  if (problem.cost === "cross-entropy" && problem.outputActivation === "sigmoid" && Z.length >= VECTOR_MIN_LENGTH)
    return sigmoidCrossEntropyLossSum(Z, Y);
  const loss = costs[problem.cost].loss;
  const sum = new CompensatedSum();
  for (let q = 0; q < Y.length; q++) sum.add(loss(Z[q], A[q], Y[q]));
  return sum.value;
}

/** softplus(z) of the last sigmoid cross-entropy layer, reused from call to call. */
let softplusBuffer = new Float64Array(0);

/**
 * Σ softplus(z) − y·z, the cross-entropy loss of sigmoid outputs, with softplus taken for the
 * whole layer at once: the same values, bit for bit, as the loss applied unit by unit, and the
 * same compensated sum.
 */
function sigmoidCrossEntropyLossSum(Z: Float64Array, Y: Float64Array): number {
  if (softplusBuffer.length < Z.length) softplusBuffer = new Float64Array(Z.length);
  const sp = softplusBuffer.subarray(0, Z.length);
  softplusInto(Z, sp);
  const sum = new CompensatedSum();
  for (let q = 0; q < Z.length; q++) sum.add(sp[q] - Y[q] * Z[q]);
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
  if (problem.cost === "cross-entropy" && Z.length >= VECTOR_MIN_LENGTH) addSoftmaxCrossEntropies(Z, Y, m, K, sum);
  else for (let i = 0; i < m; i++) sum.add(output.loss(Z, i * K, A, i * K, Y, i * K, K));
  return sum.value;
}

/** J(Θ): the cost alone, as finite differences need it. */
export function costFunction(problem: Problem, theta: Theta): number {
  return dataTerm(problem, forward(problem, theta, problem.X)) + regularizationTerm(theta, problem.lambda, problem.X.rows);
}
