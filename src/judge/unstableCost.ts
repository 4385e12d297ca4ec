import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";
import type { CostAndGradient } from "../network/Network.ts";
import { logSumExp } from "../network/softmax.ts";
import { parameterCount, thetaOffsets, unroll } from "../network/theta.ts";
import type { CaseFinding } from "./CaseFinding.ts";

/**
 * How close each output comes to 0 or 1, m × K row-major: `tail` is the smaller of h and 1 − h,
 * computed without cancellation (σ's is 1/(1 + e^|z|), softmax's 1 − p_k is the others' sum),
 * and `nearOne` says which it is.
 */
function outputTails(c: LabelledCase): { readonly tail: Float64Array; readonly nearOne: Uint8Array } | undefined {
  // only a log can turn a saturated output into ±∞
  if (c.cost !== "cross-entropy" || (c.outputActivation !== "sigmoid" && c.outputActivation !== "softmax")) return undefined;
  const { z } = forward(c, c.theta, c.X);
  const Z = z[z.length - 1].data,
    K = c.layerSizes[c.layerSizes.length - 1];
  const tail = new Float64Array(Z.length),
    nearOne = new Uint8Array(Z.length);
  for (let i = 0; i < c.X.rows; i++) {
    const lse = c.outputActivation === "softmax" ? logSumExp(Z, i * K, K) : 0;
    for (let k = 0; k < K; k++) {
      const q = i * K + k;
      if (c.outputActivation === "sigmoid") {
        tail[q] = 1 / (1 + Math.exp(Math.abs(Z[q])));
        nearOne[q] = Z[q] > 0 ? 1 : 0;
        continue;
      }
      let others = 0;
      for (let j = 0; j < K; j++) if (j !== k) others += Math.exp(Z[i * K + j] - lse);
      const p = Math.exp(Z[q] - lse);
      tail[q] = Math.min(p, others);
      nearOne[q] = p > others ? 1 : 0;
    }
  }
  return { tail, nearOne };
}

/**
 * An output that rounds to exactly 1 or 0 in float64, in any of the usual ways of computing it:
 * 1 − h below ε (1/(1 + e^−z) is 1 once e^−z < ε/2, e^z/(1 + e^z) a little later), or h below
 * 1e-300 (e^−z overflows, or e^z underflows, only past |z| ≈ 709).
 */
const saturates = (tail: number, nearOne: number) => (nearOne ? tail < Number.EPSILON : tail < 1e-300);

/**
 * How far from the exact J a cost written the naive way, −y·log(h) − (1 − y)·log(1 − h)
 * (−log(p_y) for softmax), can land when it stays finite: 1 − h carries an absolute error of
 * about one ulp of 1, so the log of a small 1 − h is off by about
 * ε/(1 − h) (the log of a small h only by its relative rounding). The bound sums that over
 * every output unit and example, with a factor 4 for the rounding of σ itself. A term whose h
 * rounds to 0 or 1 makes the naive cost infinite or NaN and is counted: only then can the naive
 * cost be non-finite; within a few ulps of 1 it may instead stop one ulp short, and adds
 * log(2ε/(1 − h)) to the bound.
 */
export function naiveLogError(c: LabelledCase): { readonly bound: number; readonly saturatedOutputs: number } {
  const tails = outputTails(c);
  let bound = 0,
    saturatedOutputs = 0;
  for (let q = 0; q < (tails?.tail.length ?? 0); q++) {
    const tail = tails!.tail[q],
      nearOne = tails!.nearOne[q];
    if (saturates(tail, nearOne)) {
      saturatedOutputs++;
      // within a few ulps of 1, h may also stop one ulp short: 1 − h is then ε/2 or ε, not the tail
      if (nearOne && tail >= Number.EPSILON / 8) bound += Math.log((2 * Number.EPSILON) / tail);
    }
    // log(1 − h) of an h near 1 is off by ε/(1 − h); the log of a small h keeps its relative accuracy
    else bound += nearOne ? (4 * Number.EPSILON) / tail : 4 * Number.EPSILON;
  }
  return { bound: bound / c.X.rows, saturatedOutputs };
}

/**
 * The gradient entries a non-finite value at a saturated output can reach: a NaN in δ⁽ᴸ⁾ of
 * output k (the course's dAL = −(y/h − (1 − y)/(1 − h)) is 0/0 where h rounds to 1) lands on
 * row k of the last Θ and, through (Θ)ᵀδ, on every entry of the layers below. Undefined when
 * no output saturates: a non-finite answer there is no rounding of the formula.
 */
