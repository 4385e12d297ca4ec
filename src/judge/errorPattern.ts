import type { LabelledCase } from "../network/labels.ts";
import { forward } from "../network/forward.ts";
import { thetaName } from "../network/thetaEntry.ts";
import type { EntryReport, LayerSummary } from "../check/index.ts";

/**
 * The wrong parts of Θ, one name each ("Θ⁽¹⁾ bias", "Θ⁽²⁾ weights", "Θ⁽¹⁾ weight columns j = 1"
 * where other weight columns are shown right): the evidence shrinking must keep.
 */
export function wrongParts(layers: readonly LayerSummary[], confined: ConfinedColumns = new Map()): string[] {
  return layers.flatMap((L) => [
    ...(L.bias && L.bias.failed > 0 ? [`${thetaName(L.layer)} bias`] : []),
    ...(L.weights.failed > 0 ? [`${thetaName(L.layer)} ${weightsWord(confined.get(L.layer))}`] : []),
  ]);
}

/** Per layer, the weight columns j ≥ 1 that are wrong, when some other weight column is shown right. */
export type ConfinedColumns = ReadonlyMap<number, readonly number[]>;

/**
 * The layers whose wrong weight columns are only some of them: another weight column is right
 * where it could have shown an error (its units are not all near 0 and its weights not all 0).
 * A regulariser that starts at column 2 is wrong in column 1 only; a column right only because
 * nothing flows through it says nothing, and is not counted as right.
 */
export function confinedColumns(c: LabelledCase, compared: readonly EntryReport[]): ConfinedColumns {
  const { a } = forward(c, c.theta, c.X);
  const wrong = new Map<number, Set<number>>();
  for (const r of compared) {
    if (r.verdict !== "fail" || !r.location || r.location.column === 0) continue;
    const set = wrong.get(r.location.layer) ?? new Set<number>();
    wrong.set(r.location.layer, set.add(r.location.column));
  }
  const confined = new Map<number, number[]>();
  for (const [l, columns] of wrong) {
    const T = c.theta[l],
      A = a[l];
    const shown = (j: number) => {
      let unit = 0,
        weight = 0;
      for (let i = 0; i < A.rows; i++) unit = Math.max(unit, Math.abs(A.data[i * A.cols + j - 1]));
      for (let r = 0; r < T.rows; r++) weight = Math.max(weight, Math.abs(T.data[r * T.cols + j]));
      return unit >= shownUnit && weight > 0;
    };
    let rightShown = false;
    for (let j = 1; j < T.cols && !rightShown; j++) rightShown = !columns.has(j) && shown(j);
    if (rightShown)
      confined.set(
        l,
        [...columns].sort((x, y) => x - y),
      );
  }
  return confined;
}

/** A unit this far from 0 in some example carries any slip in its column well above the tolerance. */
const shownUnit = 1e-3;

function weightsWord(columns: readonly number[] | undefined): string {
  return columns ? `weight column${columns.length > 1 ? "s" : ""} j = ${columns.join(", ")}` : "weights";
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
export function pattern(
  layers: readonly LayerSummary[],
  silent: ReadonlySet<number> = new Set(),
  confined: ConfinedColumns = new Map(),
): string {
  const parts: string[] = [];
  for (const L of layers) {
    const bias = L.bias?.failed ?? 0,
      weights = L.weights.failed;
    if (bias === 0 && weights === 0) continue;
    const biasOnly = silent.has(L.layer)
      ? `bias column; its weight columns cannot show an error in this case (${L.layer === 0 ? "every input is 0" : "every unit feeding them is 0"})`
      : "bias column only";
    const columns = confined.get(L.layer);
    const what =
      bias && weights
        ? `bias and ${columns ? `${weightsWord(columns)}, its other weight columns right` : "weights"}`
        : bias
          ? biasOnly
          : columns
            ? `${weightsWord(columns)} only, its other weight columns right`
            : "weights only";
    parts.push(`${thetaName(L.layer)}: ${what}`);
  }
  const clean = layers.filter((L) => (L.bias?.failed ?? 0) + L.weights.failed === 0).map((L) => thetaName(L.layer));
  return parts.join("; ") + (clean.length ? `; ${clean.join(", ")} right` : "");
}
