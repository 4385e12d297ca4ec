import type { Matrix } from "../src/linalg/Matrix.ts";
import { thetaEntryName } from "../src/network/thetaEntry.ts";

/**
 * Where two lists of matrices differ by more than rtol·(|a| + |b| + floor) entry-wise, the
 * first such entry, named Θ⁽ˡ⁾[i,j]; undefined when they agree. `floor` stands for the scale
 * of the terms summed into an entry, which round-off is relative to.
 */
export function firstDifference(a: readonly Matrix[], b: readonly Matrix[], rtol: number, floor = 1): string | undefined {
  for (let l = 0; l < a.length; l++) {
    const A = a[l].data,
      B = b[l].data,
      cols = a[l].cols;
    for (let q = 0; q < A.length; q++) {
      if (!(Math.abs(A[q] - B[q]) <= rtol * (Math.abs(A[q]) + Math.abs(B[q]) + floor))) {
        return `${thetaEntryName({ layer: l, row: Math.floor(q / cols), column: q % cols })}: ${A[q]} vs ${B[q]} (|Δ| = ${Math.abs(A[q] - B[q]).toExponential(2)}, allowed ${(rtol * (Math.abs(A[q]) + Math.abs(B[q]) + floor)).toExponential(2)})`;
      }
    }
  }
  return undefined;
}

export function closeNumbers(a: number, b: number, rtol: number, floor = 1): boolean {
  return Math.abs(a - b) <= rtol * (Math.abs(a) + Math.abs(b) + floor);
}

/**
 * max(1, the largest |entry|) over a list of matrices: the scale that round-off in a gradient
 * is relative to, used as the floor of firstDifference.
 */
export function gradientScale(matrices: readonly Matrix[]): number {
  let scale = 1;
  for (const M of matrices) for (const x of M.data) scale = Math.max(scale, Math.abs(x));
  return scale;
}
