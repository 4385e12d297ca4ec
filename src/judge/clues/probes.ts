import { matrix } from "../../linalg/Matrix.ts";
import type { LabelledCase } from "../../network/labels.ts";

/** The same network and data at another λ: comparing λ = 0 with λ > 0 isolates the regulariser. */
export function withLambda(c: LabelledCase, lambda: number): LabelledCase {
  return { ...c, name: `${c.name}-lambda${lambda}`, lambda };
}

/** The case cut to its first m examples: at m = 1 nothing can mix examples. */
export function firstExamples(c: LabelledCase, m: number): LabelledCase {
  const s1 = c.X.cols,
    K = c.Y.cols;
  return {
    ...c,
    name: `${c.name}-m${m}`,
    X: matrix(m, s1, c.X.data.slice(0, m * s1)),
    Y: matrix(m, K, c.Y.data.slice(0, m * K)),
    labels: c.labels.slice(0, m),
  };
}

/** The number of hidden layers, L − 2. */
export const hiddenLayers = (c: LabelledCase): number => c.layerSizes.length - 2;

/** K = s_L. */
export const outputs = (c: LabelledCase): number => c.layerSizes[c.layerSizes.length - 1];
