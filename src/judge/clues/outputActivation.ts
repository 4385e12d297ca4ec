import { activations, type ActivationName } from "../../network/activation.ts";
import type { LabelledCase } from "../../network/labels.ts";
import type { Clue } from "./Clue.ts";
import { allNear, costRight, gradientRight, type Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { variantAnswer } from "./variantAnswer.ts";

/** The answer with a⁽ᴸ⁾ = g(z⁽ᴸ⁾) for another g in backprop's δ⁽ᴸ⁾, J computed as gradcheck does. */
function withOutput(c: LabelledCase, g: ActivationName) {
  const { g: f, gPrime } = activations[g];
  return variantAnswer(c, {
    outputDelta: (z, _a, y) => {
      const h = f(z);
      return c.cost === "squared-error" ? (h - y) * gPrime(z, h) : h - y;
    },
  });
}

/**
 * ∇J is what backprop gives when the output layer's a⁽ᴸ⁾ comes from another activation —
 * relu, the identity, or the hidden layers' g, as when one activation is applied to every
 * layer — while J is computed right (or wrong too, which is said).
 */
export function outputActivation(e: Evidence): Clue | undefined {
  const first = e.samples[0];
  if (e.samples.every(gradientRight)) return undefined;
  const candidates = (["relu", "identity", first.c.hiddenActivation] as const).filter(
    (g, k, all) => g !== first.c.outputActivation && all.indexOf(g) === k,
  );
  for (const g of candidates) {
    const predictions = e.samples.map((s) => withOutput(s.c, g));
    if (!e.samples.every((s, k) => allNear(s.got.grad, predictions[k].grad, 1e-7))) continue;
    const cost = e.samples.every(costRight) ? "J is right" : "J is wrong as well";
    const name = g === "identity" ? "the identity (no activation)" : g;
    return {
      id: "output-activation",
      explains: explainedShare(
        e.samples,
        predictions.map((p) => ({ grad: p.grad })),
      ),
      message: `∇J is exactly what backprop gives with a⁽ᴸ⁾ = ${g === "identity" ? "z⁽ᴸ⁾" : `${g}(z⁽ᴸ⁾)`} on all ${e.samples.length} networks: the output layer uses ${name} instead of ${first.c.outputActivation} in δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y; ${cost}. Confirm by printing a⁽ᴸ⁾: it is not in (0, 1)`,
    };
  }
  return undefined;
}
