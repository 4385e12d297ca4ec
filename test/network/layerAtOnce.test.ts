import { describe, expect, it } from "vitest";
import { CompensatedSum } from "../../src/linalg/compensatedSum.ts";
import { sigmoidInto } from "../../src/linalg/vectorExp.ts";
import { sigmoid } from "../../src/network/activation.ts";
import { softplus } from "../../src/network/cost.ts";
import { lossSum } from "../../src/network/costFunction.ts";
import { addSoftmaxCrossEntropies, softmaxCrossEntropy, softmaxInto, softmaxRowsInto } from "../../src/network/softmax.ts";
import { rng } from "../../src/numeric/random.ts";

/**
 * The forward pass and the loss take a layer's exponentials all at once in the vector kernel.
 * Each must give, bit for bit, what the unit-by-unit and row-by-row code gives, for every
 * regime a layer can be in: ordinary, saturated, overflowing without the max-shift, infinite.
 */
const m = 40,
  K = 7;

function layer(seed: number, scale: number): Float64Array {
  const random = rng(seed);
  const z = Float64Array.from({ length: m * K }, () => (2 * random() - 1) * scale);
  // Rows 0–2: every z −∞; one z +∞ among finite ones; all equal (a tie for the max).
  z.fill(-Infinity, 0, K);
  z[K + 3] = Infinity;
  z.fill(0.25, 2 * K, 3 * K);
  return z;
}

function oneHot(seed: number): Float64Array {
  const random = rng(seed);
  const y = new Float64Array(m * K);
  for (let i = 0; i < m; i++) y[i * K + Math.floor(random() * K)] = 1;
  return y;
}

const scales = [1e-9, 1, 30, 800, 1e6];
const bitsEqual = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((v, q) => Object.is(v, b[q]));

describe("a layer's activations and loss at once, bit for bit the unit-by-unit ones", () => {
  it.each(scales)("softmax rows at scale %s", (scale) => {
    const z = layer(1, scale);
    const vector = new Float64Array(m * K),
      scalar = new Float64Array(m * K);
    softmaxRowsInto(z, vector, m, K);
    for (let i = 0; i < m; i++) softmaxInto(z, i * K, scalar, i * K, K);
    expect(bitsEqual(vector, scalar)).toBe(true);
  });

  it.each(scales)("softmax cross-entropy summed over rows at scale %s", (scale) => {
    const z = layer(2, scale),
      y = oneHot(3);
    const vector = new CompensatedSum(),
      scalar = new CompensatedSum();
    addSoftmaxCrossEntropies(z, y, m, K, vector);
    for (let i = 0; i < m; i++) scalar.add(softmaxCrossEntropy(z, i * K, y, i * K, K));
    expect(Object.is(vector.value, scalar.value)).toBe(true);
  });

  it.each(scales)("sigmoid and its cross-entropy at scale %s", (scale) => {
    const z = layer(4, scale),
      y = oneHot(5);
    const a = new Float64Array(m * K);
    sigmoidInto(z, a);
    expect(bitsEqual(a, z.map(sigmoid))).toBe(true);
    const scalar = new CompensatedSum();
    z.forEach((v, q) => scalar.add(softplus(v) - y[q] * v));
    const pass = { z: [{ rows: m, cols: K, data: z }], a: [{ rows: m, cols: K, data: a }] };
    const vector = lossSum({ cost: "cross-entropy", outputActivation: "sigmoid", Y: { rows: m, cols: K, data: y } }, pass);
    expect(Object.is(vector, scalar.value)).toBe(true);
  });
});
