import fc from "fast-check";
import { matrix } from "../linalg/Matrix.ts";
import { thetaShapes } from "../network/theta.ts";
import { oneHotRows, type LabelledCase } from "../network/labels.ts";
import { layerSizesArbitrary, type LayerSizesConstraints } from "./layerSizesArbitrary.ts";

export interface SubmissionCaseConstraints extends LayerSizesConstraints {
  readonly maxExamples?: number;
  /**
   * Now and then (one case in ten) m is drawn above maxExamples, up to this (default 64):
   * an implementation that reads only the first few examples of X fails there.
   */
  readonly maxLargeExamples?: number;
  /**
   * Shrink weights, inputs and labels towards 0 too (default true). The checker turns it off
   * and zeroes values itself once the network is small: shrinking every value of the
   * largest network costs one run each, ruinous when a failing run is a timeout.
   */
  readonly shrinkValues?: boolean;
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
  const maxDepth = c.maxDepth ?? 5, maxWidth = c.maxWidth ?? 6, maxExamples = c.maxExamples ?? 6;
  const maxLarge = Math.max(maxExamples, c.maxLargeExamples ?? 64);
  const examples = maxLarge > maxExamples
    ? fc.oneof({ withCrossShrink: true }, { arbitrary: fc.integer({ min: 1, max: maxExamples }), weight: 9 }, { arbitrary: fc.integer({ min: maxExamples + 1, max: maxLarge }), weight: 1 })
    : fc.integer({ min: 1, max: maxExamples });
  const tenths = (max: number) => fc.integer({ min: -max, max }).map((k) => k / 10);
  const pool = (arb: fc.Arbitrary<number>, n: number) => {
    const values = fc.array(arb, { minLength: n, maxLength: n });
    return c.shrinkValues === false ? fc.noShrink(values) : values;
  };
  const stride = maxWidth + 1;
  return fc
    .record({
      layerSizes: layerSizesArbitrary({ maxDepth, maxWidth, ...c }),
      m: examples,
      lambda: fc.constantFrom(0, 1, 10, 0.001),
      weights: fc.tuple(...Array.from({ length: maxDepth - 1 }, () => pool(tenths(15), maxWidth * stride))),
      inputs: pool(tenths(20), maxLarge * maxWidth),
      classes: pool(fc.nat({ max: maxWidth - 1 }), maxLarge),
    })
    .map(({ layerSizes, m, lambda, weights, inputs, classes }): LabelledCase => {
      const s1 = layerSizes[0], K = layerSizes[layerSizes.length - 1];
      const labels = classes.slice(0, m).map((k) => k % (K === 1 ? 2 : K));
      const X = Array.from({ length: m * s1 }, (_, q) => inputs[Math.floor(q / s1) * maxWidth + (q % s1)]);
      return {
        name: `counterexample-[${layerSizes}]-m${m}`,
        layerSizes,
        hiddenActivation: "sigmoid",
        outputActivation: "sigmoid",
        cost: "cross-entropy",
        lambda,
        X: matrix(m, s1, X),
        Y: matrix(m, K, oneHotRows(labels, K)),
        theta: thetaShapes(layerSizes).map(([r, cols], l) => matrix(r, cols, Array.from({ length: r * cols }, (_, q) => weights[l][Math.floor(q / cols) * stride + (q % cols)]))),
        labels,
      };
    });
}
