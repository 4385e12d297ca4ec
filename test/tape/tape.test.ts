import { describe, expect, it } from "vitest";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { matrix, zeros, type Matrix } from "../../src/linalg/Matrix.ts";
import { grad } from "../../src/tape/grad.ts";
import { networkCost } from "../../src/backprop/networkCost.ts";
import { Tape } from "../../src/tape/Tape.ts";
import { tapeBackprop } from "../../src/backprop/tapeBackprop.ts";
import { constant, type Value } from "../../src/tape/Value.ts";

const m = (rows: number, cols: number, ...xs: number[]) => matrix(rows, cols, xs);

describe("gradients accumulate", () => {
  it("a value used twice receives both contributions: d/dx (x·x + x) = 2x + 1", () => {
    const { value, gradient } = grad((x: Value) => x.mul(x).add(x))(m(1, 1, 3));
    expect(value).toBe(12);
    expect(gradient.data[0]).toBe(7);
  });
  it("through two products: ∂/∂A_ij Σ(A·B + A·C) = Σ_k (B + C)_jk", () => {
    const B = m(2, 2, 1, 2, 3, 4),
      C = m(2, 2, -1, 0.5, 2, 0);
    const { gradient } = grad((A: Value) => A.matmul(B).sum().add(A.matmul(C).sum()))(m(2, 2, 0, 0, 0, 0));
    // B + C = [0 2.5; 5 4]: row sums 2.5 and 9, the same for every row i of A.
    expect(Array.from(gradient.data)).toEqual([2.5, 9, 2.5, 9]);
  });
});

describe("small arrays share blocks without sharing entries", () => {
  it("many results and gradients across several blocks stay independent: d/dx Σ_k k·(x + k) = Σ k", () => {
    const x0 = matrix(
      1,
      200,
      Array.from({ length: 200 }, (_, q) => q / 7),
    );
    const { value, gradient } = grad((x: Value) => {
      let total = x.mul(0).sum();
      for (let k = 1; k <= 60; k++) total = total.add(x.add(k).mul(k).sum());
      return total;
    })(x0);
    const sumX = x0.data.reduce((s, v) => s + v, 0);
    let expected = 0;
    for (let k = 1; k <= 60; k++) expected += k * sumX + 200 * k * k;
    expect(value).toBeCloseTo(expected, 6);
    expect(new Set(gradient.data)).toEqual(new Set([(60 * 61) / 2]));
    // the caller's gradient is its own: writing it changes nothing the next call returns
    gradient.data.fill(-1);
    expect(grad((x: Value) => x.mul(x).sum())(x0).gradient.data[3]).toBe(2 * x0.data[3]);
  });
});

describe("constants record nothing", () => {
  it("ops on constants alone leave the tape empty and give constants", () => {
    const t = new Tape();
    const c = t
      .constant(m(1, 2, 1, 2))
      .exp()
      .sum()
      .add(constant(3))
      .mul(2);
    expect(t.size).toBe(0);
    expect(c.needsGrad).toBe(false);
    expect(c.item()).toBeCloseTo(2 * (Math.E + Math.E ** 2 + 3), 12);
    expect(constant(m(1, 1, 2)).square().tape).toBeNull();
  });
  it("only ops that depend on a variable are recorded", () => {
    const t = new Tape();
    const x = t.variable(m(1, 1, 2));
    const k = constant(m(1, 1, 5)).exp(); // not recorded
    x.mul(k).sum();
    expect(t.size).toBe(3); // x, x·k, Σ
  });
  it("an output no variable influences has zero gradients", () => {
    const t = new Tape();
    const x = t.variable(m(1, 2, 1, 2));
    expect(Array.from(t.backward(constant(1)).of(x).data)).toEqual([0, 0]);
  });
});

describe("the fused affine op is the lecture's [1 | A]·Θᵀ", () => {
  it("same value and gradients as matmulABt(prependBias(A), Θ)", () => {
    const A = m(3, 2, 0.5, -1, 2, 0.25, -0.75, 1.5),
      T = m(2, 3, 0.1, -0.2, 0.3, 0.4, 0.5, -0.6),
      C = m(3, 2, 1, -2, 0.5, 3, -1, 0.25);
    const fused = grad((v: Value[]) => v[0].affine(v[1]).tanh().mul(C).sum())([A, T]);
    const plain = grad((v: Value[]) => v[0].prependBias().matmulABt(v[1]).tanh().mul(C).sum())([A, T]);
    expect(fused.value).toBeCloseTo(plain.value, 14);
    fused.gradient.forEach((G, i) => G.data.forEach((g, q) => expect(g).toBeCloseTo(plain.gradient[i].data[q], 14)));
  });
});

describe("rules with a trap", () => {
  it("relu'(0) = 0", () => {
    expect(Array.from(grad((x: Value) => x.relu().sum())(m(1, 3, -1, 0, 2)).gradient.data)).toEqual([0, 0, 1]);
  });
  it("sum is compensated: 1e16 + 1 − 1e16 = 1", () => {
    expect(grad((x: Value) => x.sum())(m(1, 3, 1e16, 1, -1e16)).value).toBe(1);
  });
  it("softplus stays finite and exact where log(1 + eˣ) would overflow", () => {
    const { value, gradient } = grad((x: Value) => x.softplus().sum())(m(1, 2, 800, -800));
    expect(value).toBe(800);
    expect(Array.from(gradient.data)).toEqual([1, 0]);
  });
});

describe("grad and the network", () => {
  it("grad takes one matrix or several, and returns gradients of the same shapes", () => {
    const one = grad((x: Value) => x.square().sum())(m(2, 1, 3, -4));
    expect(Array.from(one.gradient.data)).toEqual([6, -8]);
    const many = grad((v: Value[]) => v[0].mul(v[1]).sum())([m(1, 2, 1, 2), m(1, 2, 3, 4)]);
    expect(many.gradient.map((G: Matrix) => Array.from(G.data))).toEqual([
      [3, 4],
      [1, 2],
    ]);
  });
  it("no input is mutated", () => {
    const c = referenceCases()[0];
    const before = [c.X, c.Y, ...c.theta].map((M) => M.data.slice());
    tapeBackprop(c, c.theta);
    [c.X, c.Y, ...c.theta].forEach((M, i) => expect(M.data).toEqual(before[i]));
  });
  it("the network cost refuses cross-entropy without a sigmoid or softmax output", () => {
    const c = referenceCases()[0];
    expect(() => networkCost({ ...c, outputActivation: "identity" }, [])).toThrow(
      /cross-entropy needs a sigmoid or softmax output layer, got identity/,
    );
  });
  it("memory: the tape counts the bytes of what it recorded and the peak during backward", () => {
    const t = new Tape();
    const x = t.variable(zeros(10, 10));
    const y = x.exp().sum();
    t.backward(y);
    const { recordedBytes, peakBytes } = t.memory();
    expect(recordedBytes).toBe(100 * 8 + 8); // exp's 10×10 and the 1×1 sum; x is the caller's
    expect(peakBytes).toBeGreaterThanOrEqual(recordedBytes + 100 * 8); // plus x's gradient
  });
});
