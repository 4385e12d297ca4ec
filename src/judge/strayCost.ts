import { costFunction } from "../network/costFunction.ts";
import type { LabelledCase } from "../network/labels.ts";
import { roll } from "../network/theta.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import type { CaseFinding } from "./CaseFinding.ts";
import { requestOf } from "./requestOf.ts";
import { naiveLogError } from "./unstableCost.ts";

/**
 * How far J at a point near Θ may stray from gradcheck's J there before it is no rounding: far
 * above a naive log's rounding and float32's, far below any wrong value worth naming.
 */
const strayRtol = 1e-6;

/**
 * The points (b) asks are cases for J too. A J that is right at Θ and off at a point a step away
 * was not computed by one smooth function: the point is asked again, and two answers to one
 * question are state kept between calls (or randomness), one wrong answer asked twice alike is a
 * wrong J there. The adaptive difference quotient may set such a point aside as an outlier and
 * pass (b), so it is looked at on its own. Undefined when every finite J near Θ is within
 * strayRtol·max(1, |J|) (and a naive log's rounding) of gradcheck's.
 */
export async function strayCost(
  c: LabelledCase,
  answers: ReadonlyMap<Float64Array, number>,
  implementation: Implementation,
): Promise<CaseFinding | undefined> {
  const naive = naiveLogError(c).bound;
  let worst: { x: Float64Array; J: number; exact: number } | undefined;
  for (const [x, J] of answers) {
    if (!Number.isFinite(J)) continue;
    const exact = costFunction(c, roll(x, c.layerSizes));
    const off = Math.abs(J - exact);
    if (off > strayRtol * Math.max(1, Math.abs(exact)) + 16 * naive && (!worst || off > Math.abs(worst.J - worst.exact)))
      worst = { x, J, exact };
  }
  if (!worst) return undefined;
  const again = await implementation.call(requestOf({ ...c, theta: roll(worst.x, c.layerSizes) }));
  if (again.kind === "result" && !Object.is(again.J, worst.J))
    return {
      problem: "not-reproducible",
      check: "b",
      message: `a point near Θ asked twice got two answers: J = ${worst.J}, then J = ${again.J} (gradcheck's J there is ${worst.exact})`,
    };
  return {
    problem: "cost-mismatch",
    check: "b",
    expected: worst.exact,
    actual: worst.J,
    message: `at a point near Θ (a step of the self-consistency probe), J = ${worst.J} where gradcheck's J is ${worst.exact} (off by ${Math.abs(worst.J - worst.exact).toExponential(2)}), while J at Θ is right`,
  };
}
