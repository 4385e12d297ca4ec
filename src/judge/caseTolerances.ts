import { toleranceOf } from "../check/index.ts";
import type { Precision } from "../check/precision.ts";

export type { Precision };

/**
 * Tolerances, stated once. (a) an entry agrees with gradcheck when
 * |actual − expected| ≤ atol + rtol·|expected|: float64 implementations of the same formula
 * differ by summation order only, far below these, while an answer computed in single
 * precision (relative error ≈ 6e-8 per rounding) misses rtol = 1e-9 on every network.
 * `--precision float32` holds answers to single precision instead, and skips (b): finite
 * differences of a J rounded to 24 bits are noise. (b) src/check's directional check along a
 * unit v (random, or clear of relu kinks where a random one crosses one):
 * |grad·v − D_v J| ≤ safety·e + rtol·|D_v J| + atol, with D_v J the finite-difference
 * derivative of the submission's own J and e its error bound; the floor is looser
 * than src/check's default because a submission's J may be summed less carefully.
 */
export const agreementIn: Readonly<Record<Precision, { readonly rtol: number; readonly atol: number }>> = {
  float64: { rtol: 1e-9, atol: 1e-12 },
  float32: { rtol: 1e-4, atol: 1e-6 },
};
export const agreement = agreementIn.float64;
export const selfConsistency = { rtol: 1e-6, atol: 1e-9 } as const;

/** How far J may be from the exact cost and still agree with it: atol + rtol·|expected|, no error model. */
export function costAllowance(expected: number, tolerance: { rtol: number; atol: number } = agreement): number {
  return toleranceOf({ ...tolerance, safety: 0 }, expected, 0);
}
