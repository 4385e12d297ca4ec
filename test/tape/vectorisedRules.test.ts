import { describe, expect, it } from "vitest";
import type { Matrix } from "../../src/linalg/Matrix.ts";
import { sigmoid } from "../../src/network/activation.ts";
import { softplus } from "../../src/network/cost.ts";
import { rng } from "../../src/numeric/random.ts";
import { unary } from "../../src/tape/elementwise.ts";
import { rules } from "../../src/tape/rules.ts";

/**
 * exp, σ and softplus take large operands through the vector kernel. Each must give the
 * forward values and the vector–Jacobian products of the same rule written entry by entry,
 * bit for bit, in every regime (tiny, ordinary, saturated, overflowing, infinite).
 */
const scalarRules = {
  exp: unary(Math.exp, (_x, y) => y),
  sigmoid: unary(sigmoid, (_x, y) => y * (1 - y)),
  softplus: unary(softplus, (x) => sigmoid(x)),
};

function operand(seed: number): Matrix {
  const random = rng(seed);
  const scales = [1e-12, 0.5, 3, 40, 710, 800];
  const data = Float64Array.from({ length: 300 }, (_, q) => (2 * random() - 1) * scales[q % scales.length]);
  data.set([Infinity, -Infinity, 0, -0], 0);
  return { rows: 30, cols: 10, data };
}

const same = (a: Float64Array, b: Float64Array) => a.every((v, q) => Object.is(v, b[q]));

describe("the tape's vectorised rules, bit for bit their entry-by-entry forms", () => {
  it.each(Object.keys(scalarRules) as Array<keyof typeof scalarRules>)("%s: forward and vjp", (op) => {
    const x = operand(op.length);
    const run = (rule: (typeof rules)[typeof op]) => {
      const out: Matrix = { rows: x.rows, cols: x.cols, data: new Float64Array(x.data.length) };
      rule.forward([x], out, []);
      const g = Float64Array.from(x.data, (_, q) => 1 + (q % 7) / 8);
      const dx = new Float64Array(x.data.length).fill(0.25);
      rule.vjp(g, [x], out, [dx], []);
      return { out: out.data, dx };
    };
    const vector = run(rules[op]),
      scalar = run(scalarRules[op]);
    expect(same(vector.out, scalar.out)).toBe(true);
    expect(same(vector.dx, scalar.dx)).toBe(true);
  });
});
