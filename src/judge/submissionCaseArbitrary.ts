import fc from "fast-check";
import { matrix } from "../linalg/Matrix.ts";
import { thetaShapes } from "../network/theta.ts";
import { oneHotRows, type LabelledCase } from "../network/labels.ts";
import { outputOf, type Assignment } from "./Assignment.ts";
import { layerSizesArbitrary, type LayerSizesConstraints } from "./layerSizesArbitrary.ts";

export interface SubmissionCaseConstraints extends LayerSizesConstraints {
  readonly maxExamples?: number;
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

/** [s_1, hidden…, K] within the assignment's ranges; shrinks towards fewer and narrower hidden layers and the smallest K. */
function assignmentLayerSizes(a: Assignment, maxWidth: number): fc.Arbitrary<number[]> {
  const width = fc.integer({ min: 1, max: maxWidth });
  return fc
    .tuple(width, fc.array(width, { minLength: a.hiddenLayers.min, maxLength: a.hiddenLayers.max }), fc.integer({ min: a.classes.min, max: Math.min(a.classes.max, Math.max(maxWidth, a.classes.min)) }))
    .map(([s1, hidden, K]) => [s1, ...hidden, K]);
}

/**
 * Cases in the contract's submission setting: sigmoid everywhere, cross-entropy, one-hot
 * labels. Values are multiples of 0.1 so a shrunk counterexample reads like a textbook
 * exercise; λ is one of 0, 1, 10, 0.001 and shrinks to 0 first.
 *
 * Weights and inputs are drawn for the largest network and cut to size, each entry at a fixed
 * place (Θ⁽ˡ⁾, X): when shrinking removes a layer, a unit or an example, the
 * values that remain are the same, so a failure that depends on a value survives the cut.
 */
export function submissionCaseArbitrary(c: SubmissionCaseConstraints = {}): fc.Arbitrary<LabelledCase> {
  const a = c.assignment;
  const maxWidth = c.maxWidth ?? Math.max(6, a?.classes.min ?? 0), maxExamples = c.maxExamples ?? 6;
  const maxDepth = a ? a.hiddenLayers.max + 2 : c.maxDepth ?? 5;
  const { outputActivation, cost } = outputOf(a?.output ?? "sigmoid-cross-entropy");
  const tenths = (max: number) => fc.integer({ min: -max, max }).map((k) => k / 10);
  const pool = (arb: fc.Arbitrary<number>, n: number) => {
    const values = fc.array(arb, { minLength: n, maxLength: n });
    return c.shrinkValues === false ? fc.noShrink(values) : values;
  };
  const stride = maxWidth + 1;
  return fc
    .record({
      layerSizes: a ? assignmentLayerSizes(a, maxWidth) : layerSizesArbitrary({ maxDepth, maxWidth, ...c }),
      m: fc.integer({ min: 1, max: maxExamples }),
      lambda: fc.constantFrom(...(a?.lambdas ?? [0, 1, 10, 0.001])),
      weights: fc.tuple(...Array.from({ length: maxDepth - 1 }, () => pool(tenths(15), maxWidth * stride))),
      inputs: pool(tenths(20), maxExamples * maxWidth),
      classes: pool(fc.nat({ max: maxWidth - 1 }), maxExamples),
    })
    .map(({ layerSizes, m, lambda, weights, inputs, classes }): LabelledCase => {
      const s1 = layerSizes[0], K = layerSizes[layerSizes.length - 1];
      const labels = classes.slice(0, m).map((k) => k % (K === 1 ? 2 : K));
      const X = Array.from({ length: m * s1 }, (_, q) => inputs[Math.floor(q / s1) * maxWidth + (q % s1)]);
      return {
        name: `counterexample-[${layerSizes}]-m${m}`,
        layerSizes,
        hiddenActivation: a?.hiddenActivation ?? "sigmoid",
        outputActivation,
        cost,
        lambda,
        X: matrix(m, s1, X),
        Y: matrix(m, K, oneHotRows(labels, K)),
        theta: thetaShapes(layerSizes).map(([r, cols], l) => matrix(r, cols, Array.from({ length: r * cols }, (_, q) => weights[l][Math.floor(q / cols) * stride + (q % cols)]))),
        labels,
      };
    });
}
