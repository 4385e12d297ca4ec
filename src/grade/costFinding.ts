import type { LabelledCase } from "../network/labels.ts";
import type { CostAndGradient } from "../network/Network.ts";
import type { CaseFinding } from "../judge/CaseFinding.ts";
import { costAgainstGradcheck } from "../judge/judgeAnswer.ts";
import { unstableCost } from "../judge/unstableCost.ts";

/**
 * What a rubric test of the cost holds against J on one call: a J that is wrong, NaN or ±∞
 * where the exact cost is finite. A naive log's error (∞ or NaN where an output rounds to 0 or 1,
 * or its rounding near there) belongs to the stable-cost test alone, which lets it pass when
 * the assignment allows it. The gradient is not looked at: a test of J charges J only.
 */
export function costFinding(
  x: LabelledCase,
  got: { J: number; grad: Float64Array },
  reference: CostAndGradient,
  stableCost: { readonly judged: boolean; readonly allowed: boolean },
): CaseFinding | undefined {
  const cost = costAgainstGradcheck(got, reference);
  if (!cost) return undefined;
  const J = [cost];
  const naive = unstableCost(x, got, reference, J);
  if (naive) return stableCost.judged && !stableCost.allowed ? naive : undefined;
  const f = J[0];
  return f.problem === "non-finite" ? { ...f, message: `J is ${got.J} where the exact cost is ${reference.J} and no output saturates` } : f;
}
