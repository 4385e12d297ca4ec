import { zeros } from "../src/linalg/Matrix.ts";
import { randomInitialTheta } from "../src/network/init.ts";
import type { Problem, Theta } from "../src/network/Network.ts";
import { rng } from "../src/numeric/random.ts";

export interface BenchProblem {
  readonly label: string;
  readonly problem: Problem;
  readonly theta: Theta;
}

/**
 * A sigmoid network with cross-entropy and λ = 1 on m examples of uniform [0, 1) inputs and
 * one-hot labels: the shape of the lecture's digit exercise, reproducible from the seed.
 */
export function benchProblem(layerSizes: number[], m: number, seed = 1): BenchProblem {
  const random = rng(seed);
  const s1 = layerSizes[0],
    K = layerSizes[layerSizes.length - 1];
  const X = zeros(m, s1);
  for (let q = 0; q < X.data.length; q++) X.data[q] = random();
  const Y = zeros(m, K);
  for (let i = 0; i < m; i++) Y.data[i * K + Math.floor(random() * K)] = 1;
  const problem: Problem = {
    layerSizes,
    hiddenActivation: "sigmoid",
    outputActivation: "sigmoid",
    cost: "cross-entropy",
    lambda: 1,
    X,
    Y,
  };
  return { label: `${layerSizes.join("-")}, m = ${m}`, problem, theta: randomInitialTheta(layerSizes, random) };
}

/** Multiply-adds ×2 of one batch gradient: forward, Δ products, and hidden δ's (none for layer 1). */
export function gradientFlops(layerSizes: readonly number[], m: number): number {
  let flops = 0;
  for (let l = 0; l + 1 < layerSizes.length; l++) {
    const products = l === 0 ? 2 : 3;
    flops += products * 2 * m * layerSizes[l] * layerSizes[l + 1];
  }
  return flops;
}
