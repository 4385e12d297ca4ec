import { zeros, type Matrix } from "../linalg/Matrix.ts";
import type { Rng } from "../numeric/random.ts";
import { thetaShapes } from "./theta.ts";

/**
 * Symmetry-breaking initialisation: each Θ⁽ˡ⁾ uniform in [−ε, ε] with
 * ε_init = √6 / √(s_l + s_{l+1}).
 */
export function randomInitialTheta(layerSizes: readonly number[], random: Rng): Matrix[] {
  return thetaShapes(layerSizes).map(([r, c]) => {
    const epsilonInit = Math.sqrt(6) / Math.sqrt(r + c - 1);
    const T = zeros(r, c);
    for (let i = 0; i < T.data.length; i++) T.data[i] = (2 * random() - 1) * epsilonInit;
    return T;
  });
}

/**
 * The classic deterministic debug weights: W = sin(1..n)/10 laid out column-major in a
 * fanOut × (1 + fanIn) matrix, so results are reproducible across languages.
 */
export function debugInitialWeights(fanOut: number, fanIn: number): Matrix {
  const cols = fanIn + 1;
  const W = zeros(fanOut, cols);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < fanOut; i++) W.data[i * cols + j] = Math.sin(1 + j * fanOut + i) / 10;
  }
  return W;
}

export function debugInitialTheta(layerSizes: readonly number[]): Matrix[] {
  return thetaShapes(layerSizes).map(([r, c]) => debugInitialWeights(r, c - 1));
}
