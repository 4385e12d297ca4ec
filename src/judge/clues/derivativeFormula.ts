import { activations, sigmoid, type ActivationName } from "../../network/activation.ts";
import type { Clue } from "./Clue.ts";
import { allNear, costRight, gradientRight, type Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { variantAnswer } from "./variantAnswer.ts";

/** A g′ a hidden layer may be written with, from its z and a (and the layer's own g). */
interface Formula {
  readonly name: string;
  /** what writing it this way usually is */
  readonly slip: string;
  readonly gPrime: (z: number, a: number, g: ActivationName) => number;
}

/** The common wrong derivatives, tried for every hidden activation; one that is right there is skipped. */
const formulas: readonly Formula[] = [
  { name: "1 − a", slip: "tanh′ written as 1 − a (the square lost)", gPrime: (_z, a) => 1 - a },
  { name: "a", slip: "the activation used as its own derivative (σ′ = σ)", gPrime: (_z, a) => a },
  {
    name: "g′(a)",
    slip: "the derivative's formula applied to a = g(z) instead of z",
    gPrime: (_z, a, g) => activations[g].gPrime(a, activations[g].g(a)),
  },
  { name: "a(1 − a)", slip: "the sigmoid's derivative", gPrime: (_z, a) => a * (1 - a) },
  { name: "1 − a²", slip: "tanh's derivative", gPrime: (_z, a) => 1 - a * a },
  { name: "σ(z)(1 − σ(z))", slip: "the sigmoid's derivative taken at z", gPrime: (z) => sigmoid(z) * (1 - sigmoid(z)) },
  // before the step: where a > 0 always (the sigmoid), the two are one formula, and "missing" is the likelier slip
  { name: "1", slip: "g′ missing", gPrime: () => 1 },
  { name: "[a > 0]", slip: "relu′ (a step) taken on a", gPrime: (_z, a) => (a > 0 ? 1 : 0) },
];

/** Which hidden layers (1 is the first) a formula replaces g′ in, as where the slip sits. */
const places: ReadonlyArray<{ readonly name: string; readonly holds: (hidden: number, count: number) => boolean }> = [
  { name: "every hidden layer", holds: () => true },
  { name: "the first hidden layer only", holds: (h) => h === 1 },
  { name: "the last hidden layer only", holds: (h, n) => h === n },
  { name: "every hidden layer past the first", holds: (h) => h >= 2 },
  { name: "every hidden layer past the second", holds: (h) => h >= 3 },
];

const rightFormula: Readonly<Record<ActivationName, string>> = {
  sigmoid: "σ′(z) = a(1 − a)",
  tanh: "tanh′(z) = 1 − a²",
  relu: "relu′(z) = [z > 0]",
  identity: "1",
};

/**
 * For a hidden layer whose gradient is wrong: the wrong derivative that reproduces ∇J exactly
 * on every network, tried from a table of common ones in every hidden layer, then in some.
 */
export function derivativeFormula(e: Evidence): Clue | undefined {
  const hidden = e.samples[0].c.hiddenActivation;
  const deep = e.samples.filter((s) => s.c.layerSizes.length > 2);
  if (deep.length === 0 || deep.every(gradientRight) || !e.samples.every((s) => s.c.hiddenActivation === hidden)) return undefined;
  for (const place of places)
    for (const f of formulas) {
      const variant = (count: number) => ({
        hiddenGPrime: (z: number, a: number, h: number) =>
          place.holds(h, count) ? f.gPrime(z, a, hidden) : activations[hidden].gPrime(z, a),
      });
      const predictions = e.samples.map((s) => variantAnswer(s.c, variant(s.c.layerSizes.length - 2)));
      // a formula that is the right one here (relu′ on a) reproduces a right answer, never a wrong one
      if (deep.every((s) => allNear(predictions[e.samples.indexOf(s)].grad, s.expected.grad, 1e-7))) continue;
      if (!e.samples.every((s, k) => allNear(s.got.grad, predictions[k].grad, 1e-7))) continue;
      const cost = e.samples.every(costRight) ? "J is right" : "J is wrong as well";
      return {
        id: "derivative-formula",
        explains: explainedShare(
          e.samples,
          predictions.map((p) => ({ grad: p.grad })),
        ),
        message: `∇J is reproduced exactly on all ${e.samples.length} networks with g′ = ${f.name} in ${place.name}, instead of ${rightFormula[hidden]}: ${f.slip}; ${cost}. Confirm by printing g′ beside ${rightFormula[hidden].split(" = ")[1]} for one layer`,
      };
    }
  return undefined;
}
