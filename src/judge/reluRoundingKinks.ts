import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";
import { parameterCount, thetaOffsets } from "../network/theta.ts";

/**
 * A bound on the round-off in z, relative to the size of its terms: float64 sums of the same
 * terms in another order differ by about n·ε of Σ|terms| (≈ 3e-15 for 13 terms); this leaves
 * a wide margin and is still far below any z the cases draw on purpose.
 */
export const reluRoundingScale = 1e-12;

/** A hidden relu unit's z on one example: clear of the kink, 0 up to round-off, or exactly 0 in every summation order. */
export const kinkKind = { none: 0, rounding: 1, exact: 2 } as const;

/**
 * Per hidden layer (index l = 1 … L − 2 of forward's z), the m × s kinds of its units, or
 * undefined when no relu unit sits at its kink. A z's round-off is bounded layer by layer:
 * err(z_i) = scale·(|Θ_i0| + Σ_j |Θ_ij a_j|) + Σ_j |Θ_ij|·err(a_j), since relu passes an error on
 * at most unchanged (so a unit fed only by another's noise is ambiguous too). A z within err of 0
 * may be +1e-17 in the submission and −1e-17 (or exactly 0) in gradcheck; a z whose terms are
 * all 0 is exactly 0 in every order, where relu' is any value in [0, 1] (docs/check.md: kinks).
 */
export function reluKinkUnits(c: LabelledCase): Uint8Array[] | undefined {
  const L = c.layerSizes.length;
  if (c.hiddenActivation !== "relu" || L < 3) return undefined;
  const { z, a } = forward(c, c.theta, c.X);
  const m = c.X.rows;
  const kinds: Uint8Array[] = [];
  let any = false;
  let errA = new Float64Array(m * c.layerSizes[0]!);
  for (let l = 1; l < L - 1; l++) {
    const T = c.theta[l - 1]!,
      Z = z[l]!.data,
      A = a[l - 1]!.data;
    const sOut = T.rows,
      cols = T.cols,
      sIn = cols - 1;
    const errZ = new Float64Array(m * sOut);
    const kind = new Uint8Array(m * sOut);
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
        if (Math.abs(zi) > err) continue;
        kind[e * sOut + i] = err === 0 ? kinkKind.exact : kinkKind.rounding;
        any = true;
      }
    }
    kinds[l] = kind;
    errA = errZ;
  }
  return any ? kinds : undefined;
}

/**
 * The gradient entries that depend on relu' at a hidden unit whose z is 0 up to round-off,
 * marked 1 (for compareGradients' `kink`: "not differentiable here"), or undefined when there
 * is none. A unit of layer l + 1 changes δ for its row of Θ⁽ˡ⁾ and, through the backward pass,
 * every Θ below it. A z that is exactly 0 in every order is not marked: what may stand there
 * is bounded entry by entry instead (reluKinkBounds).
 */
export function reluRoundingKinks(c: LabelledCase): Uint8Array | undefined {
  const kinds = reluKinkUnits(c);
  if (!kinds) return undefined;
  const offsets = thetaOffsets(c.layerSizes);
  let marks: Uint8Array | undefined;
  for (let l = 1; l < kinds.length; l++) {
    const sOut = c.layerSizes[l]!,
      cols = c.layerSizes[l - 1]! + 1;
    kinds[l]!.forEach((kind, q) => {
      if (kind !== kinkKind.rounding) return;
      const i = q % sOut;
      marks ??= new Uint8Array(parameterCount(c.layerSizes));
      marks.fill(1, offsets[l - 1]! + i * cols, offsets[l - 1]! + (i + 1) * cols);
      marks.fill(1, 0, offsets[l - 1]!);
    });
  }
  return marks;
}
