import { describe, expect, it } from "vitest";
import { checkGradient } from "../../src/check/checkGradient.ts";
import { checkHessian, checkJacobian } from "../../src/check/checkJacobian.ts";
import { checkHvp, checkJvp, checkVjp } from "../../src/check/checkProducts.ts";
import { renderComparison } from "../../src/check/renderComparison.ts";
import { sigmoid } from "../../src/network/activation.ts";
import { assertGradcheck, gradcheck } from "../../src/check/gradcheck.ts";
import { unary } from "../../src/tape/elementwise.ts";
import { rules, type Rules } from "../../src/tape/rules.ts";
import { constant, type Value } from "../../src/tape/Value.ts";
import { GradientCheckError } from "../../src/check/assertGradient.ts";
import { fromRows } from "../../src/linalg/Matrix.ts";

/** softmax: ℝⁿ → ℝⁿ, the standard vector-valued test function; J = diag(s) − s·sᵀ. */
function softmax(x: Float64Array): Float64Array {
  const max = Math.max(...x);
  const e = x.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}
const softmaxJacobian = (x: Float64Array) => {
  const s = softmax(x);
  return Array.from(s, (sk, k) => Array.from(s, (si, i) => (k === i ? sk : 0) - sk * si));
};
/** A planted bug: the Jacobian of the log-softmax's cousin, diag(s) without the −s·sᵀ term. */
const softmaxJacobianDiagonalOnly = (x: Float64Array) => {
  const s = softmax(x);
  return Array.from(s, (sk, k) => Array.from(s, (_si, i) => (k === i ? sk : 0)));
};
const x = Float64Array.from([0.3, -1.2, 0.8, 2.0]);

/** f(x) = Σ x_i³ + x₀x₁: gradient 3x_i² + (x₁, x₀, 0, …), Hessian diag(6x_i) + the x₀x₁ pair. */
const cubic = (v: Float64Array) => v.reduce((s, q) => s + q ** 3, 0) + v[0]! * v[1]!;
const cubicGradient = (v: Float64Array) => v.map((q, i) => 3 * q * q + (i === 0 ? v[1]! : i === 1 ? v[0]! : 0));
const cubicHessian = (v: Float64Array) =>
  Array.from(v, (qi, i) => Array.from(v, (_qj, j) => (i === j ? 6 * qi : 0) + ((i === 0 && j === 1) || (i === 1 && j === 0) ? 1 : 0)));

