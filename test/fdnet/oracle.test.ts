import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { bigNumberCost, bigNumberGradient, fdNetworkGradient, naiveIncrements } from "../../src/fdnet/index.ts";
import { costFunction } from "../../src/network/costFunction.ts";
import { unroll } from "../../src/network/theta.ts";
import { centralFdm, fdGradientFromIncrements, richardson } from "../../src/numeric/index.ts";
import { buildNetwork, type NetworkShape } from "../helpers/randomNetwork.ts";

/**
 * The 40-digit oracle certifies the float64 methods: every finite-difference estimate lies
 * within its own stated error bound of the (float64-rounded) true derivative.
 */
const shapes: NetworkShape[] = [
  { layerSizes: [2, 3, 2], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", lambda: 1, m: 3, weightScale: 1 },
  { layerSizes: [2, 2, 2], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", lambda: 0, m: 2, weightScale: 8 },
  { layerSizes: [2, 3, 1], hidden: "tanh", output: "identity", cost: "squared-error", lambda: 100, m: 2, weightScale: 2 },
  { layerSizes: [3, 2, 2, 1], hidden: "relu", output: "sigmoid", cost: "squared-error", lambda: 3, m: 2, weightScale: 1 },
  { layerSizes: [1, 1], hidden: "sigmoid", output: "sigmoid", cost: "cross-entropy", lambda: 0.1, m: 1, weightScale: 1 },
];

describe("the BigNumber oracle", () => {
  it("agrees with float64 J to round-off", () => {
    for (const [s, shape] of shapes.entries()) {
      const { problem, theta } = buildNetwork(shape, 50 + s);
      const J = costFunction(problem, theta);
      expect(Math.abs(bigNumberCost(problem, theta).toNumber() - J)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(J)));
    }
  });

  it("reproduces a reference fixture's gradient to the last bits", () => {
    const c = referenceCases().find((k) => k.name === "small-017")!;
    const oracle = unroll(bigNumberGradient(c, c.theta).grad),
      expected = unroll(c.expected!.grad);
    expected.forEach((e, p) => expect(Math.abs(oracle[p] - e)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(e))));
  });

  for (const [s, shape] of shapes.entries()) {
    it(`certifies the float64 methods on [${shape.layerSizes}] ${shape.hidden}/${shape.output} ${shape.cost} λ=${shape.lambda} scale ${shape.weightScale}`, () => {
      const { problem, theta } = buildNetwork(shape, 50 + s);
      const truth = unroll(bigNumberGradient(problem, theta).grad);
      const methods = [
        fdNetworkGradient(problem, theta, { method: richardson() }).fd,
        fdNetworkGradient(problem, theta, { method: richardson(centralFdm(3), { levels: 2, largestStep: 2 ** -14 }) }).fd,
        fdGradientFromIncrements(naiveIncrements(problem, theta), { method: richardson() }),
      ];
      for (const fd of methods) {
        truth.forEach((t, p) => {
          if (fd.kink[p]) return;
          // the oracle's own float64 rounding: half an ulp
          expect(
            Math.abs(fd.estimate[p] - t),
            `${fd.method}, entry ${p}: ${fd.estimate[p]} vs ${t}, bound ${fd.errorBound[p]}`,
          ).toBeLessThanOrEqual(fd.errorBound[p] + Number.EPSILON * Math.abs(t));
        });
      }
      const backprop = unroll(batchBackprop(problem, theta).grad);
      truth.forEach((t, p) => expect(Math.abs(backprop[p] - t)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(t))));
    });
  }
});
