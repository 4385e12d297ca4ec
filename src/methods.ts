import { batchBackprop } from "./backprop/batch.ts";
import { loopBackprop } from "./backprop/loop.ts";
import { fdMethod } from "./fdnet/fdNetworkGradient.ts";
import { tapeBackprop } from "./tape/tapeBackprop.ts";
import type { CostAndGradient, Problem, Theta } from "./network/Network.ts";

/** The independent ways gradcheck computes J and ∂J/∂Θ, by the names `eval --method` takes. */
export type MethodName = "backprop" | "loop" | "tape" | "fd";

export type GradientMethod = (problem: Problem, theta: Theta) => CostAndGradient;

export const methodNames: readonly MethodName[] = ["backprop", "loop", "tape", "fd"];

const notYet = (name: string): GradientMethod => () => {
  throw new Error(`method '${name}' is not available yet`);
};

export const gradientMethods: Readonly<Record<MethodName, GradientMethod>> = {
  backprop: batchBackprop,
  loop: loopBackprop,
  tape: tapeBackprop,
  fd: fdMethod,
};
