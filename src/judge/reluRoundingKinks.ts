import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";
import { parameterCount, thetaOffsets } from "../network/theta.ts";

/**
 * A bound on the round-off in z, relative to the size of its terms: float64 sums of the same
 * terms in another order differ by about n·ε of Σ|terms| (≈ 3e-15 for 13 terms); this leaves
 * a wide margin and is still far below any z the cases draw on purpose.
 */
export const reluRoundingScale = 1e-12;

/**
 * The gradient entries that depend on relu' at a hidden unit whose z is 0 up to round-off,
 * marked 1 (for compareGradients' `kink`: "not differentiable here"), or undefined when there
 * is none. Such a z may be +1e-17 in the submission and −1e-17 (or exactly 0) in gradcheck:
 * relu'(z) is then 1 in one and 0 in the other, and neither is wrong. Its round-off is bounded
 * layer by layer: err(z_i) = scale·(|Θ_i0| + Σ_j |Θ_ij a_j|) + Σ_j |Θ_ij|·err(a_j), since
 * relu passes an error on at most unchanged (so a unit fed only by another's noise is
 * ambiguous too). A unit of layer l + 1 changes δ for its row of Θ⁽ˡ⁾ and, through the
 * backward pass, every Θ below it. A z that is exactly 0 in every order (all its terms 0) is
 * no ambiguity: relu'(0) = 0, as documented.
 */
export function reluRoundingKinks(c: LabelledCase): Uint8Array | undefined {
  const L = c.layerSizes.length;
  if (c.hiddenActivation !== "relu" || L < 3) return undefined;
  const { z, a } = forward(c, c.theta, c.X);
  const offsets = thetaOffsets(c.layerSizes);
  const m = c.X.rows;
  let marks: Uint8Array | undefined;
  let errA = new Float64Array(m * c.layerSizes[0]!);
  for (let l = 1; l < L - 1; l++) {
    const T = c.theta[l - 1]!,
      Z = z[l]!.data,
      A = a[l - 1]!.data;
    const sOut = T.rows,
      cols = T.cols,
      sIn = cols - 1;
    const errZ = new Float64Array(m * sOut);
    for (let e = 0; e < m; e++) {
      for (let i = 0; i < sOut; i++) {
        let size = Math.abs(T.data[i * cols]!),
          carried = 0;
        for (let j = 0; j < sIn; j++) {
          const w = Math.abs(T.data[i * cols + 1 + j]!);
          size += w * Math.abs(A[e * sIn + j]!);
          carried += w * errA[e * sIn + j]!;
        }
        const err = reluRoundingScale * size + carried;
        const zi = Z[e * sOut + i]!;
        // below −err, a = 0 in every order; above +err, a carries z's error on
        errZ[e * sOut + i] = zi < -err ? 0 : err;
        if (err === 0 || Math.abs(zi) > err) continue;
        marks ??= new Uint8Array(parameterCount(c.layerSizes));
        marks.fill(1, offsets[l - 1]! + i * cols, offsets[l - 1]! + (i + 1) * cols);
        marks.fill(1, 0, offsets[l - 1]!);
      }
    }
    errA = errZ;
  }
  return marks;
}
