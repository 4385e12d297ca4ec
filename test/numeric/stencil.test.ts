import { describe, expect, it } from "vitest";
import { backwardFdm, centralFdm, forwardFdm, stepFor } from "../../src/numeric/index.ts";

describe("stencils", () => {
  it("central 3-point is (f(x+h) − f(x−h)) / 2h, second order, error h²·f'''/6", () => {
    const s = centralFdm(3);
    expect(s.grid).toEqual([-1, 0, 1]);
    expect(s.coefs.map((c) => c + 0)).toEqual([-0.5, 0, 0.5]);
    expect(s.order).toBe(2);
    expect(s.truncationConstant).toBeCloseTo(1 / 6, 14);
    expect(s.symmetric).toBe(true);
  });

  it("central 5-point has the textbook weights and fourth order", () => {
    const s = centralFdm(5);
    [1 / 12, -2 / 3, 0, 2 / 3, -1 / 12].forEach((c, k) => expect(s.coefs[k]).toBeCloseTo(c, 14));
    expect(s.order).toBe(4);
  });

  it("one-sided stencils are first order with the opposite signs", () => {
    expect(forwardFdm(2).coefs).toEqual([-1, 1]);
    expect(forwardFdm(2).order).toBe(1);
    expect(backwardFdm(2).coefs).toEqual([-1, 1]);
    expect(backwardFdm(2).grid).toEqual([-1, 0]);
  });

  it("rejects even central grids", () => expect(() => centralFdm(4)).toThrow(RangeError));

  it("steps are powers of two, scaled by max(1, |x|), near the round-off/truncation optimum", () => {
    const h1 = stepFor(centralFdm(3), 0.3, 8 * Number.EPSILON),
      h2 = stepFor(centralFdm(3), 1000, 8 * Number.EPSILON);
    expect(Number.isInteger(Math.log2(h1))).toBe(true);
    expect(h2 / h1).toBeGreaterThan(500);
    expect(h1).toBeGreaterThan(5e-6);
    expect(h1).toBeLessThan(5e-5);
  });
});
