import type { Family } from "./Family.ts";
import type { Slips } from "./Slips.ts";

/** Every mistake gradcheck can name. Ids are stable: reports, JSON and the docs use them verbatim. */
export type MistakeId =
  | "regularized-bias"
  | "lambda-not-divided-by-m"
  | "missing-activation-derivative"
  | "activation-derivative-of-activation"
  | "gradient-not-divided-by-m"
  | "no-regularization-in-gradient"
  | "squared-error-output-delta"
  | "labels-not-one-hot"
  | "regularized-with-Delta"
  | "dropped-wrong-delta-row"
  | "labels-shifted-by-one"
  | "weights-reinitialized"
  | "softmax-without-max-shift"
  | "softmax-derivative-in-output-delta"
  | "cross-entropy-output-delta";

export interface MistakeInfo {
  readonly title: string;
  readonly explanation: string;
  readonly hint: string;
  /** the hint in the words of each hidden activation, where the fix depends on it (absent: `hint` for all) */
  readonly hintFor?: Readonly<Partial<Record<"sigmoid" | "tanh" | "relu", string>>>;
  /** The planted slip that reproduces the mistake in nnCostFunctionWith. */
  readonly slips: Slips;
  /** The families where the mistake exists and shows (absent: every family). */
  readonly appliesTo?: (family: Family) => boolean;
}

const crossEntropySigmoid = (f: Family) => f.cost === "cross-entropy" && f.outputActivation === "sigmoid";

