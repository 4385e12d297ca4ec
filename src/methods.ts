import { batchBackprop } from "./backprop/batch.ts";
import { loopBackprop } from "./backprop/loop.ts";
import { bigNumberMethod } from "./fdnet/bigNumberGradient.ts";
import { fdCostAndGradient } from "./fdnet/fdNetworkGradient.ts";
import { tapeBackprop } from "./backprop/tapeBackprop.ts";
import type { CostAndGradient, Problem, Theta } from "./network/Network.ts";

/** The independent ways gradcheck computes J and ∂J/∂Θ, by the names `eval --method` takes. */
export type MethodName = "backprop" | "loop" | "tape" | "fd" | "fd-bignumber";

export type GradientMethod = (problem: Problem, theta: Theta) => CostAndGradient;

export const methodNames: readonly MethodName[] = ["backprop", "loop", "tape", "fd", "fd-bignumber"];

export const gradientMethods: Readonly<Record<MethodName, GradientMethod>> = {
  backprop: batchBackprop,
  loop: loopBackprop,
  tape: tapeBackprop,
  fd: fdCostAndGradient,
  // The oracle: finite differences of J evaluated in 40-digit BigNumber arithmetic, so they
  // carry no float64 round-off. Slow (about 25 ms per parameter on small cases): for certifying.
  "fd-bignumber": bigNumberMethod,
};
