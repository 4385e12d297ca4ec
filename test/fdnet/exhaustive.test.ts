import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fdNetworkGradient, naiveIncrements, networkIncrements } from "../../src/fdnet/index.ts";
import { centralFdm, fdGradientFromIncrements, richardson } from "../../src/numeric/index.ts";
import { buildNetwork, networkShape, seedArb } from "../helpers/randomNetwork.ts";

/** Differential: increments from cached activations equal full forward passes. */
describe("exhaustive finite differences (cached activations, rank-1 updates)", () => {
  it("agree with naive full-forward-pass differences on random networks", () => {
    fc.assert(
      fc.property(networkShape(), seedArb, (shape, seed) => {
        const { problem, theta } = buildNetwork(shape, seed);
        for (const method of [richardson(), richardson(centralFdm(3), { levels: 2, largestStep: 2 ** -14 })]) {
          const fast = fdNetworkGradient(problem, theta, { method }).fd;
          const naive = fdGradientFromIncrements(naiveIncrements(problem, theta), { method });
          fast.estimate.forEach((v, p) => {
            if (fast.kink[p] || naive.kink[p]) return;
            const tol = 4 * (fast.errorBound[p] + naive.errorBound[p]) + 1e-9 * Math.max(1, Math.abs(v));
            expect(Math.abs(v - naive.estimate[p]), `seed ${seed}, entry ${p}, ${method.name}`).toBeLessThanOrEqual(tol);
          });
        }
      }),
      { seed: 20261127, numRuns: 60 },
    );
  });

  it("every single increment equals J(Θ + t·e_p) − J(Θ) from a full pass", () => {
    fc.assert(
      fc.property(networkShape(), seedArb, (shape, seed) => {
        const { problem, theta } = buildNetwork(shape, seed);
        const fast = networkIncrements(problem, theta),
          naive = naiveIncrements(problem, theta);
        const offsets = Float64Array.from([-(2 ** -6), 2 ** -10, 2 ** -17]);
        const a = new Float64Array(3),
          b = new Float64Array(3);
        for (let p = 0; p < fast.n; p++) {
          fast.increments(p, offsets, a, new Uint8Array(3));
          naive.increments(p, offsets, b, new Uint8Array(3));
          for (let k = 0; k < 3; k++)
            expect(Math.abs(a[k] - b[k]), `seed ${seed}, entry ${p}, t = ${offsets[k]}`).toBeLessThanOrEqual(
              64 * fast.accuracy + 64 * naive.accuracy,
            );
        }
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it("the sigmoid/cross-entropy kernel's increments equal full passes, saturated units and zero inputs included", () => {
    fc.assert(
      fc.property(networkShape(fc.constant("sigmoid")), seedArb, fc.integer({ min: 3, max: 4 }), (shape, seed, depth) => {
        const layerSizes = [...shape.layerSizes, 2, 3, 2].slice(0, depth);
        const { problem, theta } = buildNetwork({ ...shape, layerSizes, cost: "cross-entropy" }, seed);
        for (let q = 0; q < problem.X.data.length; q += 3) problem.X.data[q] = 0;
        const fast = networkIncrements(problem, theta),
          naive = naiveIncrements(problem, theta);
        const offsets = Float64Array.from([-(2 ** -16), 2 ** -16, 2 ** -5, -(2 ** -9), 2 ** -30]);
        const a = new Float64Array(5),
          b = new Float64Array(5);
        for (let p = 0; p < fast.n; p++) {
          fast.increments(p, offsets, a, new Uint8Array(5));
          naive.increments(p, offsets, b, new Uint8Array(5));
          for (let k = 0; k < 5; k++)
            expect(Math.abs(a[k] - b[k]), `seed ${seed}, entry ${p}, t = ${offsets[k]}`).toBeLessThanOrEqual(
              64 * fast.accuracy + 64 * naive.accuracy,
            );
        }
      }),
      { seed: 31, numRuns: 60 },
    );
  });

  it("never changes Θ or the data", () => {
    const { problem, theta } = buildNetwork(
      { layerSizes: [3, 4, 2], hidden: "relu", output: "sigmoid", cost: "cross-entropy", lambda: 1, m: 4, weightScale: 1 },
      3,
    );
    const before = theta.map((T) => T.data.slice()),
      X = problem.X.data.slice(),
      Y = problem.Y.data.slice();
    fdNetworkGradient(problem, theta);
    fdGradientFromIncrements(naiveIncrements(problem, theta));
    theta.forEach((T, l) => expect(T.data).toEqual(before[l]));
    expect(problem.X.data).toEqual(X);
    expect(problem.Y.data).toEqual(Y);
  });
});
