import type { CostAndGradient, Problem, Theta } from "../network/Network.ts";
import { grad } from "./grad.ts";
import { networkCost } from "./networkCost.ts";
import { rules as defaultRules, type Rules } from "./rules.ts";
import type { Value } from "./Value.ts";

/** J and ∂J/∂Θ by the tape: the network's cost differentiated with no hand-written derivative. */
export function tapeBackprop(problem: Problem, theta: Theta, rules: Rules = defaultRules): CostAndGradient {
  const { value, gradient } = grad((t: Value[]) => networkCost(problem, t), rules)(theta);
  return { J: value, grad: gradient };
}
