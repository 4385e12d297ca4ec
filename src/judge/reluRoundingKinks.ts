import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";
import { parameterCount, thetaOffsets } from "../network/theta.ts";

/**
 * A hidden relu unit whose z is 0 up to round-off: |z| ≤ this × (|Θ_i0| + Σ_j |Θ_ij a_j|).
 * Float64 sums of the same terms in another order differ by about n·ε of that scale (≈ 3e-15
 * for 13 terms), so such a z may be +1e-17 in the submission and −1e-17 (or exactly 0) in
 * gradcheck: relu'(z) is then 1 in one and 0 in the other, and neither is wrong.
 */
export const reluRoundingScale = 1e-12;

/**
 * The gradient entries that depend on relu' at such a unit, marked 1 (for compareGradients'
 * `kink`: "not differentiable here"), or undefined when there is none. A unit of layer l + 1
 * changes δ for its row of Θ⁽ˡ⁾ and, through the backward pass, every Θ below it; its own
 * a = relu(z) is 0 up to round-off either way, so nothing above it changes. A z that is
 * exactly 0 in every order (all its terms 0) is no ambiguity: relu'(0) = 0, as documented.
 */
export function reluRoundingKinks(c: LabelledCase): Uint8Array | undefined {
  const L = c.layerSizes.length;
  if (c.hiddenActivation !== "relu" || L < 3) return undefined;
  const { z, a } = forward(c, c.theta, c.X);
  const offsets = thetaOffsets(c.layerSizes);
  let marks: Uint8Array | undefined;
  for (let l = 1; l < L - 1; l++) {
    const T = c.theta[l - 1]!,
      Z = z[l]!.data,
      A = a[l - 1]!.data;
    const sOut = T.rows,
      cols = T.cols,
      sIn = cols - 1;
    for (let e = 0; e < c.X.rows; e++) {
      for (let i = 0; i < sOut; i++) {
        let scale = Math.abs(T.data[i * cols]!);
        for (let j = 0; j < sIn; j++) scale += Math.abs(T.data[i * cols + 1 + j]! * A[e * sIn + j]!);
        if (scale === 0 || Math.abs(Z[e * sOut + i]!) > reluRoundingScale * scale) continue;
        marks ??= new Uint8Array(parameterCount(c.layerSizes));
        marks.fill(1, offsets[l - 1]! + i * cols, offsets[l - 1]! + (i + 1) * cols);
        marks.fill(1, 0, offsets[l - 1]!);
      }
    }
  }
  return marks;
}
