/**
 * When is an analytic entry a equal to a numerical one n carrying error bound e?
 *
 *     pass:       |a − n| ≤ min(safety·e, cap·|n|) + rtol·|n| + atol
 *     fail:       |a − n| >     safety·e           + rtol·|n| + atol
 *     undecided:  in between
 *
 * The first term trusts the finite-difference error model with a safety margin; the floor
 * (rtol, atol) absorbs the analytic side's own round-off and keeps a perfect-looking e = 0
 * from demanding bit equality. The cap keeps a large e (a noisy f, a large step) from
 * loosening the check without limit: an entry passes only within cap·|n| of n, fails only
 * beyond what the error model allows, and between the two it is set aside as "too noisy to
 * decide" rather than called either way (docs/checker.md works an example).
 */
export interface Tolerance {
  readonly safety: number;
  readonly rtol: number;
  readonly atol: number;
  /** the error model's share of the pass allowance is at most cap·|n| (default 0.01) */
  readonly cap?: number;
}

/** 1 % of |n|: an error model may vouch for at most that much disagreement. */
export const defaultCap = 0.01;

export const defaultTolerance: Tolerance = { safety: 4, rtol: 1e-8, atol: 1e-11, cap: defaultCap };

/** The pass allowance: the error model's term capped at cap·|n|, plus the floor. */
export function toleranceOf(t: Tolerance, numerical: number, errorBound: number): number {
  const n = Math.abs(numerical);
  return Math.min(t.safety * errorBound, (t.cap ?? defaultCap) * n) + t.rtol * n + t.atol;
}

/** Beyond this the entry is wrong whatever the cap: the error model's whole allowance and the floor. */
export function failThresholdOf(t: Tolerance, numerical: number, errorBound: number): number {
  return t.safety * errorBound + t.rtol * Math.abs(numerical) + t.atol;
}

export function toleranceFormula(t: Tolerance): string {
  if (t.safety === 0)
    return `|a − n| ≤ ${t.rtol.toExponential(0)}·|n| + ${t.atol.toExponential(0)}   (a analytic, n numerical; the finite-difference error e is reported beside, not added)`;
  const cap = t.cap ?? defaultCap;
  return `|a − n| ≤ min(${t.safety}·e, ${cap}·|n|) + ${t.rtol.toExponential(0)}·|n| + ${t.atol.toExponential(0)}   (a analytic, n numerical, e its finite-difference error bound; beyond ${t.safety}·e + the floor it fails, between the two it is too noisy to decide)`;
}
