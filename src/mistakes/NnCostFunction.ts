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

/**
 * The same function in the `wb` layout (docs/protocol.md): params is one {W, b} per layer,
 * z = a·W + b with W in × out as rows; grad comes back in the same shape.
 */
export type WbCostFunction = (
  // one WbLayer per layer (W in × out as rows, b out numbers), spelled out: the sandbox's type sits above this folder
  params: { W: number[][]; b: number[] }[],
  layerSizes: number[],
  X: number[][],
  y: number[] | number[][],
  lambda: number,
) => WbCostResult | Promise<WbCostResult>;

export interface WbCostResult {
  readonly J: number;
  readonly grad: readonly { readonly W: ArrayLike<ArrayLike<number>> | ArrayLike<number>; readonly b: ArrayLike<number> }[];
}
