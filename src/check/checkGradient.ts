import { fdGradient, type ScalarFunction } from "../numeric/index.ts";
import { compareGradients, comparisonOfFindings, describeValue, type CompareOptions, type GradientComparison } from "./compareGradients.ts";
import type { Finding } from "./Finding.ts";
import { fdOptionsOf } from "./fdOptionsOf.ts";
import { fdSetupOf } from "./fdSetup.ts";
import type { GradientCheckOptions } from "./GradientCheckOptions.ts";
import { reproducibilityFinding } from "./reproducibility.ts";

export { fdOptionsOf } from "./fdOptionsOf.ts";
export type { GradientCheckOptions };

/**
 * The whole check on plain functions: the analytic gradient at x against finite differences
 * of f. A gradient function that throws, or a cost that throws, is a finding, not a crash;
 * so is an f that returns an array (a vector-valued f has a Jacobian: see checkJacobian), an f
 * that is not finite at x, and answers that change between two identical calls.
 * x is never modified (both functions see copies).
 */
export function checkGradient(
  f: ScalarFunction,
  gradient: (x: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: GradientCheckOptions = {},
): GradientComparison {
  fdOptionsOf(options); // a bad eps is the caller's error: it throws here, before anything runs
  const bad = badPointFinding(x);
  if (bad) return comparisonOfFindings([bad], options);
  const answers = answersAt(f, gradient, x, options);
  if (!answers.ok) return answers.comparison;
  let setup, numerical;
  try {
    setup = fdSetupOf(f, x, answers.fx, options);
    numerical = fdGradient(f, x, setup.fd);
  } catch (e) {
    return threw("cost", e, options);
  }
  return compareGradients(answers.analytic, { ...numerical, precision: setup.precision }, { ...options, tolerance: setup.tolerance });
}

type Answers = { ok: true; fx: number; analytic: unknown } | { ok: false; comparison: GradientComparison };

/** f(x) and gradient(x), each asked twice: what they return, or the finding that stops the check. */
function answersAt(
  f: ScalarFunction,
  gradient: (x: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: GradientCheckOptions,
): Answers {
  const stop = (comparison: GradientComparison): Answers => ({ ok: false, comparison });
  let fx: unknown, fx2: unknown, analytic: unknown, analytic2: unknown;
  try {
    fx = (f as (x: Float64Array) => unknown)(Float64Array.from(x));
    fx2 = (f as (x: Float64Array) => unknown)(Float64Array.from(x));
  } catch (e) {
    return stop(threw("cost", e, options));
  }
  if (typeof fx !== "number") return stop(comparisonOfFindings([{ kind: "not-scalar", received: describeValue(fx) }], options));
  if (!Number.isFinite(fx)) return stop(comparisonOfFindings([{ kind: "non-finite-value", value: fx }], options));
  try {
    analytic = gradient(Float64Array.from(x));
    analytic2 = gradient(Float64Array.from(x));
  } catch (e) {
    return stop(threw("gradient", e, options));
  }
  const tol = options.nondeterminismTolerance ?? 0;
  const unstable =
    reproducibilityFinding([fx], [fx2], tol, () => "f(x)") ?? reproducibilityFinding(analytic, analytic2, tol, options.label);
  if (unstable) return stop(comparisonOfFindings([unstable], options));
  return { ok: true, fx, analytic };
}

/** x as a finding when it is not an array of finite numbers: named (NaN at [2]), not left to surface as an undefined value. */
export function badPointFinding(x: unknown): Finding | null {
  if (typeof x !== "object" || x === null || typeof (x as { length?: unknown }).length !== "number")
    return { kind: "bad-point", received: describeValue(x) };
  const xs = x as ArrayLike<unknown>;
  for (let i = 0; i < xs.length; i++)
    if (typeof xs[i] !== "number" || !Number.isFinite(xs[i])) return { kind: "bad-point", received: `x[${i}] = ${String(xs[i])}` };
  return null;
}

export function threw(during: "gradient" | "cost", e: unknown, options: CompareOptions): GradientComparison {
  return comparisonOfFindings([{ kind: "threw", during, message: e instanceof Error ? e.message : String(e) }], options);
}
