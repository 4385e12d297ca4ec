import { describe, expect, it } from "vitest";
import { batchBackprop } from "../../src/backprop/batch.ts";
import { loopBackprop } from "../../src/backprop/loop.ts";
import { fromRows } from "../../src/linalg/Matrix.ts";
import { softplus } from "../../src/network/cost.ts";
import { sigmoid } from "../../src/network/activation.ts";
import { costFunction } from "../../src/network/costFunction.ts";
import type { Problem } from "../../src/network/Network.ts";
import { gradientDescent } from "../../src/network/train.ts";
import { debugInitialTheta } from "../../src/network/init.ts";

describe("a saturated output stays finite and exact", () => {
  // Logistic regression with z = 40: σ(40) rounds to exactly 1.0 in float64, so the naive
  // y log h + (1−y) log(1−h) is −∞ for y = 0. The exact data term is softplus(40) ≈ 40 + e^−40.
  const problem: Problem = {
    layerSizes: [1, 1],
    hiddenActivation: "sigmoid",
    outputActivation: "sigmoid",
    cost: "cross-entropy",
    lambda: 0,
    X: fromRows([[1]]),
    Y: fromRows([[0]]),
  };
  const theta = [fromRows([[0, 40]])];

  it("σ(40) is 1.0 in floating point (the premise of this test)", () => expect(sigmoid(40)).toBe(1));

  it("J = softplus(40) = 40 + log1p(e^−40), and both methods agree", () => {
    const exact = 40 + Math.log1p(Math.exp(-40));
    expect(costFunction(problem, theta)).toBe(exact);
    expect(batchBackprop(problem, theta).J).toBe(exact);
    expect(loopBackprop(problem, theta).J).toBe(exact);
    // ∂J/∂θ = (h − y)x = 1 for the weight and for the bias.
    expect(Array.from(batchBackprop(problem, theta).grad[0].data)).toEqual([1, 1]);
  });

  it("softplus is exact at both extremes", () => {
    expect(softplus(-800)).toBe(0);
    expect(softplus(800)).toBe(800);
    expect(softplus(-40)).toBe(Math.exp(-40));
    expect(softplus(0)).toBe(Math.LN2);
  });
});

describe("regularisation never touches the bias column", () => {
  it("changing λ moves only the weight columns of the gradient, by (Δλ/m)Θ", () => {
    const sizes = [3, 4, 2];
    const base = {
      layerSizes: sizes,
      hiddenActivation: "sigmoid",
      outputActivation: "sigmoid",
      cost: "cross-entropy",
      X: fromRows([
        [1, 2, 3],
        [0.5, -1, 0],
        [2, 0.1, -0.3],
      ]),
      Y: fromRows([
        [1, 0],
        [0, 1],
        [0.3, 0.7],
      ]),
    } as const;
    const theta = debugInitialTheta(sizes);
    const g0 = batchBackprop({ ...base, lambda: 0 }, theta).grad;
    const g5 = batchBackprop({ ...base, lambda: 5 }, theta).grad;
    theta.forEach((T, l) =>
      T.data.forEach((t, q) => {
        const slope = q % T.cols === 0 ? 0 : t * (5 / 3);
        expect(g5[l].data[q] - g0[l].data[q]).toBeCloseTo(slope, 14);
      }),
    );
  });
});

describe("gradient descent (lecture §5)", () => {
  it("lowers J monotonically at a small step and returns its cost history", () => {
    const sizes = [2, 3, 1];
    const problem: Problem = {
      layerSizes: sizes,
      hiddenActivation: "sigmoid",
      outputActivation: "sigmoid",
      cost: "cross-entropy",
      lambda: 0.1,
      X: fromRows([
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ]),
      Y: fromRows([[0], [1], [1], [0]]),
    };
    const { costHistory, theta } = gradientDescent(problem, debugInitialTheta(sizes), batchBackprop, 0.5, 50);
    expect(costHistory).toHaveLength(51);
    for (let t = 1; t < costHistory.length; t++) expect(costHistory[t]).toBeLessThan(costHistory[t - 1]);
    expect(costFunction(problem, theta)).toBe(costHistory[50]);
  });
});
