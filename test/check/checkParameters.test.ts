import { describe, expect, it } from "vitest";
import { checkParameters } from "../../src/check/checkParameters.ts";
import { renderComparison } from "../../src/check/renderComparison.ts";
import type { Matrix } from "../../src/linalg/Matrix.ts";
import { gaussian, rng } from "../../src/numeric/random.ts";

/** A team's MLP: z₁ = W1·x + b1, relu, z₂ = W2·a₁ + b2, relu, z₃ = W3·a₂ + b3, softmax cross-entropy. */
interface Mlp {
  readonly W1: Matrix;
  readonly b1: Float64Array;
  readonly W2: Matrix;
  readonly b2: Float64Array;
  readonly W3: Matrix;
  readonly b3: Float64Array;
}
const sizes = [3, 4, 4, 3];
const random = rng(27);
const layer = (out: number, inp: number): Matrix => ({
  rows: out,
  cols: inp,
  data: Float64Array.from({ length: out * inp }, () => gaussian(random)),
});
const params: Mlp = {
  W1: layer(4, 3),
  b1: Float64Array.from({ length: 4 }, () => 0.1 * gaussian(random)),
  W2: layer(4, 4),
  b2: Float64Array.from({ length: 4 }, () => 0.1 * gaussian(random)),
  W3: layer(3, 4),
  b3: Float64Array.from({ length: 3 }, () => 0.1 * gaussian(random)),
};
const x = Float64Array.from({ length: sizes[0]! }, () => gaussian(random));
const label = 1;

const affine = (W: Matrix, b: Float64Array, a: Float64Array) =>
  Float64Array.from({ length: W.rows }, (_, i) => b[i]! + a.reduce((s, aj, j) => s + W.data[i * W.cols + j]! * aj, 0));
const relu = (z: Float64Array) => z.map((q) => Math.max(0, q));

function forward(p: Mlp) {
  const z1 = affine(p.W1, p.b1, x),
    a1 = relu(z1);
  const z2 = affine(p.W2, p.b2, a1),
    a2 = relu(z2);
  const z3 = affine(p.W3, p.b3, a2);
  const max = Math.max(...z3);
  const logSum = max + Math.log(z3.reduce((s, q) => s + Math.exp(q - max), 0));
  return { z1, a1, z2, a2, z3, J: logSum - z3[label]! };
}

/** Backprop; `reluPrime: false` plants the classic slip, δ without the (z > 0) factor. */
function backprop(p: Mlp, reluPrime = true) {
  const { z1, a1, z2, a2, z3 } = forward(p);
  const soft = z3.map((q) => Math.exp(q - Math.max(...z3)));
  const total = soft.reduce((s, q) => s + q, 0);
  const d3 = soft.map((q, k) => q / total - (k === label ? 1 : 0));
  const back = (W: Matrix, d: Float64Array, z: Float64Array) =>
    Float64Array.from(
      { length: W.cols },
      (_, j) => d.reduce((s, dk, k) => s + W.data[k * W.cols + j]! * dk, 0) * (!reluPrime || z[j]! > 0 ? 1 : 0),
    );
  const d2 = back(p.W3, d3, z2),
    d1 = back(p.W2, d2, z1);
  const outer = (d: Float64Array, a: Float64Array): Matrix => ({
    rows: d.length,
    cols: a.length,
    data: Float64Array.from({ length: d.length * a.length }, (_, q) => d[Math.floor(q / a.length)]! * a[q % a.length]!),
  });
  return { W1: outer(d1, x), b1: d1, W2: outer(d2, a1), b2: d2, W3: outer(d3, a2), b3: d3 };
}

describe("checkParameters: named tensors, entries reported by name and index", () => {
  it("passes the MLP's right gradient", () => {
    const c = checkParameters(
      (p: Mlp) => forward(p).J,
      (p) => backprop(p),
      params,
    );
    expect(c.passed, renderComparison(c).join("\n")).toBe(true);
    expect(c.entries).toBe(4 * 3 + 4 + 4 * 4 + 4 + 3 * 4 + 3);
  });

  it("names the wrong entries of a missing relu derivative as W1[i,j], b1[i]", () => {
    const c = checkParameters(
      (p: Mlp) => forward(p).J,
      (p) => backprop(p, false),
      params,
    );
    expect(c.passed).toBe(false);
    const labels = c.compared.filter((r) => r.verdict === "fail").map((r) => r.label);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => /^(W1\[\d,\d\]|b1\[\d\]|W2\[\d,\d\]|b2\[\d\])$/.test(l))).toBe(true);
    expect(renderComparison(c).join("\n")).not.toMatch(/layer|Θ/);
  });

  it("takes a list of tensors, rows of numbers and scalars, each in its own form", () => {
    const seen: string[] = [];
    const f = ([M, v, s]: readonly [number[][], number[], number]) => {
      seen.push(`${Array.isArray(M[0])} ${Array.isArray(v)} ${typeof s}`);
      return M[0]![1]! * v[0]! + s * s;
    };
    const g = ([M, v, s]: readonly [number[][], number[], number]) => [
      [
        [0, v[0]!],
        [0, 0],
      ],
      [M[0]![1]!],
      2 * s,
    ];
    const c = checkParameters(f, g, [
      [
        [1, 2],
        [3, 4],
      ],
      [5],
      0.5,
    ] as const);
    expect(c.passed).toBe(true);
    expect(c.compared.map((r) => r.label)).toEqual(["[0][0,0]", "[0][0,1]", "[0][1,0]", "[0][1,1]", "[1][0]", "[2]"]);
    expect(new Set(seen)).toEqual(new Set(["true true number"]));
  });

  it("a gradient of another shape is named: W2 transposed", () => {
    const transposed = (p: Mlp) => {
      const g = backprop(p);
      return { ...g, W3: { rows: g.W3.cols, cols: g.W3.rows, data: g.W3.data } };
    };
    const c = checkParameters((p: Mlp) => forward(p).J, transposed, params);
    expect(c.findings).toEqual([{ kind: "wrong-shape", expected: "W3: 3×4", actual: "W3: 4×3" }]);
  });
});
