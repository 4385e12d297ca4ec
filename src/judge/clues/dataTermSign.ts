import type { Clue } from "./Clue.ts";
import { allNear, costRight, gradientRight, near, type Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { variantAnswer } from "./variantAnswer.ts";

/**
 * The data term with its sign flipped and the regulariser right: J = −(data term) + (λ/2m)ΣΘ²
 * and likewise ∇J, each half judged on its own (a half may also be right).
 */
export function dataTermSign(e: Evidence): Clue | undefined {
  const flipped = e.samples.map((s) => {
    const reg = variantAnswer(s.c),
      none = variantAnswer(s.c, { regularizerInJ: () => 0, regularizerInGradient: () => 0 });
    // the exact answer is data + reg; the flip is −data + reg = 2·reg − exact
    return {
      J: 2 * (reg.J - none.J) - s.expected.J,
      grad: s.expected.grad.map((g, q) => 2 * (reg.grad[q] - none.grad[q]) - g),
    };
  });
  const jFlipped = e.samples.every((s, k) => near(s.got.J, flipped[k].J, 1e-9)),
    gFlipped = e.samples.every((s, k) => allNear(s.got.grad, flipped[k].grad, 1e-7));
  const jRight = e.samples.every(costRight),
    gRight = e.samples.every(gradientRight);
  if (!((jFlipped || jRight) && (gFlipped || gRight)) || !(jFlipped || gFlipped) || (jFlipped && jRight) || (gFlipped && gRight))
    return undefined;
  const halves = jFlipped && gFlipped ? "J and ∇J are" : jFlipped ? "J is (∇J is right)" : "∇J is (J is right)";
  const predictions = e.samples.map((_, k) => ({
    ...(jFlipped ? { J: flipped[k].J } : {}),
    ...(gFlipped ? { grad: flipped[k].grad } : {}),
  }));
  return {
    id: "data-term-sign",
    explains: explainedShare(e.samples, predictions),
    message: `${halves} −(data term) + the regulariser on all ${e.samples.length} networks: the cross-entropy's minus sign is lost (y·log h + (1 − y)·log(1 − h) summed without the − in front) while the regulariser is right. Confirm at λ = 0: the answer is the exact one negated`,
  };
}
