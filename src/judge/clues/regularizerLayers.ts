import type { Clue } from "./Clue.ts";
import { allNear, costRight, gradientRight, near, type Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { layerRules, ruleNames, type LayerRule } from "./layerRules.ts";
import { variantAnswer } from "./variantAnswer.ts";

/**
 * The regulariser leaves out some layers — in J, in ∇J, or in both, each half judged on its own:
 * a set of layers named by position ("every layer past the second") is dropped from the
 * regulariser and the answer is reproduced exactly on every network. Only a network with λ > 0
 * and the left-out layers present can show it.
 */
export function regularizerLayers(e: Evidence): Clue | undefined {
  if (!e.samples.some((s) => s.c.lambda > 0)) return undefined;
  const inJ = halfFits(e, "J"),
    inGradient = halfFits(e, "∇J");
  if (inJ === undefined || inGradient === undefined || (inJ.length === 0 && inGradient.length === 0)) return undefined;
  const say = (half: string, rules: readonly LayerRule[]) =>
    rules.length === 0 ? `${half}'s regulariser is right` : `${half}'s regulariser leaves out ${ruleNames(rules)}`;
  const skipJ = inJ[0],
    skipGradient = inGradient[0];
  const predictions = e.samples.map((s) => {
    const n = s.c.theta.length;
    return variantAnswer(s.c, {
      regularizerInJ: (l) => (skipJ?.holds(l, n) ? 0 : 1),
      regularizerInGradient: (l) => (skipGradient?.holds(l, n) ? 0 : 1),
    });
  });
  return {
    id: "regularizer-layers",
    explains: explainedShare(e.samples, predictions),
    message: `${say("J", inJ)}; ${say("∇J", inGradient)} — reproduced exactly on all ${e.samples.length} networks, and right at λ = 0 alike: a loop over the layers of the regulariser that stops early or starts late? Confirm by adding each layer's (λ/2m)ΣΘ² (and (λ/m)Θ) in turn`,
  };
}

/**
 * The rules whose left-out layers reproduce one half on every network ([] when the half is
 * right), or undefined when none does. A rule must leave out a layer somewhere with λ > 0.
 */
function halfFits(e: Evidence, half: "J" | "∇J"): LayerRule[] | undefined {
  if (e.samples.every(half === "J" ? costRight : gradientRight)) return [];
  const fits = layerRules.filter((rule) => {
    if (!e.samples.some((s) => s.c.lambda > 0 && s.c.theta.some((_, l) => rule.holds(l, s.c.theta.length)))) return false;
    return e.samples.every((s) => {
      const n = s.c.theta.length;
      const skip = (l: number) => (rule.holds(l, n) ? 0 : 1);
      const v = variantAnswer(s.c, half === "J" ? { regularizerInJ: skip } : { regularizerInGradient: skip });
      return half === "J" ? near(v.J, s.got.J, 1e-9) : allNear(s.got.grad, v.grad, 1e-7);
    });
  });
  return fits.length > 0 ? fits : undefined;
}
