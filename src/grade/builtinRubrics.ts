import type { NetworkSpec, Rubric, RubricTest } from "./Rubric.ts";

/**
 * A rubric per course profile, fitted to what its students are asked to write: only the
 * depths, K, labels and λ of the assignment, so that no test is one that correct course code
 * must fail (the default rubric's deeper networks and K = 1 would cost every correct ex4
 * solution 20 points). `grade --rubric NAME` and `gradcheck rubric --profile NAME` read them.
 */
const oneHidden: NetworkSpec = { hiddenLayers: [1, 1], hiddenUnits: [2, 5], inputs: [2, 4], K: [2, 4], m: [2, 5], lambda: 1, runs: 4 };

/** The tests every one-hidden-layer assignment shares: each part of J and ∇J charged where it lives. */
function oneHiddenLayerTests(edgeK: number): RubricTest[] {
  const test = (id: string, name: string, points: number, kind: RubricTest["kind"], networks: NetworkSpec): RubricTest => ({
    id,
    name,
    points,
    visibility: "visible",
    kind,
    networks,
  });
  return [
    test("shape", "Answers in the right shape", 10, "answers-in-shape", { ...oneHidden, runs: 2 }),
    test("cost", "Cost J at λ = 0", 15, "cost-lambda0", oneHidden),
    test("cost-regularizer", "Regulariser of J", 10, "cost-regularizer", oneHidden),
    test("gradient", "Gradient at λ = 0", 25, "gradient-lambda0", oneHidden),
    test("gradient-regularizer", "Regulariser of the gradient", 15, "gradient-regularizer", oneHidden),
    test("edge-shapes", "Gradient at λ = 0 on edge shapes (m = 1, single hidden units)", 10, "gradient-lambda0", {
      hiddenLayers: [1, 1],
      hiddenUnits: [1, 1],
      inputs: [1, 2],
      K: [edgeK, edgeK],
      m: [1, 1],
      lambda: 0,
      runs: 3,
    }),
    test("self-consistency", "Gradient consistent with its own cost (λ = 0)", 15, "self-consistency", {
      ...oneHidden,
      lambda: 0,
      runs: 2,
    }),
  ];
}

/** fc-net's deeper networks, in place of the edge shapes' 10 points. */
const deeper: RubricTest = {
  id: "deep",
  name: "Gradient at λ = 0, two or three hidden layers",
  points: 10,
  visibility: "visible",
  kind: "gradient-lambda0",
  networks: { ...oneHidden, hiddenLayers: [2, 3], hiddenUnits: [2, 4], lambda: 0 },
};

export const builtinRubrics: Readonly<Record<string, Rubric>> = {
  ex4: {
    name: "ex4: nnCostFunction, one hidden layer (100 points)",
    assignment: { profile: "ex4" },
    tests: oneHiddenLayerTests(2),
  },
  "cs231n-two-layer": {
    name: "CS231n assignment 1: TwoLayerNet.loss (100 points)",
    assignment: { profile: "cs231n", variant: "two-layer", regularizer: "reg" },
    tests: oneHiddenLayerTests(2),
  },
  "cs231n-fc-net": {
    name: "CS231n assignment 2: FullyConnectedNet.loss (100 points)",
    assignment: { profile: "cs231n", variant: "fc-net", regularizer: "half-reg" },
    tests: [...oneHiddenLayerTests(2).filter((t) => t.id !== "edge-shapes"), deeper],
  },
};
