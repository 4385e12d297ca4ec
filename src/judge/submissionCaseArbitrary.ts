import fc from "fast-check";
import { matrix } from "../linalg/Matrix.ts";
import { thetaShapes } from "../network/theta.ts";
import { oneHotRows, type LabelledCase } from "../network/labels.ts";
import { outputOf, type Assignment } from "./Assignment.ts";
import type { WeightRegime } from "./WeightRegime.ts";
import { layerSizesArbitrary, type LayerSizesConstraints } from "./layerSizesArbitrary.ts";

export interface SubmissionCaseConstraints extends LayerSizesConstraints {
  /** m is 1..maxExamples (default 64), usually small: three draws in four take m ≤ 8 */
  readonly maxExamples?: number;
  /** which weight regimes to draw (default all three) */
  readonly regimes?: readonly WeightRegime[];
  /**
   * Shrink weights, inputs and labels towards 0 too (default true). The checker turns it off
   * and zeroes values itself once the network is small: shrinking every value of the
   * largest network costs one run each, ruinous when a failing run is a timeout.
   */
  readonly shrinkValues?: boolean;
  /**
   * The family and shapes a course's assignment asks for (hidden layers, K, λ). Without it:
   * sigmoid everywhere, cross-entropy, any depth up to maxDepth, the four λ of the default.
   */
  readonly assignment?: Assignment;
}

/** The widest layer the cases draw (the default of maxWidth). */
export const defaultMaxWidth = 12;

/** [s_1, hidden…, K] within the assignment's ranges; shrinks towards fewer and narrower hidden layers and the smallest K. */
function assignmentLayerSizes(a: Assignment, maxWidth: number): fc.Arbitrary<number[]> {
  const width = fc.integer({ min: 1, max: maxWidth });
  return fc
    .tuple(
      width,
      fc.array(width, { minLength: a.hiddenLayers.min, maxLength: a.hiddenLayers.max }),
      fc.integer({ min: a.classes.min, max: Math.min(a.classes.max, Math.max(maxWidth, a.classes.min)) }),
    )
    .map(([s1, hidden, K]) => [s1, ...hidden, K]);
}

/**
 * How large the weights are. "ordinary": |Θ| ≤ 1.5, the textbook's scale. "saturated": Θ × 30,
 * so some |z| ≥ 40 and outputs round to exactly 0 or 1 in float64 (σ(37) is already 1.0): the
 * regime where log(1 − h) is −∞, a clipped log shows and an unstable formula goes wrong.
 * "tiny": Θ / 100, where every unit sits near σ(0) = 1/2 and errors of scale stand out.
 * "overflow" (softmax outputs only): output pre-activations past 709, where e^z overflows and
 * only a softmax computed without the max-shift notices. With sigmoid or tanh hidden layers (or
 * none), ordinary weights and every output unit's bias raised by 800: adding one constant to
 * every z⁽ᴸ⁾ changes neither softmax nor the cost (logsumexp(z + c) − (z_y + c)), and the bias
 * is not regularised, so J and ∂J/∂Θ are exactly the ordinary network's. With relu hidden
 * layers, which pass large values through, ordinary weights and inputs × 1000 instead: a bias of
 * 800 would widen the finite-difference step of check (b) (scaled to the largest |Θ|) across relu kinks.
 */
export const weightScale: Readonly<Record<WeightRegime, number>> = { ordinary: 1, saturated: 30, tiny: 0.01, overflow: 1 };
/** The overflow regime: what it adds to the output biases (past log(Number.MAX_VALUE) ≈ 709.8 with room to spare), and its input scale with relu. */
export const overflowShift = 800,
  overflowInputScale = 1000;

/**
 * Cases in the submission setting: by default sigmoid everywhere, cross-entropy, one-hot
 * labels (an assignment states another family and its shapes). Values are multiples of 0.1 (times the regime's scale) so a shrunk counterexample
 * reads like a textbook exercise; λ is one of 0, 1, 10, 0.001 and shrinks to 0 first. Half the
 * networks are ordinary, a third saturated, a sixth tiny (with a softmax output: 3 : 2 : 1 : 1
 * with overflow); shrinking moves towards ordinary, so a
 * counterexample stays saturated only when the failure needs it.
 *
 * Weights and inputs are drawn for the largest network and cut to size, each entry at a fixed
 * place (Θ⁽ˡ⁾, X): when shrinking removes a layer, a unit or an example, the
 * values that remain are the same, so a failure that depends on a value survives the cut.
 */
