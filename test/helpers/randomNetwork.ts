import fc from "fast-check";
import { zeros, type Matrix } from "../../src/linalg/Matrix.ts";
import type { ActivationName } from "../../src/network/activation.ts";
import type { CostName } from "../../src/network/cost.ts";
import type { Problem } from "../../src/network/Network.ts";
import { gaussian, rng } from "../../src/numeric/random.ts";
import { thetaShapes } from "../../src/network/theta.ts";

/** A random problem and Θ, everything drawn from one seed so a failure replays from it. */
export interface RandomNetwork {
  readonly seed: number;
  readonly problem: Problem;
  readonly theta: Matrix[];
}

export interface NetworkShape {
  readonly layerSizes: number[];
  readonly hidden: ActivationName;
  readonly output: "sigmoid" | "identity";
  readonly cost: CostName;
  readonly lambda: number;
  readonly m: number;
  /** Θ entries ~ N(0, weightScale²): 6 or more saturates sigmoids */
  readonly weightScale: number;
}

export function buildNetwork(shape: NetworkShape, seed: number): RandomNetwork {
  const random = rng(seed);
  const { layerSizes, m } = shape;
  const K = layerSizes[layerSizes.length - 1];
  const X = zeros(m, layerSizes[0]),
    Y = zeros(m, K);
  for (let q = 0; q < X.data.length; q++) X.data[q] = gaussian(random);
  for (let e = 0; e < m; e++) {
    if (shape.cost === "cross-entropy") for (let k = 0; k < K; k++) Y.data[e * K + k] = random() < 0.3 ? random() : Math.round(random());
    else for (let k = 0; k < K; k++) Y.data[e * K + k] = shape.output === "sigmoid" ? random() : gaussian(random);
  }
  const theta = thetaShapes(layerSizes).map(([r, c]) => {
    const T = zeros(r, c);
    for (let q = 0; q < T.data.length; q++) T.data[q] = shape.weightScale * gaussian(random);
    return T;
  });
  const output = shape.cost === "cross-entropy" ? "sigmoid" : shape.output;
  return {
    seed,
    problem: { layerSizes, hiddenActivation: shape.hidden, outputActivation: output, cost: shape.cost, lambda: shape.lambda, X, Y },
    theta,
  };
}

/** Small random networks: 2–4 layers of 1–5 units, every activation and cost, λ up to 100, m from 1. */
export const networkShape = (
  hidden: fc.Arbitrary<ActivationName> = fc.constantFrom("sigmoid", "tanh", "relu", "identity"),
): fc.Arbitrary<NetworkShape> =>
  fc.record({
    layerSizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 4 }),
    hidden,
    output: fc.constantFrom("sigmoid" as const, "identity" as const),
    cost: fc.constantFrom("cross-entropy" as const, "squared-error" as const),
    lambda: fc.constantFrom(0, 0.1, 1, 3, 10, 100),
    m: fc.integer({ min: 1, max: 6 }),
    weightScale: fc.constantFrom(0.5, 1, 3, 8),
  });

export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
