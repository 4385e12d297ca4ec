import type { LabelledCase } from "../../network/labels.ts";
import { parameterCount, unroll } from "../../network/theta.ts";
import { batchBackprop } from "../../backprop/batch.ts";
import type { Implementation } from "../../sandbox/Implementation.ts";
import { requestOf } from "../requestOf.ts";
import type { CaseVerdict } from "../judgeCase.ts";

/** One case, what gradcheck expects on it and what the submission answered. */
export interface Sample {
  readonly c: LabelledCase;
  readonly expected: { readonly J: number; readonly grad: Float64Array };
  readonly got: { readonly J: number; readonly grad: Float64Array };
}

/**
 * What the clues read: the counterexample first, then the diagnostic cases (larger networks,
 * K = 3, 2 and 1, λ > 0), together with the checks' verdict on the counterexample.
 */
export interface Evidence {
  readonly samples: readonly Sample[];
  /** (a) failed on J, on ∂J/∂Θ; (b) failed: on the counterexample */
  readonly costWrong: boolean;
  readonly gradientWrong: boolean;
  readonly selfInconsistent: boolean;
}

export async function gatherEvidence(
  implementation: Implementation,
  counterexample: LabelledCase,
  verdict: CaseVerdict,
  more: readonly LabelledCase[],
): Promise<Evidence | undefined> {
  if (!verdict.submitted) return undefined;
  const samples: Sample[] = [{ c: counterexample, expected: expectedOf(counterexample), got: verdict.submitted }];
  for (const c of more) {
    const o = await implementation.call(requestOf(c));
    if (o.kind !== "result" || o.grad.length !== parameterCount(c.layerSizes)) continue;
    samples.push({ c, expected: expectedOf(c), got: o });
  }
  const has = (p: string) => verdict.findings.some((f) => f.problem === p);
  return { samples, costWrong: has("cost-mismatch"), gradientWrong: has("gradient-mismatch"), selfInconsistent: has("self-inconsistent") };
}

function expectedOf(c: LabelledCase) {
  const r = batchBackprop(c, c.theta);
  return { J: r.J, grad: unroll(r.grad) };
}

/** x ≈ y up to rounding of a float64 computation of the same quantity by another route. */
export function near(x: number, y: number, rtol = 1e-8): boolean {
  return Math.abs(x - y) <= rtol * Math.max(Math.abs(x), Math.abs(y)) + 1e-12;
}

export function allNear(x: ArrayLike<number>, y: ArrayLike<number>, rtol = 1e-8): boolean {
  if (x.length !== y.length) return false;
  let scale = 0;
  for (let k = 0; k < y.length; k++) scale = Math.max(scale, Math.abs(y[k]));
  for (let k = 0; k < x.length; k++)
    if (Math.abs(x[k] - y[k]) > rtol * (Math.max(Math.abs(x[k]), Math.abs(y[k])) + 1e-3 * scale) + 1e-12) return false;
  return true;
}
