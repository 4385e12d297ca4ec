import { fdGradient, type FdOptions, type ScalarFunction } from "../numeric/index.ts";
import { compareGradients, type CompareOptions, type GradientComparison } from "./compareGradients.ts";
import { defaultTolerance, toleranceFormula } from "./Tolerance.ts";

export interface CheckOptions extends CompareOptions {
  readonly fd?: FdOptions;
}

/**
 * The whole check on plain functions: the analytic gradient at x against finite differences
 * of f. A gradient function that throws, or a cost that throws, is a finding, not a crash.
 * x is never modified (both functions see copies).
 */
export function checkGradient(
  f: ScalarFunction,
  gradient: (x: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: CheckOptions = {},
): GradientComparison {
  let analytic: unknown;
  try {
    analytic = gradient(Float64Array.from(x));
  } catch (e) {
    return failed("gradient", e, options);
  }
  let numerical;
  try {
    numerical = fdGradient(f, x, options.fd);
  } catch (e) {
    return failed("cost", e, options);
  }
  return compareGradients(analytic, numerical, options);
}

function failed(during: "gradient" | "cost", e: unknown, options: CompareOptions): GradientComparison {
  const tolerance = { ...defaultTolerance, ...options.tolerance };
  return {
    passed: false,
    tolerance,
    formula: toleranceFormula(tolerance),
    entries: 0,
    failed: 0,
    notDifferentiable: 0,
    worst: [],
    compared: [],
    layers: [],
    relativeDifference: NaN,
    findings: [{ kind: "threw", during, message: e instanceof Error ? e.message : String(e) }],
  };
}
