import { zeros, type Matrix } from "../linalg/Matrix.ts";
import { activations } from "../network/activation.ts";
import { outputLayerOf } from "../network/outputLayer.ts";
import { type CostAndGradient, type Problem, type Theta } from "../network/Network.ts";
import { regularizationTerm } from "../network/regularization.ts";

/**
 * The lecture's algorithm exactly, one training example at a time:
 *
 *     Δ⁽ˡ⁾ = 0
 *     for i = 1..m: forward-propagate x⁽ⁱ⁾; δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y⁽ⁱ⁾ (cross-entropy, sigmoid or softmax);
 *                   δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ .* g'(z⁽ˡ⁾); Δ⁽ˡ⁾ += δ⁽ˡ⁺¹⁾(a⁽ˡ⁾)ᵀ
 *     D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + (λ/m)Θ⁽ˡ⁾ off the bias column
 *
 * Vectors here carry the bias unit explicitly: a[l][0] = 1, as on the slide.
 *
 * Long because: it is the slide's loop, read top to bottom (forward, δ⁽ᴸ⁾, δ⁽ˡ⁾ and Δ⁽ˡ⁾ for
 * one example); its buffers are allocated once, outside the loop over examples.
 */
export function loopBackprop(problem: Problem, theta: Theta, DRule: DRule = lectureD): CostAndGradient {
  const { layerSizes, lambda } = problem;
  const L = layerSizes.length;
  const m = problem.X.rows;
  const output = outputLayerOf(problem);
  const gHidden = activations[problem.hiddenActivation];
  const Delta: Matrix[] = theta.map((T) => zeros(T.rows, T.cols));
  // a[l] = [1, a⁽ˡ⁺¹⁾…] and z[l] = z⁽ˡ⁺¹⁾, allocated once and reused for every example.
  const a = layerSizes.map((s) => new Float64Array(s + 1));
  const z = layerSizes.map((s) => new Float64Array(s));
  const delta = layerSizes.map((s) => new Float64Array(s));
  let sumLoss = 0;

  for (let i = 0; i < m; i++) {
    a[0][0] = 1;
    a[0].set(problem.X.data.subarray(i * layerSizes[0], (i + 1) * layerSizes[0]), 1);
    for (let l = 0; l + 1 < L; l++) {
      const T = theta[l];
      a[l + 1][0] = 1;
      for (let r = 0; r < T.rows; r++) {
        let s = 0;
        for (let c = 0; c < T.cols; c++) s += T.data[r * T.cols + c] * a[l][c];
        z[l + 1][r] = s;
        if (l + 2 < L) a[l + 1][r + 1] = gHidden.g(s);
      }
    }

    // The output layer maps all K units at once (softmax needs the whole row); a[L−1][0] is its bias slot.
    const K = layerSizes[L - 1];
    output.activate(z[L - 1], 0, a[L - 1], 1, K);
    const y = problem.Y.data.subarray(i * K, (i + 1) * K);
    sumLoss += output.loss(z[L - 1], 0, a[L - 1], 1, y, 0, K);
    for (let k = 0; k < K; k++) delta[L - 1][k] = output.delta(z[L - 1][k], a[L - 1][k + 1], y[k]);

    for (let l = L - 2; l >= 0; l--) {
      const T = theta[l];
      // Δ⁽ˡ⁾ += δ⁽ˡ⁺¹⁾ (a⁽ˡ⁾)ᵀ
      for (let r = 0; r < T.rows; r++) {
        const d = delta[l + 1][r];
        for (let c = 0; c < T.cols; c++) Delta[l].data[r * T.cols + c] += d * a[l][c];
      }
      if (l === 0) break; // no δ⁽¹⁾: layer 1 is the input
      // δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ .* g'(z⁽ˡ⁾), dropping the bias row (c = 0) of (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾
      const gPrime = gHidden.gPrime;
      for (let c = 1; c < T.cols; c++) {
        let s = 0;
        for (let r = 0; r < T.rows; r++) s += T.data[r * T.cols + c] * delta[l + 1][r];
        delta[l][c - 1] = s * gPrime(z[l][c - 1], a[l][c]);
      }
    }
  }

  const grad = theta.map((T, l) => DRule(Delta[l], T, lambda, m));
  return { J: sumLoss / m + regularizationTerm(theta, lambda, m), grad };
}

/** Turns the accumulated Δ⁽ˡ⁾ into D⁽ˡ⁾ = ∂J/∂Θ⁽ˡ⁾. */
export type DRule = (Delta: Matrix, theta: Matrix, lambda: number, m: number) => Matrix;

function DWith(regularizationScale: (lambda: number, m: number) => number): DRule {
  return (Delta, T, lambda, m) => {
    const D = zeros(T.rows, T.cols);
    const scale = regularizationScale(lambda, m);
    for (let r = 0; r < T.rows; r++) {
      for (let c = 0; c < T.cols; c++) {
        const q = r * T.cols + c;
        D.data[q] = Delta.data[q] / m + (c === 0 ? 0 : scale * T.data[q]);
      }
    }
    return D;
  };
}

/** D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + (λ/m)Θ⁽ˡ⁾ off the bias column: the derivative of the lecture's J. */
export const lectureD: DRule = DWith((lambda, m) => lambda / m);

/**
 * D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + λΘ⁽ˡ⁾, as printed on the lecture's slide. It disagrees with its own J
 * whenever m ≥ 2 and λ > 0; kept so the tour and the tests can show it being caught.
 */
export const slideD: DRule = DWith((lambda) => lambda);
