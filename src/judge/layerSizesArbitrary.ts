import fc from "fast-check";

export interface LayerSizesConstraints {
  /** L, counting input and output layers: 2 ≤ minDepth ≤ maxDepth (default 2..6) */
  readonly minDepth?: number;
  readonly maxDepth?: number;
  /** every s_l in minWidth..maxWidth (default 1..12) */
  readonly minWidth?: number;
  readonly maxWidth?: number;
}

/**
 * [s_1, …, s_L]. Shrinks towards [1, 1]: fewer layers, then narrower ones, so a failure ends
 * at the smallest network that still shows it. K = 1 and single hidden units are ordinary
 * values here, not special cases.
 */
export function layerSizesArbitrary(c: LayerSizesConstraints = {}): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: c.minWidth ?? 1, max: c.maxWidth ?? 12 }), { minLength: c.minDepth ?? 2, maxLength: c.maxDepth ?? 6 });
}
