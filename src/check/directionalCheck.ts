import { directionalDerivative, randomUnitDirection, rng, type FdMethod, type Rng, type ScalarFunction } from "../numeric/index.ts";
import { defaultTolerance, failThresholdOf, toleranceFormula, toleranceOf, type Tolerance } from "./Tolerance.ts";

/** The seed of the random directions when neither `random` nor `seed` is given: reruns see the same directions. */
export const defaultDirectionSeed = 1;

export interface DirectionalCheckOptions {
  /** the generator of the random directions (default: rng(seed)) */
  readonly random?: Rng;
  /** default `defaultDirectionSeed` */
  readonly seed?: number;
  /** how many random unit directions (default 3) */
  readonly directions?: number;
  readonly method?: FdMethod;
  readonly tolerance?: Partial<Tolerance>;
  /** the scale of x the finite-difference step is sized to (default max(1, ‖x‖∞)) */
  readonly stepScale?: number;
  /** f's absolute accuracy, when it is known to be worse than its rounding (default 8ε·|f(x)|·√n) */
  readonly fAccuracy?: number;
}

export interface DirectionResult {
  /** d/dt f(x + t·v) by finite differences */
  readonly expected: number;
  /** gᵀv from the analytic gradient */
  readonly actual: number;
  readonly absError: number;
  readonly errorBound: number;
  readonly tolerance: number;
  /** "undecided": the finite-difference error is too large, relative to the slope, to call it either way */
  readonly verdict: "pass" | "fail" | "undecided";
  readonly passed: boolean;
}

export interface DirectionalCheck {
  /** every direction passed */
  readonly passed: boolean;
  /** "fail" when any direction failed, else "undecided" when any could not be decided, else "pass" */
  readonly verdict: "pass" | "fail" | "undecided";
  readonly formula: string;
  readonly directions: readonly DirectionResult[];
}

/**
 * The O(1) check (JAX's check_grads): along random unit directions v, compare gᵀv with
 * finite differences of t ↦ f(x + t·v). Cheap, and a random v (not all-ones) makes a
 * transposed or misplaced entry show; it cannot say which entry is wrong. Same argument
 * order as checkGradient; the gradient may be given as a function or as its value at x.
 */
export function directionalCheck(
  f: ScalarFunction,
  gradient: ArrayLike<number> | ((x: Float64Array) => ArrayLike<number>),
  x: ArrayLike<number>,
  options: DirectionalCheckOptions = {},
): DirectionalCheck {
  const tolerance: Tolerance = { ...defaultTolerance, ...options.tolerance };
  if (typeof gradient === "function") gradient = gradient(Float64Array.from(x));
  const random = options.random ?? rng(options.seed ?? defaultDirectionSeed);
  const results: DirectionResult[] = [];
  for (let d = 0; d < (options.directions ?? 3); d++) {
    const v = randomUnitDirection(x.length, random);
    let actual = 0,
      scale = 0;
    for (let i = 0; i < v.length; i++) {
      actual += gradient[i] * v[i];
      scale += Math.abs(gradient[i] * v[i]);
    }
    const fd = directionalDerivative(f, x, v, {
      ...(options.method ? { method: options.method } : {}),
      ...(options.stepScale !== undefined ? { scale: options.stepScale } : {}),
      ...(options.fAccuracy !== undefined ? { fAccuracy: options.fAccuracy } : {}),
    });
    // gᵀv carries its own round-off, ≈ ε·Σ|g_i v_i|·√n.
    const errorBound = fd.errorBound + Number.EPSILON * scale * Math.sqrt(v.length);
    const tol = toleranceOf(tolerance, fd.estimate, errorBound);
    const absError = Math.abs(actual - fd.estimate);
    const verdict = absError <= tol ? "pass" : absError > failThresholdOf(tolerance, fd.estimate, errorBound) ? "fail" : "undecided";
    results.push({ expected: fd.estimate, actual, absError, errorBound, tolerance: tol, verdict, passed: verdict === "pass" });
  }
  const verdict = results.some((r) => r.verdict === "fail")
    ? "fail"
    : results.some((r) => r.verdict === "undecided")
      ? "undecided"
      : "pass";
  return { passed: verdict === "pass", verdict, formula: toleranceFormula(tolerance), directions: results };
}