export function saturationReach(c: LabelledCase): Uint8Array | undefined {
  // softmax's δ⁽ᴸ⁾ = p − y is finite wherever p rounds: a non-finite gradient there is e^z
  // overflowing (softmax-without-max-shift), never the log
  if (c.outputActivation === "softmax") return undefined;
  const tails = outputTails(c);
  const at = (q: number) => saturates(tails!.tail[q], tails!.nearOne[q]);
  if (!tails || !tails.tail.some((_, q) => at(q))) return undefined;
  const K = c.layerSizes[c.layerSizes.length - 1],
    offsets = thetaOffsets(c.layerSizes);
  const last = offsets[offsets.length - 1],
    cols = c.layerSizes[c.layerSizes.length - 2] + 1;
  const reach = new Uint8Array(parameterCount(c.layerSizes));
  reach.fill(1, 0, last);
  for (let q = 0; q < tails.tail.length; q++) if (at(q)) reach.fill(1, last + (q % K) * cols, last + ((q % K) + 1) * cols);
  return reach;
}

/**
 * The answer with its non-finite gradient entries set to gradcheck's, when every one of them
 * lies where a saturated output reaches (saturationReach): the rest is then judged as usual.
 * Undefined when some non-finite entry lies elsewhere, or no output saturates.
 */
export function withinSaturation(
  c: LabelledCase,
  grad: Float64Array,
  expected: Float64Array,
): { readonly grad: Float64Array; readonly nonFinite: number } | undefined {
  const reach = saturationReach(c);
  if (!reach) return undefined;
  const patched = Float64Array.from(grad);
  let nonFinite = 0;
  for (let q = 0; q < grad.length; q++) {
    if (Number.isFinite(grad[q])) continue;
    if (reach[q] !== 1) return undefined;
    patched[q] = expected[q];
    nonFinite++;
  }
  return { grad: patched, nonFinite };
}

/**
 * The naive log, and the course formulas built on it: the gradient is right wherever it is
 * finite, and J is exactly what −y·log(h) − (1 − y)·log(1 − h) gives in float64 — infinite or
 * NaN (J, or ∂J/∂Θ through dAL) only where an output rounds to 0 or 1, or finite and off by no
 * more than that formula's rounding error. A clipped or otherwise wrong cost is further off
 * and stays a cost-mismatch. `nonFiniteGradient` counts the entries withinSaturation set aside.
 */
export function unstableCost(
  c: LabelledCase,
  got: { J: number; grad: Float64Array },
  reference: CostAndGradient,
  a: readonly CaseFinding[],
  nonFiniteGradient = 0,
): CaseFinding | undefined {
  if (a.some((f) => f.problem === "gradient-mismatch")) return undefined;
  const { bound, saturatedOutputs } = naiveLogError(c);
  const gradient =
    nonFiniteGradient > 0
      ? `; ${nonFiniteGradient} gradient entr${nonFiniteGradient > 1 ? "ies are" : "y is"} not finite there, and the rest is right`
      : "; the gradient is right";
  if (!Number.isFinite(got.J) || nonFiniteGradient > 0) {
    if (saturatedOutputs === 0) return undefined;
    if (Number.isFinite(got.J) && a.some((f) => f.problem === "cost-mismatch") && Math.abs(got.J - reference.J) > bound) return undefined;
    return {
      problem: "unstable-cost",
      check: "a",
      expected: reference.J,
      actual: got.J,
      message: `J is ${got.J} where the exact cost is ${reference.J}: ${saturatedOutputs} output${saturatedOutputs > 1 ? "s round" : " rounds"} to exactly 0 or 1, where log(1 − h) or log(h) is −∞${gradient}`,
    };
  }
  if (a.length === 0) return undefined;
  if (Math.abs(got.J - reference.J) > bound) return undefined;
  return {
    problem: "unstable-cost",
    check: "a",
    expected: reference.J,
    actual: got.J,
    message: `J = ${got.J}, the exact cost is ${reference.J}: off by ${Math.abs(got.J - reference.J).toExponential(2)}, within the rounding error of log(1 − h) where outputs are near 0 or 1 (${bound.toExponential(2)})${gradient}`,
  };
}

/**
 * One answer under the saturation policy, for judges that look at one part of it (the rubric's
 * tests): when J or ∂J/∂Θ is not finite only where outputs saturate and the rest is right, the
 * unstable-cost finding, and the answer with those values set to gradcheck's so the rest can be
 * judged as usual. Undefined when the answer is finite, or its non-finite values are no rounding.
 */
export function saturatedAnswer(
  c: LabelledCase,
  got: { J: number; grad: Float64Array },
  reference: CostAndGradient,
  a: (got: { J: number; grad: Float64Array }) => readonly CaseFinding[],
): { readonly finding: CaseFinding; readonly patched: { J: number; grad: Float64Array } } | undefined {
  if (got.grad.length !== parameterCount(c.layerSizes)) return undefined;
  const expected = unroll(reference.grad);
  const finiteGrad = got.grad.every(Number.isFinite);
  if (finiteGrad && Number.isFinite(got.J)) return undefined;
  const within = finiteGrad ? { grad: got.grad, nonFinite: 0 } : withinSaturation(c, got.grad, expected);
  if (!within) return undefined;
  const finding = unstableCost(c, got, reference, a({ J: got.J, grad: within.grad }), within.nonFinite);
  if (!finding) return undefined;
  return { finding, patched: { J: Number.isFinite(got.J) ? got.J : reference.J, grad: within.grad } };
}
