import type { Clue } from "./Clue.ts";
import type { Evidence } from "./Evidence.ts";

/**
 * Which half of the computation is wrong, from the two checks: (a) compares J with the exact
 * cost, (b) compares ∇J with the slope of the submission's own J. Rounding (single precision)
 * is not a wrong half: findClues leaves this clue out then.
 */
export function forwardBackward(e: Evidence): Clue | undefined {
  if (e.costWrong && !e.selfInconsistent) {
    return {
      id: "cost-wrong-backprop-consistent",
      message:
        "J is wrong (check a) while ∇J is the exact slope of that wrong J (check b passes): your cost is wrong, your backprop is right for it — fix the forward pass or the cost formula, and the gradient will follow",
    };
  }
  // J right and ∇J wrong: ∇J cannot be J's slope, even where one random direction (b) missed it
  if (!e.costWrong && e.gradientWrong) {
    const b = e.selfInconsistent
      ? "∇J is not its slope (check b fails)"
      : "∇J differs from its slope (check b's one random direction missed it)";
    return {
      id: "cost-right-backprop-wrong",
      message: `J is right (check a) but ${b}: your cost is right, your backprop is wrong for it — the slip is in the δ's, the Δ accumulation or D`,
    };
  }
  return undefined;
}
