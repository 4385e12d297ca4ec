import { checkGradient, type GradientCheckOptions } from "./checkGradient.ts";
import type { GradientComparison } from "./compareGradients.ts";
import { renderComparison } from "./renderComparison.ts";
import type { ScalarFunction } from "../numeric/index.ts";

export class GradientCheckError extends Error {
  constructor(readonly comparison: GradientComparison) {
    super(renderComparison(comparison).join("\n"));
    this.name = "GradientCheckError";
  }
}

/** checkGradient that throws the rendered report when the check fails (the thin wrapper for test suites). */
export function assertGradient(
  f: ScalarFunction,
  gradient: (x: Float64Array) => unknown,
  x: ArrayLike<number>,
  options: GradientCheckOptions = {},
): void {
  const c = checkGradient(f, gradient, x, options);
  if (!c.passed) throw new GradientCheckError(c);
}
