import type { Clue } from "./Clue.ts";
import { allNear, costRight, gradientRight, near, type Evidence, type Sample } from "./Evidence.ts";
import { explainedShare } from "./explainedShare.ts";
import { regularizerTerms, variantAnswer } from "./variantAnswer.ts";

/**
 * J's regulariser is α × (λ/2m)ΣΘ² and ∇J's β × (λ/m)Θ, with one α and one β on every network,
 * not both 1; each half judged on its own, the data term right in both. α = 2 with β = ½ is
 * λ/m and λ/2m swapped between J and ∇J.
 */
export function regularizerScale(e: Evidence): Clue | undefined {
  const withLambda = e.samples.filter((s) => s.c.lambda > 0 && regularizerTerms(s.c).some((R) => R > 0));
  if (withLambda.length === 0) return undefined;
  const alpha = e.samples.every(costRight) ? 1 : factorOf(withLambda[0], "J"),
    beta = e.samples.every(gradientRight) ? 1 : factorOf(withLambda[0], "∇J");
  if (alpha === undefined || beta === undefined || (alpha === 1 && beta === 1)) return undefined;
  const predictions = e.samples.map((s) => variantAnswer(s.c, { regularizerInJ: () => alpha, regularizerInGradient: () => beta }));
  const fits = e.samples.every((s, k) => near(predictions[k].J, s.got.J, 1e-9) && allNear(s.got.grad, predictions[k].grad, 1e-7));
  if (!fits) return undefined;
  const swapped = alpha === 2 && beta === 0.5 ? ": the constants λ/m and λ/2m swapped between J and ∇J" : "";
  return {
    id: "regularizer-scale",
    value: alpha !== 1 ? alpha : beta,
    explains: explainedShare(e.samples, predictions),
    message: `J's regulariser is ${said(alpha, "(λ/2m)ΣΘ²", "(λ/m)ΣΘ²")} and ∇J's ${said(beta, "(λ/m)Θ", "(λ/2m)Θ")} on all ${e.samples.length} networks, the data term right in both (right at λ = 0)${swapped}. Confirm by printing J and ∇J at λ = 0 and λ = 1: only the regulariser moves`,
  };
}

/** The one factor f with half = data part + f × regulariser on this sample, rounded to a plain number. */
function factorOf(s: Sample, half: "J" | "∇J"): number | undefined {
  const right = variantAnswer(s.c),
    none = variantAnswer(s.c, { regularizerInJ: () => 0, regularizerInGradient: () => 0 });
  let f: number;
  if (half === "J") f = (s.got.J - none.J) / (right.J - none.J);
  else {
    let gx = 0,
      xx = 0;
    for (let q = 0; q < s.got.grad.length; q++) {
      const r = right.grad[q] - none.grad[q];
      gx += (s.got.grad[q] - none.grad[q]) * r;
      xx += r * r;
    }
    f = gx / xx;
  }
  if (!Number.isFinite(f)) return undefined;
  return Number(f.toPrecision(10));
}

function said(f: number, right: string, doubled: string): string {
  if (f === 1) return `right, ${right}`;
  if (f === 2 && right.includes("/2m")) return `${doubled} instead of ${right}`;
  if (f === 0.5 && !right.includes("/2m")) return `${doubled} instead of ${right}`;
  if (f === 0) return `missing (0 × ${right})`;
  return `${f} × ${right}`;
}
