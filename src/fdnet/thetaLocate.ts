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

/** The convention thetaLocate's labels follow, in words, for the header of every report that shows them. */
export const thetaConvention = "Θ⁽ˡ⁾[i][j]: weight matrix l from 1; row i from 0 (unit i + 1 of layer l + 1); column j from 0, j = 0 the bias column (Octave's Theta_l(i + 1, j + 1))";
