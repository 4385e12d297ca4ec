/**
 * The places where a hand-written nnCostFunction usually goes wrong, as switches of one
 * implementation (nnCostFunctionWith). All off is the correct lecture algorithm.
 */
export interface Slips {
  /** j = 0 included in the regulariser, in J and in ∂J/∂Θ alike. */
  readonly regularizeBias?: boolean;
  /** The factor in front of the regulariser's gradient: λ/m is right. */
  readonly regularizerGradientScale?: "lambda/m" | "lambda" | "none";
  /** What the regulariser's gradient multiplies: Θ is right, Δ is a slip. */
  readonly regularizeWith?: "theta" | "Delta";
  /** (1/m)Δ is right; Δ alone is the slip. */
  readonly divideDeltaByM?: boolean;
  /** g'(z) of a hidden layer: a(1 − a) is right. */
  readonly hiddenDerivative?: "a(1-a)" | "none" | "sigmoid(a)";
  /** δ⁽ᴸ⁾: a − y is right for cross-entropy; (a − y)·a(1 − a) belongs to the squared error. */
  readonly outputDelta?: "a-y" | "squared-error";
  /** How labels become targets: one-hot is right. */
  readonly targets?: "one-hot" | "label-value" | "shifted-by-one";
  /** Which row of (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ is dropped: the first (the bias) is right. */
  readonly droppedDeltaRow?: "first" | "last";
  /** Ignore params and draw fresh initial weights inside the cost. */
  readonly reinitializeWeights?: boolean;
}
