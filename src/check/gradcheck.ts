import { GradientCheckError } from "./assertGradient.ts";
import { badPointFinding, checkGradient, type GradientCheckOptions } from "./checkGradient.ts";
import { comparisonOfFindings, type GradientComparison } from "./compareGradients.ts";
import type { Matrix } from "../linalg/Matrix.ts";
import { grad } from "../tape/grad.ts";
import type { Rules } from "../tape/rules.ts";
import { constant, type Value } from "../tape/Value.ts";

/**
 * One call, as torch.autograd.gradcheck: differentiate f (written with tape ops) by the tape
 * at x and compare every entry of the gradient with finite differences of f. x is a matrix,
 * or plain numbers taken as a 1×n row. Returns the comparison as data; assertGradcheck throws it.
 */
export interface GradcheckOptions extends GradientCheckOptions {
  /** the tape's rules (default: the tape's own; a test can plant a wrong one) */
  readonly rules?: Rules;
}

export function gradcheck(f: (x: Value) => Value, x: Matrix | ArrayLike<number>, options: GradcheckOptions = {}): GradientComparison {
  const bad = badPointFinding(isMatrix(x) ? x.data : x);
  if (bad) return comparisonOfFindings([bad], options);
  const X: Matrix = isMatrix(x) ? x : { rows: 1, cols: x.length, data: Float64Array.from(x) };
  const at = (data: Float64Array): Matrix => ({ rows: X.rows, cols: X.cols, data });
  let out: Value;
  try {
    out = f(constant(at(Float64Array.from(X.data))));
  } catch (e) {
    return comparisonOfFindings([{ kind: "threw", during: "cost", message: e instanceof Error ? e.message : String(e) }], options);
  }
  if (out.rows !== 1 || out.cols !== 1) return comparisonOfFindings([{ kind: "not-scalar", received: `a ${out.shape} value` }], options);
  const g = grad(f, options.rules);
  // Finite differences need only values: f on constants records nothing.
  return checkGradient(
    (w) => f(constant(at(w))).item(),
    (w) => g(at(w)).gradient.data,
    X.data,
    options,
  );
}

/** gradcheck that throws the rendered report (a GradientCheckError) when the check fails. */
export function assertGradcheck(f: (x: Value) => Value, x: Matrix | ArrayLike<number>, options: GradcheckOptions = {}): void {
  const c = gradcheck(f, x, options);
  if (!c.passed) throw new GradientCheckError(c);
}

function isMatrix(x: Matrix | ArrayLike<number>): x is Matrix {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as Matrix).rows === "number" &&
    typeof (x as Matrix).cols === "number" &&
    (x as Matrix).data !== undefined
  );
}
