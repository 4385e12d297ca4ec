// The lecture's regularised logistic regression, written with tape ops, and its gradient.
// Run from the project root: npx tsx examples/tape-logistic-regression.ts
import { constant, fromRows, grad, matrix, type Value } from "../src/index.ts";

// m = 6 examples of n = 2 features, one per row, and their labels.
const X = fromRows([
  [0.5, 1.2],
  [-1.0, 0.3],
  [2.0, -0.7],
  [0.1, 0.1],
  [-0.4, -1.5],
  [1.3, 0.8],
]);
const y = fromRows([[1], [0], [1], [0], [0], [1]]);
const lambda = 1,
  m = X.rows;

// J(θ) = −(1/m) Σ [y log h + (1 − y) log(1 − h)] + (λ/2m) Σ_{j≥1} θ_j²,  h = g(θᵀx), x₀ = 1.
// θ is a 1×(n+1) row, bias first, like one row of a network's Θ.
function J(theta: Value): Value {
  const h = constant(X).affine(theta).sigmoid(); // h = g(θ₀ + θ₁x₁ + θ₂x₂) for every example
  const Y = constant(y),
    one = constant(1);
  const data = Y.mul(h.log())
    .add(one.sub(Y).mul(one.sub(h).log()))
    .sum()
    .div(-m);
  const penalty = theta
    .columns(1)
    .square()
    .sum()
    .mul(lambda / (2 * m)); // θ₀ is not regularised
  return data.add(penalty);
}

const theta = matrix(1, 3, [0.1, -0.2, 0.3]);
const { value, gradient } = grad(J)(theta);

// The lecture's closed form, for comparison: ∂J/∂θ_j = (1/m) Σ (h − y) x_j + (λ/m) θ_j (j ≥ 1).
const byHand = [0, 0, 0];
for (let i = 0; i < m; i++) {
  const x = [1, X.data[2 * i], X.data[2 * i + 1]];
  const h = 1 / (1 + Math.exp(-(theta.data[0] + theta.data[1] * x[1] + theta.data[2] * x[2])));
  for (let j = 0; j < 3; j++) byHand[j] += ((h - y.data[i]) * x[j]) / m;
}
for (let j = 1; j < 3; j++) byHand[j] += (lambda / m) * theta.data[j];

console.log(`J(θ)               = ${value}`);
console.log(`∂J/∂θ by the tape  = [${Array.from(gradient.data).join(", ")}]`);
console.log(`∂J/∂θ by hand      = [${byHand.join(", ")}]`);