export function submissionCaseArbitrary(c: SubmissionCaseConstraints = {}): fc.Arbitrary<LabelledCase> {
  const a = c.assignment;
  const maxWidth = c.maxWidth ?? Math.max(defaultMaxWidth, a?.classes.min ?? 0),
    maxExamples = c.maxExamples ?? 64;
  const maxDepth = a ? a.hiddenLayers.max + 2 : (c.maxDepth ?? 5);
  const { outputActivation, cost } = outputOf(a?.output ?? "sigmoid-cross-entropy");
  const regimes = c.regimes ??
    c.assignment?.regimes ?? ["ordinary", "saturated", "tiny", ...(outputActivation === "softmax" ? (["overflow"] as const) : [])];
  const regimeWeight: Record<WeightRegime, number> = { ordinary: 3, saturated: 2, tiny: 1, overflow: 1 };
  const tenths = (max: number) => fc.integer({ min: -max, max }).map((k) => k / 10);
  const pool = (arb: fc.Arbitrary<number>, n: number) => {
    const values = fc.array(arb, { minLength: n, maxLength: n });
    return c.shrinkValues === false ? fc.noShrink(values) : values;
  };
  const stride = maxWidth + 1;
  return fc
    .record({
      layerSizes: a ? assignmentLayerSizes(a, maxWidth) : layerSizesArbitrary({ maxDepth, maxWidth, ...c }),
      m: fc.oneof(
        { arbitrary: fc.integer({ min: 1, max: Math.min(8, maxExamples) }), weight: 3 },
        { arbitrary: fc.integer({ min: 1, max: maxExamples }), weight: 1 },
      ),
      regime: fc.oneof(...regimes.map((r) => ({ arbitrary: fc.constant(r), weight: regimeWeight[r] }))),
      lambda: fc.constantFrom(...(a?.lambdas ?? [0, 1, 10, 0.001])),
      weights: fc.tuple(...Array.from({ length: maxDepth - 1 }, () => pool(tenths(15), maxWidth * stride))),
      inputs: pool(tenths(20), maxExamples * maxWidth),
      classes: pool(fc.nat({ max: maxWidth - 1 }), maxExamples),
    })
    .map((drawn) => caseFrom(drawn, { a, maxWidth, outputActivation, cost }));
}

/** One draw of the arbitrary: the network's shape and regime, and the value pools it is cut from. */
interface Drawn {
  readonly layerSizes: number[];
  readonly m: number;
  readonly regime: WeightRegime;
  readonly lambda: number;
  readonly weights: number[][];
  readonly inputs: number[];
  readonly classes: number[];
}

/** The case a draw stands for: each entry read from its fixed place in the pools, scaled by the regime. */
function caseFrom(
  { layerSizes, m, regime, lambda, weights, inputs, classes }: Drawn,
  { a, maxWidth, outputActivation, cost }: { a?: Assignment; maxWidth: number } & ReturnType<typeof outputOf>,
): LabelledCase {
  const stride = maxWidth + 1;
  const scale = weightScale[regime];
  const relu = a?.hiddenActivation === "relu" && layerSizes.length > 2;
  const shift = (l: number, column: number) =>
    regime === "overflow" && !relu && l === layerSizes.length - 2 && column === 0 ? overflowShift : 0;
  const inputScale = regime === "overflow" && relu ? overflowInputScale : 1;
  const s1 = layerSizes[0],
    K = layerSizes[layerSizes.length - 1];
  const labels = classes.slice(0, m).map((k) => k % (K === 1 ? 2 : K));
  const X = Array.from({ length: m * s1 }, (_, q) => scaled(inputs[Math.floor(q / s1) * maxWidth + (q % s1)], inputScale));
  return {
    name: `counterexample-[${layerSizes}]-m${m}${regime === "ordinary" ? "" : `-${regime}`}`,
    layerSizes,
    hiddenActivation: a?.hiddenActivation ?? "sigmoid",
    outputActivation,
    cost,
    lambda,
    X: matrix(m, s1, X),
    Y: matrix(m, K, oneHotRows(labels, K)),
    theta: thetaShapes(layerSizes).map(([r, cols], l) =>
      matrix(
        r,
        cols,
        Array.from(
          { length: r * cols },
          (_, q) => scaled(weights[l][Math.floor(q / cols) * stride + (q % cols)], scale) + shift(l, q % cols),
        ),
      ),
    ),
    labels,
  };
}

/** w × scale, rounded so that 0.1 × 30 prints as 3, not 3.0000000000000004. */
function scaled(w: number, scale: number): number {
  return scale === 1 ? w : Math.round(w * scale * 1e6) / 1e6;
}
