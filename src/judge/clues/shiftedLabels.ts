import { matrix } from "../../linalg/Matrix.ts";
import { oneHotRows, type LabelledCase } from "../../network/labels.ts";
import type { Clue } from "./Clue.ts";
import { allNear, costRight, gradientRight, near, type Evidence } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { outputs } from "./probes.ts";
import { variantAnswer } from "./variantAnswer.ts";

/** The answer when every label y is read as (y + shift) mod K. */
function shiftedAnswer(c: LabelledCase, shift: number) {
  const K = outputs(c);
  const labels = c.labels.map((y) => (((y + shift) % K) + K) % K);
  return variantAnswer(c, { Y: matrix(c.X.rows, K, oneHotRows(labels, K)) });
}

/**
 * Labels shifted by one and wrapped: J and ∇J are exactly those for (y − 1) mod K (or
 * (y + 1) mod K) on every network with K ≥ 2 — class 0 read as class K − 1. Networks with
 * K = 1 say nothing either way and are not read.
 */
export function shiftedLabels(e: Evidence): Clue | undefined {
  const multi = e.samples.filter((s) => outputs(s.c) >= 2);
  if (multi.length === 0 || multi.every((s) => costRight(s) && gradientRight(s))) return undefined;
  for (const shift of [-1, 1]) {
    const predictions = multi.map((s) => shiftedAnswer(s.c, shift));
    if (!multi.every((s, k) => near(s.got.J, predictions[k].J, 1e-9) && allNear(s.got.grad, predictions[k].grad, 1e-7))) continue;
    const how = shift < 0 ? "(y − 1) mod K" : "(y + 1) mod K";
    return {
      id: "shifted-labels",
      explains: explainedShare(multi, predictions),
      message: `J and ∇J are exactly those for the labels ${how} on all ${multi.length} networks with K ≥ 2: each label shifted by one and wrapped (class ${shift < 0 ? "0 read as class K − 1" : "K − 1 read as class 0"}), as when 1-based labels are converted ${shift < 0 ? "twice" : "the wrong way"}. Confirm: one-hot y = ${shift < 0 ? "(y + 1)" : "(y − 1)"} mod K gives the right answer`,
    };
  }
  return undefined;
}
