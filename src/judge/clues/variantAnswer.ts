import { matrix, type Matrix } from "../../linalg/Matrix.ts";
import { sumSquaresFromColumn } from "../../linalg/elementwise.ts";
import { activations } from "../../network/activation.ts";
import { lossSum } from "../../network/costFunction.ts";
import { forward } from "../../network/forward.ts";
import type { LabelledCase } from "../../network/labels.ts";
import { outputLayerOf } from "../../network/outputLayer.ts";
import { thetaOffsets } from "../../network/theta.ts";

/**
 * One change to the lecture's algorithm, as a clue supposes the submission made it. Every
 * field left out is computed as gradcheck computes it.
 */
export interface Variant {
  /** the targets (m × K) the submission compared its outputs with */
  readonly Y?: Matrix;
  /** a⁽ᴸ⁾ from the whole layer Z⁽ᴸ⁾ (m × K), and the data term Σ loss it gives against Y */
  readonly output?: { readonly a: (Z: Matrix) => Matrix; readonly lossSum: (A: Matrix, Y: Matrix) => number };
  /** δ⁽ᴸ⁾ of one unit from its z, its a and its target */
  readonly outputDelta?: (z: number, a: number, y: number) => number;
  /** g′ of hidden layer `hidden` (1 is the first hidden layer, the one Θ⁽¹⁾ feeds) from its z and a */
  readonly hiddenGPrime?: (z: number, a: number, hidden: number) => number;
  /** the factor on layer l's term (λ/2m)ΣΘ² in J (1 is right) */
  readonly regularizerInJ?: (l: number) => number;
  /** the factor on layer l's (λ/m)Θ in ∇J (1 is right) */
  readonly regularizerInGradient?: (l: number) => number;
}

/**
 * J and the unrolled ∇J of a case under a variant: the batch form of the lecture's formulas
 * written out plainly (the cases clues read are small), so that each field of the variant
 * replaces one line of it.
 */
export function variantAnswer(c: LabelledCase, v: Variant = {}): { J: number; grad: Float64Array } {
  const m = c.X.rows,
    L = c.layerSizes.length,
    Y = v.Y ?? c.Y;
  const pass = forward(c, c.theta, c.X);
  const Z = pass.z[L - 1];
  const A = v.output ? v.output.a(Z) : pass.a[L - 1];
  const data = v.output ? v.output.lossSum(A, Y) : lossSum({ cost: c.cost, outputActivation: c.outputActivation, Y }, pass);
  const unitDelta = v.outputDelta ?? outputLayerOf(c).delta;
  let delta = A.data.map((a, q) => unitDelta(Z.data[q], a, Y.data[q]));
  const offsets = thetaOffsets(c.layerSizes);
  const grad = new Float64Array(offsets[L - 2] + c.theta[L - 2].data.length);
  const hidden = v.hiddenGPrime ?? ((z: number, a: number) => activations[c.hiddenActivation].gPrime(z, a));
  for (let l = L - 2; l >= 0; l--) {
    const T = c.theta[l],
      In = pass.a[l],
      o = offsets[l];
    const fromL = v.regularizerInGradient?.(l) ?? 1;
    for (let r = 0; r < T.rows; r++)
      for (let j = 0; j < T.cols; j++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += delta[i * T.rows + r] * (j === 0 ? 1 : In.data[i * In.cols + j - 1]);
        grad[o + r * T.cols + j] = s / m + (j === 0 ? 0 : ((fromL * c.lambda) / m) * T.data[r * T.cols + j]);
      }
    if (l === 0) break;
    const next = new Float64Array(m * (T.cols - 1));
    for (let i = 0; i < m; i++)
      for (let j = 1; j < T.cols; j++) {
        let s = 0;
        for (let r = 0; r < T.rows; r++) s += delta[i * T.rows + r] * T.data[r * T.cols + j];
        const q = i * (T.cols - 1) + j - 1;
        next[q] = s * hidden(pass.z[l].data[q], In.data[q], l);
      }
    delta = next;
  }
  const J = data / m + regularizerTerms(c).reduce((s, R, l) => s + (v.regularizerInJ?.(l) ?? 1) * R, 0);
  return { J, grad };
}

/** Each layer's share of J's regulariser, (λ/2m) Σ_i Σ_{j≥1} (Θ_ij⁽ˡ⁾)². */
export function regularizerTerms(c: LabelledCase): number[] {
  return c.theta.map((T) => (c.lambda / (2 * c.X.rows)) * sumSquaresFromColumn(T, 1));
}

/** An m × K matrix of f applied to each entry. */
export function mapped(A: Matrix, f: (v: number, q: number) => number): Matrix {
  return matrix(A.rows, A.cols, A.data.map(f));
}
