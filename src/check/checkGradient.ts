import { fdGradient, fixedStep, type FdOptions, type ScalarFunction } from "../numeric/index.ts";
import { compareGradients, comparisonOfFindings, describeValue, type CompareOptions, type GradientComparison } from "./compareGradients.ts";

export interface GradientCheckOptions extends CompareOptions {
  readonly fd?: FdOptions;
  /**
   * A fixed finite-difference step (central differences at x ± eps), as torch.autograd.gradcheck
   * takes it. Without it the step is chosen per entry to balance round-off against truncation.
   */
  readonly eps?: number;
}

/** The finite-difference options a check's `eps` and `fd` options ask for. */
export function fdOptionsOf(options: GradientCheckOptions): FdOptions {
  return options.eps === undefined ? (options.fd ?? {}) : { ...options.fd, method: fixedStep(options.eps) };
}

/**
 * The whole check on plain functions: the analytic gradient at x against finite differences
 * of f. A gradient function that throws, or a cost that throws, is a finding, not a crash;
 * so is an f that returns an array (a vector-valued f has a Jacobian: see checkJacobian).
 * x is never modified (both functions see copies).
 */
export function checkGradient(
  f: ScalarFunction,
  gradient: (x: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: GradientCheckOptions = {},
): GradientComparison {
  const fd = fdOptionsOf(options); // a bad eps is the caller's error: it throws here, before anything runs
  let fx: unknown;
  try {
    fx = (f as (x: Float64Array) => unknown)(Float64Array.from(x));
  } catch (e) {
    return threw("cost", e, options);
  }
  if (typeof fx !== "number") return comparisonOfFindings([{ kind: "not-scalar", received: describeValue(fx) }], options);
  let analytic: unknown;
  try {
    analytic = gradient(Float64Array.from(x));
  } catch (e) {
    return threw("gradient", e, options);
  }
  let numerical;
  try {
    numerical = fdGradient(f, x, fd);
  } catch (e) {
    return threw("cost", e, options);
  }
  return compareGradients(analytic, numerical, options);
}

export function threw(during: "gradient" | "cost", e: unknown, options: CompareOptions): GradientComparison {
  return comparisonOfFindings([{ kind: "threw", during, message: e instanceof Error ? e.message : String(e) }], options);
}
