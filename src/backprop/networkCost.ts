import type { OutputActivationName } from "../network/activation.ts";
import { activationOfLayer, type Problem } from "../network/Network.ts";
import { constant, type Value } from "../tape/Value.ts";

/** g(z) as tape ops; the identity records nothing. */
const activate: Readonly<Record<OutputActivationName, (z: Value) => Value>> = {
  sigmoid: (z) => z.sigmoid(),
  tanh: (z) => z.tanh(),
  relu: (z) => z.relu(),
  identity: (z) => z,
  // Derived from primitives, no rule of its own: softmax(z) = exp(z − logsumexp(z)) per row.
  softmax: (z) => z.sub(z.logSumExpRows()).exp(),
};

/**
 * J(Θ) (README: the case file), written once with tape ops and never differentiated by hand:
 *
 *     a⁽¹⁾ = X;  z⁽ˡ⁺¹⁾ = [1 | a⁽ˡ⁾]·Θ⁽ˡ⁾ᵀ;  a⁽ˡ⁺¹⁾ = g(z⁽ˡ⁺¹⁾)        (one example per row)
 *     cross-entropy:  J = (1/m) Σ softplus(z⁽ᴸ⁾) − Y.*z⁽ᴸ⁾   + (λ/2m) Σ_l Σ_{j≥1} (Θ_ij⁽ˡ⁾)²
 *     softmax:        J = (1/m) Σ_i logsumexp(z_i⁽ᴸ⁾) − Σ Y.*z⁽ᴸ⁾ + the same regulariser
 *     squared error:  J = (1/m) Σ ½(a⁽ᴸ⁾ − Y)²             + the same regulariser
 *
 * softplus(z) − y·z equals −[y log h + (1−y) log(1−h)] exactly and stays finite where h
 * rounds to 1.0.
 */
export function networkCost(problem: Problem, theta: readonly Value[]): Value {
  const m = problem.X.rows,
    lambda = problem.lambda;
  if (problem.cost === "cross-entropy" && problem.outputActivation !== "sigmoid" && problem.outputActivation !== "softmax") {
    throw new RangeError(`cross-entropy needs a sigmoid or softmax output layer, got ${problem.outputActivation}`);
  }
  let a = constant(problem.X);
  let z = a;
  theta.forEach((T, l) => {
    z = a.affine(T);
    a = activate[activationOfLayer(problem, l)](z);
  });
  const Y = constant(problem.Y);
  const data =
    problem.cost === "squared-error"
      ? a.sub(Y).square().sum().mul(0.5)
      : problem.outputActivation === "softmax"
        ? z.logSumExpRows().sum().sub(z.mul(Y).sum())
        : z.softplus().sub(z.mul(Y)).sum();
  if (lambda === 0) return data.div(m);
  // The bias column (j = 0) is never regularised.
  const squares = theta.map((T) => T.columns(1).square().sum()).reduce((s, t) => s.add(t));
  return data.div(m).add(squares.mul(lambda / (2 * m)));
}
