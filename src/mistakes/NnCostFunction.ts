/**
 * The signature every submission implements (docs/check.md): sigmoid in every layer, the
 * cross-entropy cost, 0-based labels turned into one-hot targets.
 */
export type NnCostFunction = (
  params: Float64Array,
  layerSizes: number[],
  X: number[][],
  y: number[],
  lambda: number,
) => NnCostResult | Promise<NnCostResult>;

export interface NnCostResult {
  readonly J: number;
  readonly grad: ArrayLike<number>;
}
