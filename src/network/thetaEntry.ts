import { thetaShapes } from "./theta.ts";

/**
 * The one convention for layers and Θ entries, used everywhere in gradcheck.
 *
 * In code, arrays are indexed from 0: `theta[l]` is the lecture's Θ⁽ˡ⁺¹⁾ (the weights from
 * layer l + 1 into layer l + 2), `row` and `column` index that matrix, and column 0 multiplies
 * the bias unit. Activations follow the same rule: `a[l]` is the lecture's a⁽ˡ⁺¹⁾, without its
 * bias unit.
 *
 * Shown to people, an entry is written as the lecture writes it, Θ⁽ˡ⁾[i,j]: the layer l and the
 * unit i count from 1, the column j from 0, j = 0 being the bias column. In Octave that entry is
 * `Theta_l(i, j + 1)`.
 */
export interface ThetaEntry {
  /** 0-based index into theta[]: theta[layer] is Θ⁽ˡᵃʸᵉʳ⁺¹⁾ */
  readonly layer: number;
  /** 0-based row: unit row + 1 of the next layer */
  readonly row: number;
  /** 0-based column; 0 is the bias column */
  readonly column: number;
}

/** The convention in one line, for report headers. */
export const thetaIndexConvention =
  "Θ⁽ˡ⁾[i,j]: layer l and unit i count from 1, column j from 0 (j = 0 is the bias column; Octave's Theta_l(i, j+1))";

/** The same entries for a submission that receives per-layer W (in × out) and b, used as a·W + b. */
export const wbIndexConvention =
  "with the wb layout, Θ⁽ˡ⁾[i,j] is W[j−1][i−1] of layer l for j ≥ 1 and b[i−1] for j = 0 (W, b indexed from 0)";

/** n in superscript digits, as in Θ⁽¹²⁾. */
export const superscript = (n: number) => String(n).replace(/\d/g, (d) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(d)]);

/** Θ⁽ˡ⁾ for theta[layer], as the lecture writes it. */
export const thetaName = (layer: number): string => `Θ⁽${superscript(layer + 1)}⁾`;

/** An entry as people read it: Θ⁽ˡ⁾[i,j] with the lecture's indices. */
export const thetaEntryName = (e: ThetaEntry): string => `${thetaName(e.layer)}[${e.row + 1},${e.column}]`;

/** Where parameter p of the unrolled vector (Θ⁽¹⁾, Θ⁽²⁾, … each row-major) sits. */
export function thetaEntryAt(p: number, layerSizes: readonly number[]): ThetaEntry {
  let at = 0;
  const shapes = thetaShapes(layerSizes);
  for (let layer = 0; layer < shapes.length; layer++) {
    const [r, c] = shapes[layer];
    if (p < at + r * c) {
      const q = p - at;
      return { layer, row: Math.floor(q / c), column: q % c };
    }
    at += r * c;
  }
  throw new RangeError(`parameter ${p} is past the last of ${at}`);
}
