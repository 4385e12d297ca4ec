import { gemm } from "../linalg/gemm.ts";
import { zeros, type Matrix } from "../linalg/Matrix.ts";
import { columnsFrom, transposed, view } from "../linalg/products.ts";
import { activations } from "../network/activation.ts";
import { dataTerm } from "../network/costFunction.ts";
import { forward } from "../network/forward.ts";
import { outputLayerOf } from "../network/outputLayer.ts";
import { type CostAndGradient, type Problem, type Theta } from "../network/Network.ts";
import { regularizationTerm } from "../network/regularization.ts";

/**
 * The lecture's formulas for all m examples at once (one example per row):
 *
 *     δ⁽ᴸ⁾ = A⁽ᴸ⁾ − Y                        (cross-entropy, sigmoid or softmax; squared error adds .* g'(Z⁽ᴸ⁾))
 *     Δ⁽ˡ⁾ = [Σ_i δ⁽ˡ⁺¹⁾ | δ⁽ˡ⁺¹⁾ᵀ A⁽ˡ⁾]      (bias column, then weights)
 *     δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁾) .* g'(Z⁽ˡ⁾)         (W⁽ˡ⁾ = Θ⁽ˡ⁾ without its bias column)
 *     D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + (λ/m)[0 | W⁽ˡ⁾]
 *
 * Every product goes through the one kernel with Θ read in place past its bias column.
 */
export function batchBackprop(problem: Problem, theta: Theta): CostAndGradient {
  const { layerSizes, lambda } = problem;
  const L = layerSizes.length;
  const m = problem.X.rows;
  const { z, a } = forward(problem, theta, problem.X);
  const J = dataTerm(problem, { z, a }) + regularizationTerm(theta, lambda, m);

  let delta = outputDelta(problem, z[L - 1], a[L - 1]);
  const grad: Matrix[] = new Array(theta.length);
  for (let l = L - 2; l >= 0; l--) {
    const T = theta[l];
    const sOut = T.rows, sIn = T.cols - 1, cols = T.cols;
    const D = zeros(sOut, cols);
    // Δ⁽ˡ⁾ past the bias column = δ⁽ˡ⁺¹⁾ᵀ · A⁽ˡ⁾, written straight into D's weight columns.
    gemm(sOut, sIn, m, transposed(view(delta)), view(a[l]), columnsFrom(D, 1), false);
    const dd = D.data, t = T.data, dl = delta.data;
    for (let i = 0; i < m; i++) {
      const r = i * sOut;
      for (let k = 0; k < sOut; k++) dd[k * cols] += dl[r + k];
    }
    const invM = 1 / m, lambdaOverM = lambda / m;
    for (let k = 0; k < sOut; k++) {
      const r = k * cols;
      dd[r] *= invM;
      for (let j = 1; j < cols; j++) dd[r + j] = dd[r + j] * invM + lambdaOverM * t[r + j];
    }
    grad[l] = D;

    if (l > 0) delta = hiddenDelta(problem, l, delta, T, z[l], a[l]);
  }
  return { J, grad };
}

function outputDelta(problem: Problem, zL: Matrix, aL: Matrix): Matrix {
  const delta = outputLayerOf(problem).delta;
  const out = zeros(zL.rows, zL.cols);
  const zd = zL.data, ad = aL.data, y = problem.Y.data, o = out.data;
  for (let q = 0; q < o.length; q++) o[q] = delta(zd[q], ad[q], y[q]);
  return out;
}

/** δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁾) .* g'(z⁽ˡ⁾); the bias column of Θ is skipped, not copied away. */
function hiddenDelta(problem: Problem, l: number, deltaNext: Matrix, T: Matrix, Z: Matrix, A: Matrix): Matrix {
  const m = deltaNext.rows, sIn = T.cols - 1;
  const out = zeros(m, sIn);
  gemm(m, sIn, T.rows, view(deltaNext), columnsFrom(T, 1), view(out), false);
  // Layer l is hidden (l ≥ 1 and below the output), so its activation is element-wise.
  const gPrime = activations[problem.hiddenActivation].gPrime;
  const o = out.data, zd = Z.data, ad = A.data;
  for (let q = 0; q < o.length; q++) o[q] *= gPrime(zd[q], ad[q]);
  return out;
}
