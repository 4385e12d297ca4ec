import { describe, expect, it } from "vitest";
import { batchBackprop, withExamplesResident } from "../../src/backprop/batch.ts";
import { CHUNK_EXAMPLES } from "../../src/backprop/chunks.ts";
import { plainSimd } from "../../src/linalg/simdGemm.ts";
import type { CostAndGradient } from "../../src/network/Network.ts";
import { rng } from "../../src/numeric/random.ts";
import { buildNetwork } from "../helpers/randomNetwork.ts";

/** Every bit of J and of each gradient entry, so that "the same" means identical, not close. */
function bits(r: CostAndGradient): string {
  const all = Float64Array.from([r.J, ...r.grad.flatMap((G) => Array.from(G.data))]);
  return Buffer.from(all.buffer).toString("hex");
}

describe("examples kept in the kernel's memory across gradients", () => {
  const big = buildNetwork(
    {
      layerSizes: [64, 20, 6],
      hidden: "sigmoid",
      output: "sigmoid",
      cost: "cross-entropy",
      m: 2 * CHUNK_EXAMPLES + 45,
      lambda: 1,
      weightScale: 0.3,
    },
    5,
  );
  const other = buildNetwork(
    {
      layerSizes: [40, 12, 12, 3],
      hidden: "tanh",
      output: "sigmoid",
      cost: "cross-entropy",
      m: CHUNK_EXAMPLES + 9,
      lambda: 0.5,
      weightScale: 0.3,
    },
    6,
  );

  it("gives bit for bit the gradient of a fresh copy per call, also with another problem in between", () => {
    const expected = bits(batchBackprop(big.problem, big.theta)),
      expectedOther = bits(batchBackprop(other.problem, other.theta));
    withExamplesResident(big.problem, big.theta, () => {
      for (let step = 0; step < 3; step++) {
        expect(bits(batchBackprop(big.problem, big.theta)), `step ${step}`).toBe(expected);
        // Another problem's chunks are pinned above the resident X and must not disturb it.
        expect(bits(batchBackprop(other.problem, other.theta))).toBe(expectedOther);
      }
    });
    expect(bits(batchBackprop(big.problem, big.theta))).toBe(expected);
  });

  it("a product reading a row range of a pinned array reads those rows, not the array's start", () => {
    const random = rng(9);
    const rows = 40,
      cols = 16,
      n = 8;
    const X = Float64Array.from({ length: rows * cols }, () => random() - 0.5);
    const W = Float64Array.from({ length: cols * n }, () => random() - 0.5);
    const part = X.subarray(24 * cols, 36 * cols); // rows 24..35
    const product = () => {
      const C = new Float64Array(12 * n);
      plainSimd.gemm(
        12,
        n,
        cols,
        { data: part, offset: 0, rs: cols, cs: 1 },
        { data: W, offset: 0, rs: n, cs: 1 },
        { data: C, offset: 0, rs: n, cs: 1 },
        false,
      );
      return C;
    };
    const copied = product();
    expect(Array.from(plainSimd.pinned(X, product))).toEqual(Array.from(copied));
    // And against the definition, so that a wrong offset in both could not pass.
    for (let i = 0; i < 12; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < cols; p++) s += part[i * cols + p] * W[p * n + j];
        expect(Math.abs(copied[i * n + j] - s)).toBeLessThanOrEqual(1e-13);
      }
  });
});
