import { describe, expect, it } from "vitest";
import "../../matchers/index.ts";
import { mistakes } from "../../src/mistakes/mistakes.ts";
import { referenceNnCostFunction } from "../../src/mistakes/referenceNnCostFunction.ts";

const f = (x: Float64Array) => Math.sin(x[0]!) * x[1]! + x[1]! ** 2;
const gradient = (x: Float64Array) => [Math.cos(x[0]!) * x[1]!, Math.sin(x[0]!) + 2 * x[1]!];

describe("gradcheck/vitest matchers", () => {
  it("toHaveGradient passes a right gradient and fails a wrong one with the per-entry report", () => {
    expect(f).toHaveGradient(gradient, [0.4, -1.3]);
    const wrong = (x: Float64Array) => [Math.cos(x[0]!) * x[1]!, Math.sin(x[0]!) + x[1]!];
    expect(() => expect(f).toHaveGradient(wrong, [0.4, -1.3])).toThrow(
      /FAIL: 2 entries compared, 1 outside tolerance[\s\S]*tolerance: \|a − n\|[\s\S]*\[1\] +-2.2105816/,
    );
    expect(f).not.toHaveGradient(wrong, [0.4, -1.3]);
  });

  it("toHaveGradient does not pass an all-zero gradient of a float32 loss (its rounding is measured, not taken for kinks)", () => {
    const f32 = (x: Float64Array) =>
      Math.fround(Math.fround(Math.log1p(Math.exp(Math.fround(0.3 * x[0]! - 1.7 * x[1]!)))) + Math.fround(0.5 * x[0]! ** 2));
    expect(f32).not.toHaveGradient(() => [0, 0], [0.3, -0.2]);
    expect(() => expect(f32).toHaveGradient(() => [0, 0], [0.3, -0.2])).toThrow(/FAIL[\s\S]*precision: float32 \(measured\)/);
  });

  it("toHaveGradient on a vector-valued f says so", () => {
    const softmaxish = (x: Float64Array) => [x[0]!, x[1]!];
    expect(() => expect(softmaxish).toHaveGradient(() => [1, 1], [0, 0])).toThrow(/f returned an array, not a number/);
  });

  it("toPassGradcheck passes the reference nnCostFunction and fails a known mistake with the diagnosis", async () => {
    await expect(referenceNnCostFunction).toPassGradcheck({ runs: 20 });
    await expect(expect(mistakes["lambda-not-divided-by-m"]).toPassGradcheck({ runs: 20 })).rejects.toThrow(
      /minimal counterexample[\s\S]*lambda-not-divided-by-m/,
    );
  });
});
