import { fdJacobian, type VectorFunction } from "../numeric/index.ts";
import { fdOptionsOf, threw, type GradientCheckOptions } from "./checkGradient.ts";
import { compareGradients, comparisonOfFindings, describeValue, type GradientComparison } from "./compareGradients.ts";
import type { Finding } from "./Finding.ts";
import { toleranceFor } from "./fdSetup.ts";

/** A Jacobian as the function under test may return it: m rows of n, a { rows, cols, data } matrix, or m·n numbers row-major. */
export type JacobianLike =
  ArrayLike<ArrayLike<number>> | { readonly rows: number; readonly cols: number; readonly data: ArrayLike<number> } | ArrayLike<number>;

/**
 * The Jacobian of f: ℝⁿ → ℝᵐ at x against finite differences, entry by entry (entry [k,i] is
 * ∂f_k/∂x_i), under the same tolerance model as checkGradient. Costs m gradients' worth of
 * evaluations: for a large m or n, checkVjp and checkJvp check the same thing along random
 * directions at the cost of one.
 */
export function checkJacobian(
  f: VectorFunction,
  jacobian: (x: Float64Array) => JacobianLike,
  x: ArrayLike<number>,
  options: GradientCheckOptions = {},
): GradientComparison {
  const n = x.length;
  const label = options.label ?? ((q: number) => `∂f[${Math.floor(q / n)}]/∂x[${q % n}]`);
  return compareJacobian(f, jacobian, x, { ...options, label });
}

/**
 * The Hessian of a scalar f as the Jacobian of its gradient: the analytic Hessian against
 * finite differences of the (trusted, or separately checked) gradient. Entry [i,j] is ∂²f/∂x_i∂x_j.
 */
export function checkHessian(
  gradient: VectorFunction,
  hessian: (x: Float64Array) => JacobianLike,
  x: ArrayLike<number>,
  options: GradientCheckOptions = {},
): GradientComparison {
  const n = x.length;
  const label = options.label ?? ((q: number) => `H[${Math.floor(q / n)},${q % n}]`);
  return compareJacobian(gradient, hessian, x, { ...options, label });
}

function compareJacobian(
  f: VectorFunction,
  jacobian: (x: Float64Array) => JacobianLike,
  x: ArrayLike<number>,
  options: GradientCheckOptions,
): GradientComparison {
  const fd = fdOptionsOf(options);
  let fx: unknown;
  try {
    fx = f(Float64Array.from(x));
  } catch (e) {
    return threw("cost", e, options);
  }
  if (!isArrayLike(fx))
    return comparisonOfFindings(
      [{ kind: "not-a-gradient", received: `f returned ${describeValue(fx)}, not an array of outputs` }],
      options,
    );
  let analytic: unknown;
  try {
    analytic = flatten(jacobian(Float64Array.from(x)), fx.length, x.length);
  } catch (e) {
    return threw("gradient", e, options);
  }
  if (isShapeFinding(analytic)) return comparisonOfFindings([analytic], options);
  let numerical;
  try {
    numerical = fdJacobian(f, x, fd);
  } catch (e) {
    return threw("cost", e, options);
  }
  const precision = options.precision === "float32" ? "float32" : "float64";
  return compareGradients(analytic, numerical, { ...options, tolerance: toleranceFor(options, precision) });
}

function isShapeFinding(x: unknown): x is Finding {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "wrong-shape";
}

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  return typeof x === "object" && x !== null && typeof (x as { length?: unknown }).length === "number";
}

/**
 * Row-major m·n numbers; a "wrong-shape" finding when the rows or columns do not match f's
 * outputs and inputs; or the value unchanged for compareGradients to report when it is not a Jacobian.
 */
function flatten(J: unknown, m: number, n: number): unknown {
  const wrongShape = (actual: string): Finding => ({
    kind: "wrong-shape",
    expected: `${m}×${n} (m = ${m} outputs, n = ${n} inputs)`,
    actual,
  });
  if (typeof J === "object" && J !== null && "data" in J && "rows" in J && "cols" in J) {
    const M = J as { rows: number; cols: number; data: ArrayLike<number> };
    return M.rows !== m || M.cols !== n ? wrongShape(`${M.rows}×${M.cols}`) : M.data;
  }
  if (!isArrayLike(J) || J.length === 0 || !isArrayLike(J[0])) return J;
  const rows = J as ArrayLike<ArrayLike<number>>;
  const ragged = Array.from(rows).findIndex((row) => !isArrayLike(row) || row.length !== n);
  if (rows.length !== m || ragged >= 0)
    return wrongShape(rows.length !== m ? `${rows.length} rows` : `${rows.length} rows, row ${ragged} of ${describeValue(rows[ragged])}`);
  const out = new Float64Array(m * n);
  for (let k = 0; k < m; k++) for (let i = 0; i < n; i++) out[k * n + i] = rows[k]![i]!;
  return out;
}
