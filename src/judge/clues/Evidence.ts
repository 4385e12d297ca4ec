import type { LabelledCase } from "../../network/labels.ts";
import { parameterCount, unroll } from "../../network/theta.ts";
import { batchBackprop } from "../../backprop/batch.ts";
import type { Implementation } from "../../sandbox/Implementation.ts";
import { requestOf } from "../requestOf.ts";
import { reluRoundingKinks } from "../reluRoundingKinks.ts";
import type { CaseVerdict } from "../CaseFinding.ts";

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
  /**
   * The submission's answer to one more case, beside gradcheck's (undefined when it gave
   * none): the clues that need a case the evidence lacks (λ = 0, m = 1, the same case again)
   * ask it themselves.
   */
  readonly ask?: (c: LabelledCase) => Promise<Sample | undefined>;
}

export async function gatherEvidence(
  implementation: Implementation,
  counterexample: LabelledCase,
  verdict: CaseVerdict,
  more: readonly LabelledCase[],
): Promise<Evidence | undefined> {
  if (!verdict.submitted) return undefined;
  const samples: Sample[] = [{ c: counterexample, expected: expectedOf(counterexample), got: verdict.submitted }];
  const ask = async (c: LabelledCase): Promise<Sample | undefined> => {
    const o = await implementation.call(requestOf(c));
    if (o.kind !== "result" || o.grad.length !== parameterCount(c.layerSizes)) return undefined;
    return { c, expected: expectedOf(c), got: o };
  };
  for (const c of more) {
    const s = await ask(c);
    if (s) samples.push(s);
  }
  const has = (p: string) => verdict.findings.some((f) => f.problem === p);
  return {
    samples,
    costWrong: has("cost-mismatch"),
    gradientWrong: has("gradient-mismatch"),
    selfInconsistent: has("self-inconsistent"),
    ask,
  };
}

function expectedOf(c: LabelledCase) {
  const r = batchBackprop(c, c.theta);
  return { J: r.J, grad: unroll(r.grad) };
}

/** x ≈ y up to rounding of a float64 computation of the same quantity by another route. */
export function near(x: number, y: number, rtol = 1e-8): boolean {
  // the same infinity is the same answer (an output that underflows to 0 inside a log)
  if (x === y) return true;
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

/** J agrees with gradcheck's up to the rounding of another float64 route. */
export const costRight = (s: Sample): boolean => near(s.got.J, s.expected.J, 1e-9);

/**
 * ∇J agrees with gradcheck's up to rounding, entry by entry; an entry that hangs on relu′ at a
 * z that is 0 up to round-off may be either, and is not held against it.
 */
export function gradientRight(s: Sample): boolean {
  const kinks = kinksOf(s.c);
  if (!kinks) return allNear(s.got.grad, s.expected.grad, 1e-7);
  const keep = (g: Float64Array) => g.filter((_, q) => kinks[q] === 0);
  return allNear(keep(s.got.grad), keep(s.expected.grad), 1e-7);
}

const kinks = new WeakMap<LabelledCase, Uint8Array | null>();

/** reluRoundingKinks of a case, once per case. */
export function kinksOf(c: LabelledCase): Uint8Array | undefined {
  if (!kinks.has(c)) kinks.set(c, reluRoundingKinks(c) ?? null);
  return kinks.get(c) ?? undefined;
}
