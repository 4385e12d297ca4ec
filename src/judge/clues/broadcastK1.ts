import { softplus } from "../../network/cost.ts";
import { forward } from "../../network/forward.ts";
import type { LabelledCase } from "../../network/labels.ts";
import type { Clue } from "./Clue.ts";
import { costRight, gradientRight, near, type Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { outputs } from "./probes.ts";
import { regularizerTerms } from "./variantAnswer.ts";

/**
 * J at K = 1 when y of shape (m,) meets h of shape (m, 1): the loss is taken for every pair
 * (h_i, y_j), an m × m array, then summed and divided by m (or averaged over all m² entries).
 */
export function broadcastCost(c: LabelledCase, divisor: "m" | "m²"): number {
  const { z, a } = forward(c, c.theta, c.X);
  const Z = z[z.length - 1].data,
    H = a[a.length - 1].data,
    y = c.Y.data,
    m = c.X.rows;
  let s = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++)
      s += c.cost === "squared-error" ? 0.5 * (H[i] - y[j]) ** 2 : y[j] * softplus(-Z[i]) + (1 - y[j]) * softplus(Z[i]);
  return s / (divisor === "m" ? m : m * m) + regularizerTerms(c).reduce((x, v) => x + v, 0);
}

/**
 * J wrong only where K = 1, and right on every network with K ≥ 2: a shape slip that only one
 * output unit shows. When J is the loss over every pair (i, j) of an (m,) y and an (m, 1) h,
 * the broadcast is named.
 */
export function broadcastK1(e: Evidence): Clue | undefined {
  const one = e.samples.filter((s) => outputs(s.c) === 1),
    many = e.samples.filter((s) => outputs(s.c) > 1);
  if (one.length === 0 || many.length === 0 || one.every(costRight) || !many.every(costRight) || one[0].c.outputActivation === "softmax")
    return undefined;
  const divisor = (["m", "m²"] as const).find((d) => one.every((s) => near(broadcastCost(s.c, d), s.got.J, 1e-9)));
  if (!divisor) return undefined;
  const gradient = e.samples.every(gradientRight) ? "∇J is right" : "∇J is wrong too";
  return {
    id: "broadcast-k1",
    explains: explainedShare(
      one,
      one.map((s) => ({ J: broadcastCost(s.c, divisor) })),
    ),
    message: `J is wrong only where K = 1 (right on all ${many.length} networks with K ≥ 2), and there it is the loss summed over every pair (h_i, y_j), divided by ${divisor}: y of shape (m,) broadcast against h of shape (m, 1) into an m × m array; ${gradient}. Confirm by printing the shape of the array J sums; reshape y to (m, 1)`,
  };
}
