import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceCases } from "../../src/cli/builtinCases.ts";
import { gemm, type View } from "../../src/linalg/gemm.ts";
import { view } from "../../src/linalg/products.ts";
import { sigmoid } from "../../src/network/activation.ts";
import { unary } from "../../src/tape/elementwise.ts";
import { rules, type Rules } from "../../src/tape/rules.ts";
import { tapeBackprop } from "../../src/backprop/tapeBackprop.ts";
import { runs } from "../helpers/tape/arbitraries.ts";
import { networkProperty, opProperty } from "../helpers/tape/forwardMode.ts";
import { expressionTreeProperty, unaryRuleProperty } from "../helpers/tape/mathjsChecks.ts";
import { opCases } from "../helpers/tape/opCases.ts";

/**
 * Meta-tests: plant a wrong rule in the tape and require the cross-checks to notice. A check
 * that passes with a wrong rule in place proves nothing.
 */
const base: Rules = rules;
const rowMajor = (data: Float64Array, cols: number): View => ({ data, offset: 0, rs: cols, cs: 1 });

/** σ'(z) written as σ(z) instead of σ(z)(1 − σ(z)). */
const sigmoidPrimeIsSigmoid: Rules = { ...rules, sigmoid: unary(sigmoid, (_x, y) => y) };

/** matmul's Ā += Ȳ·Bᵀ with the transpose forgotten: Ā += Ȳ·B. */
const matmulWithoutTranspose: Rules = {
  ...rules,
  matmul: {
    ...rules.matmul,
    vjp(G, [A, B], Y, [dA, dB]) {
      if (dA) gemm(A.rows, A.cols, Y.cols, rowMajor(G, Y.cols), view(B), rowMajor(dA, A.cols), true);
      base.matmul.vjp(G, [A, B], Y, [null, dB], []);
    },
  },
};

/** affine's W̄ += Z̄ᵀ·A with the transpose forgotten (reading Z̄ as if it were already r×m). */
const affineWithoutTranspose: Rules = {
  ...rules,
  affine: {
    ...rules.affine,
    vjp(G, [A, T], Z, [dA, dT]) {
      base.affine.vjp(G, [A, T], Z, [dA, null], []);
      if (!dT) return;
      const r = T.rows,
        tc = T.cols;
      gemm(r, A.cols, Z.rows, rowMajor(G, Z.rows), view(A), { data: dT, offset: 1, rs: tc, cs: 1 }, true);
      for (let i = 0; i < Z.rows; i++) for (let k = 0; k < r; k++) dT[k * tc] += G[i * r + k];
    },
  },
};

const fails = (property: fc.IProperty<any>, seed: number, numRuns = 60) => fc.check(property, runs(seed, numRuns)).failed;
const opCase = (name: string) => opCases.find((c) => c.name === name)!;

describe("a planted sigmoid' = σ is caught", () => {
  it("by the mathjs rule check", () => expect(fails(unaryRuleProperty(sigmoidPrimeIsSigmoid, "sigmoid"), 100)).toBe(true));
  it("by the mathjs expression trees", () => expect(fails(expressionTreeProperty(sigmoidPrimeIsSigmoid), 300, 300)).toBe(true));
  it("by forward mode on the op", () => expect(fails(opProperty(sigmoidPrimeIsSigmoid, opCase("sigmoid")), 401)).toBe(true));
  it("by forward mode on random networks", () => expect(fails(networkProperty(sigmoidPrimeIsSigmoid), 600)).toBe(true));
  it("by the reference fixtures", () => {
    const c = referenceCases().find((c) => c.hiddenActivation === "sigmoid")!;
    const wrong = tapeBackprop(c, c.theta, sigmoidPrimeIsSigmoid).grad;
    const worst = Math.max(...wrong.flatMap((G, l) => Array.from(G.data, (g, q) => Math.abs(g - c.expected!.grad[l].data[q]))));
    expect(worst).toBeGreaterThan(1e-6);
  });
  it("while the correct rules pass the same checks", () => {
    expect(fails(unaryRuleProperty(rules, "sigmoid"), 100)).toBe(false);
    expect(fails(networkProperty(rules), 600)).toBe(false);
  });
});

describe("a planted matmul rule without its transpose is caught", () => {
  it("by forward mode on matmul", () => expect(fails(opProperty(matmulWithoutTranspose, opCase("matmul")), 400)).toBe(true));
  it("even when every shape is square (no out-of-range read to give it away)", () => {
    const square = {
      ...opCase("matmul"),
      shapes: (_r: number, k: number) =>
        [
          [k, k],
          [k, k],
        ] as [number, number][],
    };
    expect(fails(opProperty(matmulWithoutTranspose, square), 402)).toBe(true);
  });
  it("and the same for the network's fused product: by forward mode on random networks", () =>
    expect(fails(networkProperty(affineWithoutTranspose), 600)).toBe(true));
  it("while the correct rule passes", () => expect(fails(opProperty(rules, opCase("matmul")), 400)).toBe(false));
});
