import fc from "fast-check";
import type { Matrix } from "../../../src/linalg/Matrix.ts";
import { activationNames, type ActivationName } from "../../../src/network/activation.ts";
import type { CostName } from "../../../src/network/cost.ts";
import { activationOfLayer, type Problem } from "../../../src/network/Network.ts";
import { thetaShapes } from "../../../src/network/theta.ts";
import { doubles, matrixOf } from "./arbitraries.ts";
import { Dual, DualMatrix } from "./dual.ts";

export interface NetworkCase {
  readonly problem: Problem;
  readonly theta: Matrix[];
  /** a random direction in Θ-space */
  readonly v: Matrix[];
}

const outputs: Array<[CostName, ActivationName]> = [
  ["cross-entropy", "sigmoid"],
  ["squared-error", "sigmoid"],
  ["squared-error", "identity"],
];

/** Any network a case file can describe, small: depth 2–4, sizes 1–4, every activation and cost, λ = 0 or not. */
export const networkCase: fc.Arbitrary<NetworkCase> = fc
  .record({
    layerSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 4 }),
    hiddenActivation: fc.constantFrom(...activationNames),
    output: fc.constantFrom(...outputs),
    lambda: fc.oneof(fc.constant(0), doubles(0, 3)),
    m: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ layerSizes, hiddenActivation, output: [cost, outputActivation], lambda, m }) => {
    const shapes = thetaShapes(layerSizes);
    return fc
      .tuple(
        matrixOf(m, layerSizes[0], -2, 2),
        matrixOf(m, layerSizes[layerSizes.length - 1], 0, 1),
        fc.tuple(...shapes.map(([r, c]) => matrixOf(r, c, -1.5, 1.5))),
        fc.tuple(...shapes.map(([r, c]) => matrixOf(r, c, -1, 1))),
      )
      .map(([X, Y, theta, v]) => ({
        problem: { layerSizes, hiddenActivation, outputActivation, cost, lambda, X, Y },
        theta,
        v,
      }));
  });

/**
 * J(Θ + εv) in dual numbers, written as the lecture writes it, one example at a time with the
 * bias unit explicit and the cross-entropy in its log form: nothing shared with the tape's
 * networkCost but the definition of J.
 */
export function dualNetworkCost(problem: Problem, theta: readonly DualMatrix[]): Dual {
  const { X, Y, lambda } = problem,
    m = X.rows,
    K = Y.cols;
  const g = (name: ActivationName, z: Dual): Dual => (name === "identity" ? z : z[name]());
  let data = Dual.of(0);
  for (let i = 0; i < m; i++) {
    let a: Dual[] = Array.from(X.data.subarray(i * X.cols, (i + 1) * X.cols), Dual.of);
    theta.forEach((T, l) => {
      const z: Dual[] = [];
      for (let r = 0; r < T.rows; r++) {
        let s = T.at(r, 0);
        for (let c = 1; c < T.cols; c++) s = s.add(T.at(r, c).mul(a[c - 1]));
        z.push(s);
      }
      const act = activationOfLayer(problem, l);
      if (act === "softmax") throw new Error("the forward-mode network cost is element-wise only");
      a = z.map((zr) => g(act, zr));
    });
    for (let k = 0; k < K; k++) {
      const y = Dual.of(Y.data[i * K + k]),
        h = a[k],
        one = Dual.of(1);
      data = data.add(
        problem.cost === "cross-entropy"
          ? y
              .mul(h.log())
              .add(one.sub(y).mul(one.sub(h).log()))
              .neg()
          : h.sub(y).square().mul(Dual.of(0.5)),
      );
    }
  }
  let squares = Dual.of(0);
  for (const T of theta) for (let r = 0; r < T.rows; r++) for (let c = 1; c < T.cols; c++) squares = squares.add(T.at(r, c).square());
  return data.div(Dual.of(m)).add(squares.mul(Dual.of(lambda / (2 * m))));
}
