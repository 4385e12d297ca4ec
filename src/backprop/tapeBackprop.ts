import { withPinned } from "../linalg/gemm.ts";
import { worthSimd } from "../linalg/simdGemm.ts";
import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { grad } from "../tape/grad.ts";
import { networkCost } from "./networkCost.ts";
import { rules as defaultRules, type Rules } from "../tape/rules.ts";
import type { Value } from "../tape/Value.ts";

/** J and ∂J/∂Θ by the tape: the network's cost differentiated with no hand-written derivative. */
export function tapeBackprop(problem: Problem, theta: Theta, rules: Rules = defaultRules): CostAndGradient {
  const run = () => {
    const { value, gradient } = grad((t: Value[]) => networkCost(problem, t), rules)(theta);
    return { J: value, grad: gradient };
  };
  // X is read by two products, z⁽²⁾'s and Θ⁽¹⁾'s vector–Jacobian product: into the kernel's
  // memory once for both (the values are the same, so is the result).
  const { X } = problem;
  return worthSimd(X.rows, theta[0].rows, X.cols) ? withPinned(X.data, run) : run();
}
