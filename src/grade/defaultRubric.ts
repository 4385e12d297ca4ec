import type { NetworkSpec, Rubric } from "./Rubric.ts";

/**
 * λ where a regulariser's slips differ from it and from each other: λ² (0.137, 9), a λ used as
 * a flag (1, 1) and λ/m (m ≥ 2) are all wrong at both, where λ = 1 hid the first two.
 */
const telling = [0.37, 3];
const oneHidden: NetworkSpec = {
  hiddenLayers: [1, 1],
  hiddenUnits: [2, 5],
  inputs: [2, 4],
  K: [2, 4],
  m: [2, 5],
  lambda: telling,
  runs: 4,
};

/**
 * The built-in 100-point rubric. Each test isolates one part of the assignment so that one
 * slip is charged where it lives: the cost's data term apart from its regulariser, the
 * gradient at λ = 0 apart from the gradient's regulariser, one hidden layer apart from deeper
 * networks and from edge shapes (m = 1, K = 1, single units). Self-consistency runs at λ = 0
 * so that the slide's λΘ (a regulariser slip) is charged once, by the regulariser test.
 */
export const defaultRubric: Rubric = {
  name: "gradcheck default (100 points)",
  assignment: { hiddenActivation: "sigmoid", outputActivation: "sigmoid", cost: "cross-entropy", targets: "one-hot" },
  tests: [
    {
      id: "shape",
      name: "Answers in the right shape",
      points: 10,
      visibility: "visible",
      kind: "answers-in-shape",
      networks: { ...oneHidden, runs: 2 },
    },
    { id: "cost", name: "Cost J at λ = 0, one hidden layer", points: 15, visibility: "visible", kind: "cost-lambda0", networks: oneHidden },
    { id: "cost-regularizer", name: "Regulariser of J", points: 10, visibility: "visible", kind: "cost-regularizer", networks: oneHidden },
    {
      id: "gradient",
      name: "Gradient at λ = 0, one hidden layer",
      points: 20,
      visibility: "visible",
      kind: "gradient-lambda0",
      networks: oneHidden,
    },
    {
      id: "gradient-regularizer",
      name: "Regulariser of the gradient",
      points: 10,
      visibility: "visible",
      kind: "gradient-regularizer",
      networks: oneHidden,
    },
    {
      id: "deep",
      name: "Gradient at λ = 0, two or three hidden layers",
      points: 10,
      visibility: "visible",
      kind: "gradient-lambda0",
      networks: { ...oneHidden, hiddenLayers: [2, 3], hiddenUnits: [2, 4], lambda: 0 },
    },
    {
      id: "edge-shapes",
      name: "Gradient at λ = 0 on edge shapes (m = 1, K = 1, single hidden units)",
      points: 10,
      visibility: "visible",
      kind: "gradient-lambda0",
      networks: { hiddenLayers: [1, 2], hiddenUnits: [1, 1], inputs: [1, 2], K: [1, 1], m: [1, 1], lambda: 0, runs: 3 },
    },
    {
      id: "self-consistency",
      name: "Gradient consistent with its own cost (λ = 0)",
      points: 10,
      visibility: "visible",
      kind: "self-consistency",
      networks: { ...oneHidden, lambda: 0, runs: 2 },
    },
    {
      id: "stable-cost",
      name: "Stable cost where outputs saturate",
      points: 5,
      visibility: "visible",
      kind: "stable-cost",
      networks: { ...oneHidden, lambda: 0, runs: 2 },
    },
  ],
};
