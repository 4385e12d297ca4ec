import type { EntryReport } from "./EntryReport.ts";

/** Everything a check can find, as data. A closed union: renderers switch on `kind`. */
export type Finding =
  | { readonly kind: "wrong-entries"; readonly count: number; readonly worst: readonly EntryReport[] }
  | { readonly kind: "not-differentiable"; readonly count: number; readonly entries: readonly EntryReport[] }
  | {
      readonly kind: "non-finite-gradient";
      readonly count: number;
      readonly entries: readonly { index: number; label: string; value: number }[];
    }
  | {
      readonly kind: "non-finite-numerical";
      readonly count: number;
      readonly entries: readonly { index: number; label: string; value: number }[];
    }
  | { readonly kind: "wrong-length"; readonly expected: number; readonly actual: number }
  | { readonly kind: "not-a-gradient"; readonly received: string }
  | { readonly kind: "not-scalar"; readonly received: string }
  | { readonly kind: "threw"; readonly during: "gradient" | "cost"; readonly message: string };

export type FindingKind = Finding["kind"];

export interface FindingInfo {
  readonly title: string;
  readonly explanation: string;
  readonly hint: string;
  /** whether this finding fails the check */
  readonly fails: boolean;
}

/** The one table the checker's report, the CLI and the docs all read. */
export const findingInfo: Readonly<Record<FindingKind, FindingInfo>> = {
  "wrong-entries": {
    title: "Gradient entries differ from finite differences",
    explanation: "These entries of the analytic gradient lie outside the tolerance around the finite-difference estimate.",
    hint: "Look at the worst entries' layer and column: a whole layer wrong points at its δ, only weights (not the bias column) at the regulariser, one column at the input.",
    fails: true,
  },
  "not-differentiable": {
    title: "Not differentiable here",
    explanation:
      "Perturbing these entries crosses a kink of the function (e.g. relu at z = 0), so no derivative exists to compare against.",
    hint: "Not a failure. Move the point (another seed or Θ) to check these entries.",
    fails: false,
  },
  "non-finite-gradient": {
    title: "The gradient has NaN or infinite entries",
    explanation: "The analytic gradient returned values that are not finite numbers.",
    hint: "Look for log(0), 0/0 or an overflowing exp in the cost or its derivative.",
    fails: true,
  },
  "non-finite-numerical": {
    title: "The cost is not finite near the point",
    explanation: "Finite differences of the cost gave NaN or infinity for these entries; they could not be checked.",
    hint: "The cost overflows or is undefined near this point; evaluate it stably (e.g. softplus(z) − y·z for cross-entropy).",
    fails: true,
  },
  "wrong-length": {
    title: "The gradient has the wrong length",
    explanation: "The gradient must have one entry per parameter.",
    hint: "Unroll every Θ⁽ˡ⁾ (bias column included) in order, row-major.",
    fails: true,
  },
  "not-a-gradient": {
    title: "The gradient is not an array of numbers",
    explanation: "The value returned for the gradient is not array-like.",
    hint: "Return an array or Float64Array with one number per parameter.",
    fails: true,
  },
  "not-scalar": {
    title: "f returned an array, not a number",
    explanation: "A gradient check needs f: ℝⁿ → ℝ; this f is vector-valued, so it has a Jacobian, not a gradient.",
    hint: "Check it with checkJacobian (given the Jacobian), checkVjp (given a vector–Jacobian product) or checkJvp (given a Jacobian–vector product).",
    fails: true,
  },
  threw: {
    title: "The function threw",
    explanation: "Computing the gradient or the cost raised an exception.",
    hint: "Run the function on the same input to see the stack trace.",
    fails: true,
  },
};
