import { matrix, type Matrix } from "../src/linalg/Matrix.ts";
import type { GradientMethod } from "../src/methods.ts";
import type { Case } from "../src/network/Network.ts";
import { closeNumbers, firstDifference, gradientScale } from "./closeness.ts";
import type { PropertyVerdict } from "./PropertyVerdict.ts";

function rowsOf(c: Case, from: number, to: number, lambda: number): Case {
  const cut = (A: Matrix) => matrix(to - from, A.cols, A.data.subarray(from * A.cols, to * A.cols));
  return { ...c, lambda, X: cut(c.X), Y: cut(c.Y), ...(c.labels ? { labels: c.labels.slice(from, to) } : {}) };
}

/**
 * J and ∇J of a batch are the size-weighted means of its two halves' (split after example k).
 * Each part keeps the regulariser's weight per example, λ/m, so a part of n examples gets
 * λ·n/m: J = (k/m)·J₁(λk/m) + ((m−k)/m)·J₂(λ(m−k)/m), and the same for ∇J.
 */
export function halvesAverage(method: GradientMethod, rtol = 1e-12): (c: Case, k: number) => PropertyVerdict {
  return (c, k) => {
    const m = c.X.rows;
    if (m < 2) return { ok: true, skipped: "m = 1 has no two halves" };
    k = 1 + (k % (m - 1));
    const w1 = k / m,
      w2 = (m - k) / m;
    const all = method(c, c.theta);
    const first = method(rowsOf(c, 0, k, c.lambda * w1), c.theta),
      second = method(rowsOf(c, k, m, c.lambda * w2), c.theta);
    const J = w1 * first.J + w2 * second.J;
    if (!closeNumbers(all.J, J, rtol * 8, Math.abs(first.J) + Math.abs(second.J)))
      return { ok: false, message: `J = ${all.J}, weighted halves give ${J} (split after example ${k} of ${m})` };
    const mean = first.grad.map((D, l) =>
      matrix(
        D.rows,
        D.cols,
        D.data.map((x, q) => w1 * x + w2 * second.grad[l].data[q]),
      ),
    );
    const floor = gradientScale([...first.grad, ...second.grad]);
    const d = firstDifference(all.grad, mean, rtol * 8, floor);
    return d ? { ok: false, message: `∂J/∂Θ differs from the weighted halves (split after example ${k} of ${m}) at ${d}` } : { ok: true };
  };
}
