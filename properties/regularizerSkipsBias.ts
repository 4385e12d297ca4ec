import { thetaEntryName } from "../src/network/thetaEntry.ts";
import { copy } from "../src/linalg/Matrix.ts";
import type { GradientMethod } from "../src/methods.ts";
import type { Case } from "../src/network/Network.ts";
import { closeNumbers } from "./closeness.ts";
import type { PropertyVerdict } from "./PropertyVerdict.ts";

/**
 * The regulariser never touches the bias column: ∂J/∂Θ on column 0 does not depend on λ, and
 * the regularisation part of J, J(λ) − J(0), does not change when the bias column does.
 */
export function regularizerSkipsBias(method: GradientMethod, rtol = 1e-12): (c: Case) => PropertyVerdict {
  return (c) => {
    if (c.lambda === 0) return { ok: true, skipped: "λ = 0" };
    const free = { ...c, lambda: 0 };
    const withL = method(c, c.theta),
      without = method(free, c.theta);
    for (let l = 0; l < c.theta.length; l++) {
      const T = c.theta[l];
      for (let i = 0; i < T.rows; i++) {
        const a = withL.grad[l].data[i * T.cols],
          b = without.grad[l].data[i * T.cols];
        if (!closeNumbers(a, b, rtol, 1 + Math.abs(a) + Math.abs(b)))
          return {
            ok: false,
            message: `bias entry ${thetaEntryName({ layer: l, row: i, column: 0 })} depends on λ: ${a} (λ = ${c.lambda}) vs ${b} (λ = 0)`,
          };
      }
    }
    const moved = c.theta.map((T) => {
      const M = copy(T);
      for (let i = 0; i < M.rows; i++) M.data[i * M.cols] += 0.5;
      return M;
    });
    const movedWith = method(c, moved).J,
      movedWithout = method(free, moved).J;
    const before = withL.J - without.J,
      after = movedWith - movedWithout;
    // Round-off is relative to the totals the difference was taken from.
    const scale = Math.abs(withL.J) + Math.abs(without.J) + Math.abs(movedWith) + Math.abs(movedWithout) + 1e-300;
    if (!closeNumbers(before, after, 1e-9, scale))
      return { ok: false, message: `J(λ) − J(0) changed from ${before} to ${after} when only the bias column moved` };
    return { ok: true };
  };
}
