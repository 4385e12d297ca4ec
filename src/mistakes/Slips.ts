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
  /** g'(z) of a hidden layer from a = g(z) (a(1 − a) for the sigmoid); "sigmoid(a)" applies the derivative's formula to a instead of z. */
  readonly hiddenDerivative?: "a(1-a)" | "none" | "sigmoid(a)";
  /**
   * δ⁽ᴸ⁾ with the wrong cost's form: "squared-error" multiplies a − y by a(1 − a) under the
   * cross-entropy (with softmax, the diagonal of the softmax Jacobian); "cross-entropy" drops
   * g'(z) from the squared error's (a − y)·g'(z).
   */
  readonly outputDelta?: "squared-error" | "cross-entropy";
  /** softmax computed as e^z / Σe^z and its loss as log Σe^z − y·z, without shifting z by its maximum. */
  readonly naiveSoftmax?: boolean;
  /** How labels become targets: one-hot is right. */
  readonly targets?: "one-hot" | "label-value" | "shifted-by-one";
  /** Which row of (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ is dropped: the first (the bias) is right. */
  readonly droppedDeltaRow?: "first" | "last";
  /** Ignore params and draw fresh initial weights inside the cost. */
  readonly reinitializeWeights?: boolean;
}
