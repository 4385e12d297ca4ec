import type { EntryLocation, Locate } from "../check/index.ts";
import { locate } from "../network/theta.ts";

const superscript = (n: number) => String(n).replace(/\d/g, (d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(d)]);

/** Θ⁽ˡ⁾ for the 0-based weight layer l, as the lecture writes it. */
export const thetaName = (l: number): string => `Θ⁽${superscript(l + 1)}⁾`;

/** Names entry p of the unrolled Θ as the lecture does: Θ⁽ˡ⁾[i][j], column 0 the bias. */
export function thetaLocate(layerSizes: readonly number[]): Locate {
  return (p: number): EntryLocation => {
    const { l, i, j } = locate(p, layerSizes);
    return { layer: l, row: i, column: j, label: `${thetaName(l)}[${i}][${j}]` };
  };
}