describe("checks for any function", () => {
  it("a vector-valued f given to checkGradient is reported as such, not as NaN entries", () => {
    const r = checkGradient(softmax as unknown as (v: Float64Array) => number, () => [0, 0, 0, 0], x);
    expect(r.passed).toBe(false);
    expect(r.findings).toEqual([{ kind: "not-scalar", received: "a Float64Array of 4" }]);
    expect(renderComparison(r).join("\n")).toMatch(/f returned an array, not a number: got a Float64Array of 4[\s\S]*checkJacobian/);
  });

  it("checkJacobian passes softmax's Jacobian and catches a planted wrong one, naming the entry", () => {
    expect(checkJacobian(softmax, softmaxJacobian, x).passed).toBe(true);
    const wrong = checkJacobian(softmax, softmaxJacobianDiagonalOnly, x);
    expect(wrong.passed).toBe(false);
    expect(wrong.failed).toBe(16);
    expect(wrong.worst[0]!.label).toMatch(/^∂f\[\d\]\/∂x\[\d\]$/);
    const transposed = checkJacobian(
      (v) => [v[0]! * v[1]!, v[1]! ** 2, Math.sin(v[0]!)],
      (v) => [
        [v[1]!, 2 * v[1]!, Math.cos(v[0]!)],
        [v[0]!, 0, 0],
      ],
      [0.4, 1.3],
    );
    expect(transposed.passed).toBe(false);
  });

  it("a Jacobian of the wrong shape is a finding with the shapes, not a crash", () => {
    const r = checkJacobian(softmax, () => [[1, 2, 3]], x);
    expect(r.findings).toEqual([{ kind: "wrong-shape", expected: "4×4 (m = 4 outputs, n = 4 inputs)", actual: "1 rows" }]);
  });

  it("checkVjp and checkJvp pass the true products and catch the planted ones", () => {
    const J = (v: Float64Array) => softmaxJacobian(v);
    const vjp = (v: Float64Array, u: Float64Array) => Array.from(v, (_q, i) => J(v).reduce((s, row, k) => s + u[k]! * row[i]!, 0));
    const jvp = (v: Float64Array, d: Float64Array) => J(v).map((row) => row.reduce((s, Jki, i) => s + Jki * d[i]!, 0));
    expect(checkVjp(softmax, vjp, x).passed).toBe(true);
    expect(checkJvp(softmax, jvp, x).passed).toBe(true);
    // The classic slip: a VJP computed as J·u instead of uᵀJ (softmax's J is symmetric, so use an asymmetric f).
    const g = (v: Float64Array) => [v[0]! * v[1]!, v[1]! ** 3];
    const gVjpTransposed = (v: Float64Array, u: Float64Array) => [v[1]! * u[0]! + v[0]! * u[1]!, 3 * v[1]! ** 2 * u[1]!];
    const r = checkVjp(g, gVjpTransposed, [0.7, -1.1]);
    expect(r.passed).toBe(false);
    expect(r.directions.length).toBe(2);
    expect(checkJvp(g, (v, d) => [v[1]! * d[0]!, 3 * v[1]! ** 2 * d[0]!], [0.7, -1.1]).passed).toBe(false);
  });

  it("checkHessian and checkHvp against finite differences of the gradient, planted errors caught", () => {
    const p = [0.5, -0.7, 1.1];
    expect(checkHessian(cubicGradient, cubicHessian, p).passed).toBe(true);
    const missingCross = (v: Float64Array) => Array.from(v, (qi, i) => Array.from(v, (_qj, j) => (i === j ? 6 * qi : 0)));
    const r = checkHessian(cubicGradient, missingCross, p);
    expect(r.passed).toBe(false);
    expect(r.worst.map((e) => e.label).sort()).toEqual(expect.arrayContaining(["H[0,1]", "H[1,0]"]));
    const hvp = (v: Float64Array, d: Float64Array) => cubicHessian(v).map((row) => row.reduce((s, h, j) => s + h * d[j]!, 0));
    expect(checkHvp(cubicGradient, hvp, p).passed).toBe(true);
    expect(checkHvp(cubicGradient, (v, d) => hvp(v, d).map((q) => 1.01 * q), p).passed).toBe(false);
  });

  it("an explicit eps uses central differences at that step, and a poor eps shows in the error bound", () => {
    const auto = checkGradient(cubic, cubicGradient, [0.5, -0.7, 1.1]);
    const fixed = checkGradient(cubic, cubicGradient, [0.5, -0.7, 1.1], { eps: 1e-6 });
    expect(auto.passed && fixed.passed).toBe(true);
    const coarse = checkGradient(cubic, cubicGradient, [0.5, -0.7, 1.1], { eps: 1e-2 });
    expect(Math.max(...coarse.worst.map((e) => e.errorBound))).toBeGreaterThan(Math.max(...fixed.worst.map((e) => e.errorBound)));
    expect(() => checkGradient(cubic, cubicGradient, [1], { eps: 0 })).toThrow(/eps must be a positive finite step, got 0/);
  });
});

describe("gradcheck over tape ops", () => {
  const X = fromRows([
    [0.5, 1.2],
    [-1.0, 0.3],
    [2.0, -0.7],
  ]);
  const y = fromRows([[1], [0], [1]]);
  const J = (theta: Value) => {
    const h = constant(X).affine(theta).sigmoid();
    const one = constant(1);
    return constant(y)
      .mul(h.log())
      .add(one.sub(constant(y)).mul(one.sub(h).log()))
      .sum()
      .div(-3);
  };

  it("passes a cost written with tape ops, from a matrix or from plain numbers", () => {
    expect(gradcheck(J, fromRows([[0.1, -0.2, 0.3]])).passed).toBe(true);
    expect(gradcheck(J, [0.1, -0.2, 0.3]).passed).toBe(true);
  });

  it("catches a planted wrong rule (σ' = σ), and assertGradcheck throws the per-entry report", () => {
    const wrong: Rules = { ...rules, sigmoid: unary(sigmoid, (_x, s) => s) };
    const r = gradcheck(J, [0.1, -0.2, 0.3], { rules: wrong });
    expect(r.passed).toBe(false);
    expect(r.failed).toBe(3);
    expect(() => assertGradcheck(J, [0.1, -0.2, 0.3], { rules: wrong })).toThrow(GradientCheckError);
    expect(() => assertGradcheck(J, [0.1, -0.2, 0.3], { rules: wrong })).toThrow(
      /FAIL: 3 entries compared, 3 outside tolerance, 0 set aside/,
    );
  });

  it("a non-scalar f is a finding", () => {
    const r = gradcheck((t) => t.square(), [1, 2]);
    expect(r.findings).toEqual([{ kind: "not-scalar", received: "a 1×2 value" }]);
  });
});
