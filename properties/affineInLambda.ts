import { thetaEntryName } from "../src/network/thetaEntry.ts";
import type { GradientMethod } from "../src/methods.ts";
import type { Case } from "../src/network/Network.ts";
import type { PropertyVerdict } from "./PropertyVerdict.ts";

/**
 * ∂J/∂Θ is affine in λ with slope Θ/m off the bias column (and 0 on it):
 * ∂J/∂Θ(λ) − ∂J/∂Θ(0) = (λ/m)·[0 | W]. Catches every 1/m and bias slip of the regulariser.
 */
export function affineInLambda(method: GradientMethod, rtol = 1e-11): (c: Case) => PropertyVerdict {
  return (c) => {
    const m = c.X.rows;
    const withL = method(c, c.theta).grad,
      without = method({ ...c, lambda: 0 }, c.theta).grad;
    for (let l = 0; l < c.theta.length; l++) {
      const T = c.theta[l];
      for (let q = 0; q < T.data.length; q++) {
        const j = q % T.cols;
        const slope = j === 0 ? 0 : (c.lambda / m) * T.data[q];
        const a = withL[l].data[q],
          b = without[l].data[q];
        const allowed = rtol * (Math.abs(a) + Math.abs(b) + Math.abs(slope) + 1e-300);
        if (!(Math.abs(a - b - slope) <= allowed)) {
          return {
            ok: false,
            message: `${thetaEntryName({ layer: l, row: Math.floor(q / T.cols), column: j })}: ∂J/∂Θ(λ) − ∂J/∂Θ(0) = ${a - b}, expected (λ/m)Θ = ${slope} (λ = ${c.lambda}, m = ${m})`,
          };
        }
      }
    }
    return { ok: true };
  };
}
