/**
 * When is an analytic entry a equal to a numerical one n carrying error bound e?
 *
 *     |a − n| ≤ safety·e + rtol·|n| + atol
 *
 * The first term trusts the finite-difference error model with a safety margin; the floor
 * (rtol, atol) absorbs the analytic side's own round-off and keeps a perfect-looking e = 0
 * from demanding bit equality.
 */
export interface Tolerance {
  readonly safety: number;
  readonly rtol: number;
  readonly atol: number;
}

export const defaultTolerance: Tolerance = { safety: 4, rtol: 1e-8, atol: 1e-11 };

export function toleranceOf(t: Tolerance, numerical: number, errorBound: number): number {
  return t.safety * errorBound + t.rtol * Math.abs(numerical) + t.atol;
}

export function toleranceFormula(t: Tolerance): string {
  return `|a − n| ≤ ${t.safety}·e + ${t.rtol.toExponential(0)}·|n| + ${t.atol.toExponential(0)}   (a analytic, n numerical, e its finite-difference error bound)`;
}
