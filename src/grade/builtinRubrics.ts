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

/** deeplearning.ai: one sigmoid output (K = 1), relu hidden layers, the notebook's depths and λ. */
function dlaiTests(hiddenLayers: [number, number], lambda: number): RubricTest[] {
  const networks: NetworkSpec = { hiddenLayers, hiddenUnits: [2, 5], inputs: [2, 4], K: [1, 1], m: [2, 5], lambda: 0, runs: 4 };
  const test = (id: string, name: string, points: number, kind: RubricTest["kind"], spec: Partial<NetworkSpec> = {}): RubricTest => ({
    id,
    name,
    points,
    visibility: "visible",
    kind,
    networks: { ...networks, ...spec },
  });
  const regularised = lambda > 0;
  return [
    test("shape", "Answers in the right shape", 10, "answers-in-shape", { runs: 2 }),
    test("cost", "Cost at λ = 0", regularised ? 15 : 25, "cost-lambda0"),
    ...(regularised ? [test("cost-regularizer", "L2 regularisation of the cost", 15, "cost-regularizer", { lambda })] : []),
    test("gradient", "Gradients at λ = 0", regularised ? 25 : 35, "gradient-lambda0"),
    ...(regularised ? [test("gradient-regularizer", "L2 regularisation of the gradients", 20, "gradient-regularizer", { lambda })] : []),
    ...(regularised
      ? []
      : [
          test("edge-shapes", "Gradients on edge shapes (m = 1, single hidden units)", 10, "gradient-lambda0", {
            hiddenUnits: [1, 1],
            m: [1, 1],
            runs: 3,
          }),
        ]),
    test("self-consistency", "Gradients consistent with the cost (λ = 0)", regularised ? 15 : 20, "self-consistency", { runs: 2 }),
  ];
}

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
  "dlai-step": {
    name: "deeplearning.ai C1W4: L_model_forward, compute_cost, L_model_backward (100 points)",
    assignment: { profile: "dlai", variant: "step" },
    tests: dlaiTests([1, 3], 0),
  },
  "dlai-regularization": {
    name: "deeplearning.ai C2W1: L2 regularisation of the 3-layer model (100 points)",
    assignment: { profile: "dlai", variant: "regularization" },
    tests: dlaiTests([2, 2], 0.7),
  },
  "dlai-gradient-checking": {
    name: "deeplearning.ai C2W1: forward_propagation_n, backward_propagation_n of the 3-layer model (100 points)",
    assignment: { profile: "dlai", variant: "gradient-checking" },
    tests: dlaiTests([2, 2], 0),
  },
};
