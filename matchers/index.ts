/// <reference types="vitest" preserve="true" />
/**
 * gradcheck's vitest matchers: `import "gradcheck/vitest"` in a test file (or a setupFiles
 * entry) registers them. A failure message is the checker's own report: every failing entry
 * with its expected and actual value, |a − n| and the tolerance, or for an nnCostFunction the
 * shrunk counterexample and the diagnosed mistake.
 */
import { expect } from "vitest";
import { checkGradient, type GradientCheckOptions } from "../src/check/checkGradient.ts";
import { renderComparison } from "../src/check/renderComparison.ts";
import { checkNnCostFunction } from "../src/judge/checkNnCostFunction.ts";
import type { SubmissionCheckOptions } from "../src/judge/checkImplementation.ts";
import type { NnCostFunction } from "../src/mistakes/NnCostFunction.ts";
import type { ScalarFunction } from "../src/numeric/Increments.ts";
import { renderCheckReport } from "../src/report/renderCheckReport.ts";
import { checkExitCode } from "../src/report/checkExitCode.ts";

export interface GradcheckMatchers<R = unknown> {
  /** `expect(f).toHaveGradient(gradient, x, options?)`: gradient(x) matches finite differences of f at x, entry by entry. */
  toHaveGradient(gradient: (x: Float64Array) => unknown, x: ArrayLike<number>, options?: GradientCheckOptions): R;
  /** `await expect(nnCostFunction).toPassGradcheck(options?)`: J and ∂J/∂Θ right on random networks, as `gradcheck check` judges. */
  toPassGradcheck(options?: SubmissionCheckOptions): Promise<R>;
}

declare module "vitest" {
  interface Assertion<T = any> extends GradcheckMatchers<T> {}
  interface AsymmetricMatchersContaining extends Omit<GradcheckMatchers, "toPassGradcheck"> {}
}

expect.extend({
  toHaveGradient(received: unknown, gradient: (x: Float64Array) => unknown, x: ArrayLike<number>, options?: GradientCheckOptions) {
    if (typeof received !== "function") return { pass: false, message: () => `expected a function f(x) → number, got ${typeof received}` };
    const c = checkGradient(received as ScalarFunction, gradient, x, options);
    return {
      pass: c.passed,
      message: () =>
        (c.passed ? `expected the gradient to differ from finite differences of f, but:\n` : `gradient check of f at x:\n`) +
        renderComparison(c).join("\n"),
    };
  },

  async toPassGradcheck(received: unknown, options?: SubmissionCheckOptions) {
    if (typeof received !== "function")
      return { pass: false, message: () => `expected an nnCostFunction(params, layerSizes, X, y, lambda), got ${typeof received}` };
    const report = await checkNnCostFunction(received as NnCostFunction, options);
    const replay = `seed ${report.seed}, ${report.runs} runs`;
    const text = () => renderCheckReport(report, replay).join("\n");
    switch (report.outcome) {
      case "passed":
        return { pass: true, message: () => `expected the nnCostFunction to fail gradcheck, but:\n${text()}` };
      case "not-loaded":
      case "too-slow":
      case "probe-failed":
      case "failed":
        // A function that cannot be called as asked (the exit code 2 of `gradcheck check`) neither
        // passes nor "does not pass": the assertion fails whichever way it was asked.
        if (checkExitCode(report) === 2) throw new Error(`could not run the check:\n${text()}`);
        return { pass: false, message: text };
    }
  },
});