/** The one table the checker, the CLI, the reports and the docs read. */
export const mistakeInfo: Readonly<Record<MistakeId, MistakeInfo>> = {
  "regularized-bias": {
    title: "The bias column is regularised",
    explanation:
      "The regulariser sums Θ² over every column, including column 0, which multiplies the bias unit. J and ∂J/∂Θ are then consistent with each other, but both are wrong.",
    hint: "Sum (λ/2m)Θ² over columns j ≥ 1 only, and add (λ/m)Θ to the gradient only off column 0.",
    slips: { regularizeBias: true },
  },
  "lambda-not-divided-by-m": {
    title: "Regulariser gradient λΘ instead of (λ/m)Θ",
    explanation:
      "D = (1/m)Δ + λΘ, as printed on the lecture's slide, does not match the J it is meant to differentiate: (λ/2m)ΣΘ² has derivative (λ/m)Θ. The two agree only when m = 1.",
    hint: "Divide λ by m in the gradient's regularisation term.",
    slips: { regularizerGradientScale: "lambda" },
  },
  "missing-activation-derivative": {
    title: "Hidden δ without the g'(z) factor",
    explanation:
      "δ⁽ˡ⁾ = (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ was used as is; the chain rule through the hidden activation needs the element-wise factor g'(z⁽ˡ⁾) = a⁽ˡ⁾(1 − a⁽ˡ⁾). Every Θ⁽ˡ⁾ before the last is affected; the last one's gradient is still right.",
    hint: "Multiply (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ (bias row dropped) element-wise by a⁽ˡ⁾ .* (1 − a⁽ˡ⁾).",
    hintFor: {
      tanh: "Multiply (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ (bias row dropped) element-wise by 1 − a⁽ˡ⁾ .^ 2, tanh's derivative.",
      relu: "Multiply (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ (bias row dropped) element-wise by (z⁽ˡ⁾ > 0), relu's derivative.",
    },
    slips: { hiddenDerivative: "none" },
  },
  "activation-derivative-of-activation": {
    title: "g'(a) used instead of g'(z)",
    explanation:
      "The sigmoid's derivative was applied to the activation: σ(a)(1 − σ(a)). With a = σ(z) already computed, g'(z) is simply a(1 − a).",
    hint: "Use a .* (1 − a), not sigmoidGradient(a).",
    slips: { hiddenDerivative: "sigmoid(a)" },
    // relu'(relu(z)) = relu'(z): the slip changes nothing there.
    appliesTo: (f) => f.hiddenActivation === "sigmoid" || f.hiddenActivation === "tanh",
  },
  "gradient-not-divided-by-m": {
    title: "Gradient not divided by m",
    explanation:
      "The accumulated Δ⁽ˡ⁾ is the sum over the m examples; J is their mean, so ∂J/∂Θ needs (1/m)Δ⁽ˡ⁾. The slip is invisible when m = 1.",
    hint: "D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + (λ/m)Θ⁽ˡ⁾ off the bias column.",
    slips: { divideDeltaByM: false },
  },
  "no-regularization-in-gradient": {
    title: "Regulariser missing from the gradient",
    explanation: "J includes (λ/2m)ΣΘ², but its derivative (λ/m)Θ was never added to ∂J/∂Θ.",
    hint: "Add (λ/m)Θ⁽ˡ⁾ to every column but the bias column of D⁽ˡ⁾.",
    slips: { regularizerGradientScale: "none" },
  },
  "squared-error-output-delta": {
    title: "Squared-error output δ with the cross-entropy cost",
    explanation:
      "δ⁽ᴸ⁾ = (a − y) .* g'(z⁽ᴸ⁾) is the output error of the squared-error cost. For cross-entropy with a sigmoid output, g'(z) cancels and δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y.",
    hint: "Use δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y, without the a(1 − a) factor.",
    slips: { outputDelta: "squared-error" },
    appliesTo: crossEntropySigmoid,
  },
  "labels-not-one-hot": {
    title: "Labels used as targets without one-hot encoding",
    explanation:
      "y holds class labels 0..K−1; every output unit was compared with the label's value instead of with its one-hot row, in J and in ∂J/∂Θ.",
    hint: "Build Y with Y[i][k] = 1 when y[i] = k, else 0 (for K = 1, Y[i][0] = y[i]).",
    slips: { targets: "label-value" },
  },
  "regularized-with-Delta": {
    title: "Regulariser gradient uses Δ instead of Θ",
    explanation: "The regularisation term of D⁽ˡ⁾ was written (λ/m)Δ⁽ˡ⁾; the derivative of (λ/2m)ΣΘ² is (λ/m)Θ⁽ˡ⁾.",
    hint: "Regularise with the weights: D⁽ˡ⁾ = (1/m)Δ⁽ˡ⁾ + (λ/m)Θ⁽ˡ⁾ off the bias column.",
    slips: { regularizeWith: "Delta" },
  },
  "dropped-wrong-delta-row": {
    title: "The wrong row of (Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ dropped",
    explanation:
      "(Θ⁽ˡ⁾)ᵀδ⁽ˡ⁺¹⁾ has one entry per unit of layer l plus one for the bias unit, which comes first. The last entry was dropped instead, so every hidden δ is shifted by one unit.",
    hint: "Drop the first entry (row 0, the bias): delta = (Θᵀδ)[1:].",
    slips: { droppedDeltaRow: "last" },
  },
  "labels-shifted-by-one": {
    title: "Labels shifted by one",
    explanation:
      "1-based habits (y == k for k = 1..K) applied to 0-based labels: class c lights output unit c − 1 and class 0 lights none.",
    hint: "Labels are 0-based: class c is output unit c.",
    slips: { targets: "shifted-by-one" },
  },
  "weights-reinitialized": {
    title: "Weights re-initialised inside the cost",
    explanation:
      "The cost function draws its own initial weights instead of using params, so J and ∂J/∂Θ do not depend on the weights they are asked about.",
    hint: "Unroll params into Θ⁽¹⁾, Θ⁽²⁾, …; initialise weights once, outside the cost function.",
    slips: { reinitializeWeights: true },
  },
  "softmax-without-max-shift": {
    title: "softmax without the max-shift",
    explanation:
      "softmax(z) = e^z / Σ e^z and log Σ e^z were computed as written: e^z overflows to ∞ once some z > 709, and J and ∂J/∂Θ become NaN or ∞ although their exact values are finite.",
    hint: "Subtract max_k z_k from every z_k first: softmax and logsumexp are unchanged by the shift, and no exponent is then positive.",
    slips: { naiveSoftmax: true },
    appliesTo: (f) => f.outputActivation === "softmax",
  },
  "softmax-derivative-in-output-delta": {
    title: "An extra softmax′ factor in δ⁽ᴸ⁾",
    explanation:
      "δ⁽ᴸ⁾ = (a − y) .* a .* (1 − a) was used with softmax and the categorical cross-entropy. The softmax's Jacobian cancels against the derivative of the log: δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y, with no further factor.",
    hint: "Use δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y.",
    slips: { outputDelta: "squared-error" },
    appliesTo: (f) => f.outputActivation === "softmax",
  },
  "cross-entropy-output-delta": {
    title: "Cross-entropy output δ with the squared error",
    explanation:
      "δ⁽ᴸ⁾ = a − y is the output error of the cross-entropy. The squared error ½(a − y)² with a sigmoid output needs δ⁽ᴸ⁾ = (a − y) .* g'(z⁽ᴸ⁾) = (a − y) .* a .* (1 − a).",
    hint: "Multiply a⁽ᴸ⁾ − y element-wise by a⁽ᴸ⁾ .* (1 − a⁽ᴸ⁾).",
    slips: { outputDelta: "cross-entropy" },
    appliesTo: (f) => f.cost === "squared-error" && f.outputActivation === "sigmoid",
  },
};

export const mistakeIds = Object.keys(mistakeInfo) as MistakeId[];

/** A mistake's fix in the words of the network's hidden activation (sigmoid's when not known). */
export function mistakeHint(id: MistakeId, hiddenActivation?: string): string {
  const info = mistakeInfo[id];
  return info.hintFor?.[hiddenActivation as "sigmoid" | "tanh" | "relu"] ?? info.hint;
}
