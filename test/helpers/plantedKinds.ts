import type { HiddenActivation, OutputFamily } from "../../src/judge/Assignment.ts";
import type { ClueId } from "../../src/judge/clues/Clue.ts";
import { sigmoid } from "../../src/network/activation.ts";
import type { FamilyPlanted } from "./plantedFamilyBugs.ts";

/** One planted bug: its name, where it is planted, and what the diagnosis must say about it. */
export interface PlantedVariant {
  readonly name: string;
  readonly hidden: HiddenActivation;
  readonly output: OutputFamily;
  readonly planted: FamilyPlanted;
  /** the message of the kind's clue must match */
  readonly says: RegExp;
}

/** A kind of bug outside the catalogue, the clue that names it, and its planted variants. */
export interface PlantedKind {
  readonly kind: string;
  readonly clue: ClueId;
  readonly variants: readonly PlantedVariant[];
}

const sce = "sigmoid-cross-entropy",
  soft = "softmax-cross-entropy",
  sse = "sigmoid-squared-error",
  ise = "identity-squared-error";

/** The kinds of bug that got no useful diagnosis before, each planted a few ways. */
export const plantedKinds: readonly PlantedKind[] = [
  {
    kind: "ε inside the log",
    clue: "log-epsilon",
    variants: [
      {
        name: "ε = 1e-7, sigmoid output",
        hidden: "sigmoid",
        output: sce,
        planted: { logEpsilon: 1e-7 },
        says: /ε = 1\.00e-7 added inside each log/,
      },
      { name: "ε = 1e-4, tanh hidden", hidden: "tanh", output: sce, planted: { logEpsilon: 1e-4 }, says: /ε = 1\.00e-4/ },
      { name: "ε = 1e-8, softmax output", hidden: "sigmoid", output: soft, planted: { logEpsilon: 1e-8 }, says: /ε = 1\.00e-8/ },
    ],
  },
  {
    kind: "a regulariser covering only some layers",
    clue: "regularizer-layers",
    variants: [
      {
        name: "J's regulariser over Θ⁽¹⁾ only",
        hidden: "sigmoid",
        output: sce,
        planted: { regularizeInJ: (l) => l === 0 },
        says: /J's regulariser leaves out every layer past the first[\s\S]*∇J's regulariser is right/,
      },
      {
        name: "J and ∇J leave out the output layer",
        hidden: "tanh",
        output: sce,
        planted: { regularizeInJ: (l, n) => l < n - 1, regularizeInGradient: (l, n) => l < n - 1 },
        says: /J's regulariser leaves out the last Θ only[\s\S]*∇J's regulariser leaves out the last Θ only/,
      },
      {
        name: "∇J's regulariser over Θ⁽¹⁾ only, softmax",
        hidden: "relu",
        output: soft,
        planted: { regularizeInGradient: (l) => l === 0 },
        says: /J's regulariser is right; ∇J's regulariser leaves out every layer past the first/,
      },
    ],
  },
  {
    kind: "a broadcasting slip that changes J only at K = 1",
    clue: "broadcast-k1",
    variants: [
      {
        name: "(m,) against (m, 1), divided by m",
        hidden: "sigmoid",
        output: sce,
        planted: { broadcastK1: "m" },
        says: /divided by m: y of shape \(m,\)/,
      },
      { name: "averaged over m²", hidden: "tanh", output: sce, planted: { broadcastK1: "m²" }, says: /divided by m²/ },
      { name: "relu hidden", hidden: "relu", output: sce, planted: { broadcastK1: "m" }, says: /only where K = 1/ },
    ],
  },
  {
    kind: "regulariser constants swapped between J and the gradient",
    clue: "regularizer-scale",
    variants: [
      {
        name: "λ/m in J, λ/2m in ∇J",
        hidden: "sigmoid",
        output: sce,
        planted: { regularizerFactors: { J: 2, gradient: 0.5 } },
        says: /\(λ\/m\)ΣΘ² instead of \(λ\/2m\)ΣΘ²[\s\S]*\(λ\/2m\)Θ instead of \(λ\/m\)Θ[\s\S]*swapped/,
      },
      {
        name: "λ/2m in ∇J only, tanh",
        hidden: "tanh",
        output: soft,
        planted: { regularizerFactors: { J: 1, gradient: 0.5 } },
        says: /J's regulariser is right[\s\S]*\(λ\/2m\)Θ instead of \(λ\/m\)Θ/,
      },
      {
        name: "λ/m in J only, relu",
        hidden: "relu",
        output: sce,
        planted: { regularizerFactors: { J: 2, gradient: 1 } },
        says: /\(λ\/m\)ΣΘ² instead/,
      },
    ],
  },
  {
    kind: "gradients capped at a constant",
    clue: "clipped-gradient",
    variants: [
      { name: "clipped to ±0.05", hidden: "sigmoid", output: sce, planted: { clipGradient: 0.05 }, says: /±0\.0500000 exactly/ },
      { name: "clipped to ±0.1, softmax", hidden: "tanh", output: soft, planted: { clipGradient: 0.1 }, says: /±0\.100000 exactly/ },
      {
        name: "clipped to ±0.02, relu",
        hidden: "relu",
        output: sse,
        planted: { clipGradient: 0.02 },
        says: /clipped to \[−0\.0200000, 0\.0200000\]/,
      },
    ],
  },
  {
    kind: "the data term's sign flipped",
    clue: "data-term-sign",
    variants: [
      { name: "in J and ∇J", hidden: "sigmoid", output: sce, planted: { flipDataTerm: "both" }, says: /J and ∇J are −\(data term\)/ },
      { name: "in J only", hidden: "tanh", output: sce, planted: { flipDataTerm: "J" }, says: /J is \(∇J is right\)/ },
      { name: "in ∇J only, softmax", hidden: "relu", output: soft, planted: { flipDataTerm: "gradient" }, says: /∇J is \(J is right\)/ },
    ],
  },
  {
    kind: "softmax normalised over the examples",
    clue: "softmax-over-examples",
    variants: [
      {
        name: "sigmoid hidden",
        hidden: "sigmoid",
        output: soft,
        planted: { softmaxOverExamples: true },
        says: /over the m examples[\s\S]*∇J follows it/,
      },
      { name: "tanh hidden", hidden: "tanh", output: soft, planted: { softmaxOverExamples: true }, says: /m = 1\), J is/ },
      { name: "relu hidden", hidden: "relu", output: soft, planted: { softmaxOverExamples: true }, says: /over the m examples/ },
    ],
  },
  {
    kind: "labels shifted and wrapped",
    clue: "shifted-labels",
    variants: [
      { name: "(y − 1) mod K", hidden: "sigmoid", output: sce, planted: { labelShift: -1 }, says: /\(y − 1\) mod K/ },
      { name: "(y + 1) mod K, softmax", hidden: "tanh", output: soft, planted: { labelShift: 1 }, says: /\(y \+ 1\) mod K/ },
      { name: "(y − 1) mod K, squared error", hidden: "relu", output: sse, planted: { labelShift: -1 }, says: /\(y − 1\) mod K/ },
    ],
  },
  {
    kind: "dropout or noise left in",
    clue: "random-answers",
    variants: [
      { name: "dropout p = 0.5", hidden: "sigmoid", output: sce, planted: { dropout: 0.5 }, says: /dropout/ },
      { name: "dropout p = 0.2, softmax", hidden: "relu", output: soft, planted: { dropout: 0.2 }, says: /no steady trend/ },
      { name: "noise 1e-3", hidden: "tanh", output: sse, planted: { noise: 1e-3 }, says: /asked 8 times in a row/ },
    ],
  },
  {
    kind: "relu or identity on the output layer",
    clue: "output-activation",
    variants: [
      { name: "relu in δ⁽ᴸ⁾", hidden: "sigmoid", output: sce, planted: { outputInDelta: "relu" }, says: /a⁽ᴸ⁾ = relu\(z⁽ᴸ⁾\)/ },
      { name: "identity in δ⁽ᴸ⁾, softmax", hidden: "sigmoid", output: soft, planted: { outputInDelta: "identity" }, says: /a⁽ᴸ⁾ = z⁽ᴸ⁾/ },
      { name: "tanh hidden, tanh in δ⁽ᴸ⁾", hidden: "tanh", output: sce, planted: { outputInDelta: "tanh" }, says: /tanh\(z⁽ᴸ⁾\)/ },
      { name: "relu in δ⁽ᴸ⁾, squared error", hidden: "relu", output: sse, planted: { outputInDelta: "relu" }, says: /relu/ },
    ],
  },
  {
    kind: "a hidden derivative written as the wrong function",
    clue: "derivative-formula",
    variants: [
      {
        name: "tanh′ = 1 − a",
        hidden: "tanh",
        output: sce,
        planted: { hiddenGPrime: (_z, a) => 1 - a },
        says: /g′ = 1 − a in every hidden layer, instead of tanh′/,
      },
      { name: "σ′ = σ", hidden: "sigmoid", output: soft, planted: { hiddenGPrime: (_z, a) => a }, says: /g′ = a in every hidden layer/ },
      {
        name: "sigmoid with tanh's 1 − a²",
        hidden: "sigmoid",
        output: sse,
        planted: { hiddenGPrime: (_z, a) => 1 - a * a },
        says: /g′ = 1 − a²/,
      },
      {
        name: "relu′ = relu",
        hidden: "relu",
        output: sce,
        planted: { hiddenGPrime: (_z, a) => a },
        says: /g′ = a in every hidden layer, instead of relu′/,
      },
      {
        name: "relu with the sigmoid's σ(z)(1 − σ(z))",
        hidden: "relu",
        output: soft,
        planted: { hiddenGPrime: (z) => sigmoid(z) * (1 - sigmoid(z)) },
        says: /σ\(z\)\(1 − σ\(z\)\)/,
      },
      {
        name: "tanh with the sigmoid's a(1 − a)",
        hidden: "tanh",
        output: ise,
        planted: { hiddenGPrime: (_z, a) => a * (1 - a) },
        says: /g′ = a\(1 − a\) in every hidden layer, instead of tanh′/,
      },
    ],
  },
  {
    kind: "a bug that only deeper networks show",
    clue: "deep-only",
    variants: [
      {
        name: "the regulariser stops after Θ⁽²⁾",
        hidden: "sigmoid",
        output: sce,
        planted: { regularizeInJ: (l) => l < 2, regularizeInGradient: (l) => l < 2 },
        says: /2 or more hidden layers[\s\S]*every layer past the second/,
      },
      {
        name: "g′ = 1 − a past the first hidden layer, tanh",
        hidden: "tanh",
        output: sce,
        planted: { hiddenGPrime: (_z, a, h) => (h >= 2 ? 1 - a : undefined) },
        says: /2 or more hidden layers/,
      },
      {
        name: "g′ missing past the second hidden layer",
        hidden: "sigmoid",
        output: soft,
        planted: { hiddenGPrime: (_z, _a, h) => (h >= 3 ? 1 : undefined) },
        says: /3 or more hidden layers/,
      },
    ],
  },
];
