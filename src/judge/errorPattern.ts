import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";
import { thetaName } from "../network/thetaEntry.ts";
import type { LayerSummary } from "../check/index.ts";

/** The wrong parts of Θ, one name each ("Θ⁽¹⁾ bias", "Θ⁽²⁾ weights"): the evidence shrinking must keep. */
export function wrongParts(layers: readonly LayerSummary[]): string[] {
  return layers.flatMap((L) => [
    ...(L.bias && L.bias.failed > 0 ? [`${thetaName(L.layer)} bias`] : []),
    ...(L.weights.failed > 0 ? [`${thetaName(L.layer)} weights`] : []),
  ]);
}

/**
 * The layers l whose weight columns cannot show an error on this case: every a⁽ˡ⁾_j (j ≥ 1) is
 * 0 in every example (X = 0, or units saturated to exactly 0), so ∂J/∂Θ⁽ˡ⁾ is 0 there
 * whatever the bug.
 */
export function silentLayers(c: LabelledCase): ReadonlySet<number> {
  const { a } = forward(c, c.theta, c.X);
  const silent = new Set<number>();
  for (let l = 0; l < c.theta.length; l++) if (a[l].data.every((v) => v === 0)) silent.add(l);
  return silent;
}

/**
 * Which parts of Θ are wrong, in words: the shape of the error is half the diagnosis. Never
 * "bias column only" where the weight columns could not have shown an error.
 */
export function pattern(layers: readonly LayerSummary[], silent: ReadonlySet<number> = new Set()): string {
  const parts: string[] = [];
  for (const L of layers) {
    const bias = L.bias?.failed ?? 0,
      weights = L.weights.failed;
    if (bias === 0 && weights === 0) continue;
    const biasOnly = silent.has(L.layer)
      ? `bias column; its weight columns cannot show an error in this case (${L.layer === 0 ? "every input is 0" : "every unit feeding them is 0"})`
      : "bias column only";
    const what = bias && weights ? "bias and weights" : bias ? biasOnly : "weights only";
    parts.push(`${thetaName(L.layer)}: ${what}`);
  }
  const clean = layers.filter((L) => (L.bias?.failed ?? 0) + L.weights.failed === 0).map((L) => thetaName(L.layer));
  return parts.join("; ") + (clean.length ? `; ${clean.join(", ")} right` : "");
}
