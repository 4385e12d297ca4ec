import fc from "fast-check";
import { matrix, type Matrix } from "../src/linalg/Matrix.ts";
import type { Case, Network } from "../src/network/Network.ts";
import { thetaShapes } from "../src/network/theta.ts";
import { oneHotRows } from "../src/network/labels.ts";
import { lambdaArbitrary } from "./lambdaArbitrary.ts";
import type { LayerSizesConstraints } from "../src/judge/layerSizesArbitrary.ts";
import { networkArbitrary } from "./networkArbitrary.ts";
import { regimeArbitrary, valuesArbitrary, type Regime } from "./valuesArbitrary.ts";

export interface CaseConstraints extends LayerSizesConstraints {
  /** examples per case: 1..maxExamples (default 8) */
  readonly maxExamples?: number;
  readonly network?: fc.Arbitrary<Network>;
  readonly lambda?: fc.Arbitrary<number>;
  /** regimes of the weights and of the inputs (default: any) */
  readonly weights?: fc.Arbitrary<Regime>;
  readonly data?: fc.Arbitrary<Regime>;
}

/**
 * A whole Problem with its Θ, as a Case (the case-file format) so a counterexample can be written to a
 * file and replayed with `gradcheck eval`. Targets fit the cost: one-hot labels or soft
 * targets in [0, 1] for cross-entropy and sigmoid outputs, any real for identity outputs.
 */
export function caseArbitrary(c: CaseConstraints = {}): fc.Arbitrary<Case> {
  const head = fc.record({
    network: c.network ?? networkArbitrary(c),
    m: fc.integer({ min: 1, max: c.maxExamples ?? 8 }),
    lambda: c.lambda ?? lambdaArbitrary(),
    weights: c.weights ?? regimeArbitrary(),
    data: c.data ?? regimeArbitrary(),
    oneHot: fc.boolean(),
  });
  return head.chain(({ network, m, lambda, weights, data, oneHot }) => {
    const shapes = thetaShapes(network.layerSizes);
    const s1 = network.layerSizes[0],
      K = network.layerSizes[network.layerSizes.length - 1];
    const targets =
      network.outputActivation === "identity"
        ? valuesArbitrary("ordinary", m * K).map((v) => ({ Y: v, labels: undefined }))
        : oneHot
          ? fc
              .array(fc.integer({ min: 0, max: K === 1 ? 1 : K - 1 }), { minLength: m, maxLength: m })
              .map((labels) => ({ Y: oneHotRows(labels, K), labels }))
          : fc
              .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: m * K, maxLength: m * K })
              .map((v) => ({ Y: network.outputActivation === "softmax" ? probabilityRows(v, K) : v, labels: undefined }));
    return fc
      .record({
        theta: fc.tuple(...shapes.map(([r, cols]) => valuesArbitrary(weights, r * cols))),
        X: valuesArbitrary(data, m * s1),
        targets,
      })
      .map(({ theta, X, targets }): Case => ({
        name: `random-[${network.layerSizes}]-m${m}`,
        ...network,
        lambda,
        X: matrix(m, s1, X),
        Y: matrix(m, K, targets.Y),
        theta: theta.map((t, l): Matrix => matrix(shapes[l][0], shapes[l][1], t)),
        ...(targets.labels ? { labels: targets.labels } : {}),
      }));
  });
}

/** Soft targets for softmax: each row scaled to sum to 1 (a row of zeros becomes uniform). */
function probabilityRows(v: number[], K: number): number[] {
  const out = v.slice();
  for (let i = 0; i < out.length; i += K) {
    let s = 0;
    for (let k = 0; k < K; k++) s += out[i + k];
    for (let k = 0; k < K; k++) out[i + k] = s > 0 ? out[i + k] / s : 1 / K;
  }
  return out;
}
