import type { BigNumber } from "mathjs";
import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { roll, thetaOffsets, unroll } from "../network/theta.ts";
import { bigMath, bigNumberCost, exactBig } from "./bigNumberCost.ts";

export interface BigNumberGradient extends CostAndGradient {
  /** J and each ∂J/∂Θ entry as decimal strings of the full precision */
  readonly exactJ: string;
  readonly exactGrad: readonly string[];
  /** a bound on |float64 result − true value| per entry, beyond the final rounding */
  readonly errorBound: number;
}

/**
 * The high-precision oracle: central differences of J computed with `digits` (default 40)
 * significant digits, step h = 1e-13·max(1, |θ_p|). Truncation ≈ h²·|J'''|/6 ≈ 1e-26·|J'''|,
 * round-off ≈ 10^-digits·|J|/h ≈ 1e-27·|J|: both far below float64 resolution, so the
 * result, rounded to float64, is the true gradient to the last bit or two.
 */
export function bigNumberGradient(problem: Problem, theta: Theta, digits = 40, indices?: readonly number[]): BigNumberGradient {
  const math = bigMath(digits);
  const x = unroll(theta);
  const layerSizes = problem.layerSizes;
  const offsets = thetaOffsets(layerSizes),
    sizes = theta.map((T) => T.data.length);
  const base: BigNumber[] = Array.from(x, (v) => exactBig(math, v));
  const split = (flat: BigNumber[]): BigNumber[][] => offsets.map((at, l) => flat.slice(at, at + sizes[l]!));
  const J = bigNumberCost(problem, split(base), digits);
  // Entries not asked for stay NaN: nothing was computed there (the oracle is slow, so a large
  // case is certified at a sample of its entries).
  const grad = new Float64Array(x.length).fill(indices ? NaN : 0);
  const exactGrad: string[] = [];
  const work = base.slice();
  for (const p of indices ?? x.keys()) {
    const h = math.bignumber(1e-13).times(Math.max(1, Math.abs(x[p])));
    const saved = work[p];
    try {
      work[p] = saved.plus(h);
      const plus = bigNumberCost(problem, split(work), digits);
      work[p] = saved.minus(h);
      const minus = bigNumberCost(problem, split(work), digits);
      const d = plus.minus(minus).div(h.times(2));
      exactGrad.push(d.toString());
      grad[p] = d.toNumber();
    } finally {
      work[p] = saved;
    }
  }
  return { J: J.toNumber(), grad: roll(grad, layerSizes), exactJ: J.toString(), exactGrad, errorBound: 1e-20 };
}

/** The oracle as a gradient method (exact but slow: for networks of a few dozen parameters). */
export function bigNumberMethod(problem: Problem, theta: Theta): CostAndGradient {
  const { J, grad } = bigNumberGradient(problem, theta);
  return { J, grad };
}
