import { describe, expect, it } from "vitest";
import { checkGradient } from "../../src/check/checkGradient.ts";
import { renderComparison } from "../../src/check/renderComparison.ts";
import { fixedStepTolerance } from "../../src/check/precision.ts";
import { toleranceOf } from "../../src/check/Tolerance.ts";

/** f(x) = sin(x₀)·exp(x₁), the issue's example: its step-h central difference errs by ≈ h²/6 of f'''. */
const f = (x: Float64Array) => Math.sin(x[0]!) * Math.exp(x[1]!);
const gradient = (x: Float64Array) => [Math.cos(x[0]!) * Math.exp(x[1]!), Math.sin(x[0]!) * Math.exp(x[1]!)];
const scaled = (s: number) => (x: Float64Array) => gradient(x).map((g) => g * s);
const x = [0.4, 0.3];

describe("a fixed eps is held to atol and rtol, not loosened by its own error", () => {
  it("eps = 0.5 fails an all-zero gradient (its error bound is reported beside, not added)", () => {
    const c = checkGradient(f, () => [0, 0], x, { eps: 0.5 });
    expect(c.passed).toBe(false);
    expect(c.failed).toBe(2);
    expect(c.tolerance).toMatchObject(fixedStepTolerance);
    const worst = c.worst[0]!;
    expect(worst.tolerance).toBeCloseTo(1e-5 + 1e-3 * Math.abs(worst.expected), 12);
    expect(worst.errorBound).toBeGreaterThan(worst.tolerance);
    expect(renderComparison(c).join("\n")).toMatch(/tolerance: \|a − n\| ≤ 1e-3·\|n\| \+ 1e-5 .*reported beside, not added[\s\S]*fd error/);
  });

  it("a larger eps makes the check stricter, as in PyTorch: eps = 0.1 fails a 1 % error that eps = 1e-6 also fails", () => {
    expect(checkGradient(f, scaled(1.01), x, { eps: 0.1 }).passed).toBe(false);
    expect(checkGradient(f, scaled(1.01), x, { eps: 1e-6 }).passed).toBe(false);
    expect(checkGradient(f, gradient, x, { eps: 1e-6 }).passed).toBe(true);
  });

  it("honours a stated atol and rtol with a fixed eps", () => {
    expect(checkGradient(f, gradient, x, { eps: 0.5 }).passed).toBe(false);
    expect(checkGradient(f, gradient, x, { eps: 0.5, tolerance: { rtol: 0.1 } }).passed).toBe(true);
  });
});

describe("the adaptive mode keeps its error model, capped relative to |n|", () => {
  it("the worked example of docs/checker.md: n = 2, e = 0.05", () => {
    const t = { safety: 4, rtol: 1e-8, atol: 1e-11, cap: 0.01 };
    // 4·e = 0.2 would pass a 10 % error; the cap lets the error model vouch for 0.01·|n| = 0.02 at most.
    expect(toleranceOf(t, 2, 0.05)).toBeCloseTo(0.02 + 2e-8 + 1e-11, 15);
    expect(toleranceOf(t, 2, 1e-13)).toBeCloseTo(4e-13 + 2e-8 + 1e-11, 20);
  });

  it("the default check still passes the right gradient and fails a 1e-6 relative error", () => {
    expect(checkGradient(f, gradient, x).passed).toBe(true);
    expect(checkGradient(f, scaled(1 + 1e-6), x).passed).toBe(false);
  });
});
