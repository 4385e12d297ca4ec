import { matrix, type Matrix } from "../src/linalg/Matrix.ts";
import type { GradientMethod } from "../src/methods.ts";
import type { Case } from "../src/network/Network.ts";
import { closeNumbers, firstDifference, gradientScale } from "./closeness.ts";
import type { PropertyVerdict } from "./PropertyVerdict.ts";

/** The rows of X and Y (and labels) reordered by `order`, a permutation of 0..m−1. */
export function permuteExamples(c: Case, order: readonly number[]): Case {
  const rows = (A: Matrix) =>
    matrix(
      A.rows,
      A.cols,
      order.flatMap((i) => Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols))),
    );
  return { ...c, X: rows(c.X), Y: rows(c.Y), ...(c.labels ? { labels: order.map((i) => c.labels![i]) } : {}) };
}

/** Permuting the examples changes neither J nor ∇J (beyond the round-off of a new summation order). */
export function permutationInvariant(method: GradientMethod, rtol = 1e-12): (c: Case, order: readonly number[]) => PropertyVerdict {
  return (c, order) => {
    const a = method(c, c.theta),
      b = method(permuteExamples(c, order), c.theta);
    const floor = gradientScale(a.grad);
    if (!closeNumbers(a.J, b.J, rtol)) return { ok: false, message: `J ${a.J} became ${b.J} after permuting the examples by [${order}]` };
    const d = firstDifference(a.grad, b.grad, rtol * 8, floor);
    return d ? { ok: false, message: `∂J/∂Θ changed after permuting the examples by [${order}]: ${d}` } : { ok: true };
  };
}
