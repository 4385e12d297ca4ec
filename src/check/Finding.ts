import type { EntryReport } from "./EntryReport.ts";

type NamedValue = { index: number; label: string; value: number };

/** Everything a check can find, as data. A closed union: renderers switch on `kind`. */
export type Finding =
  | { readonly kind: "wrong-entries"; readonly count: number; readonly worst: readonly EntryReport[] }
  | { readonly kind: "not-differentiable"; readonly count: number; readonly entries: readonly EntryReport[] }
  | { readonly kind: "too-noisy"; readonly count: number; readonly entries: readonly EntryReport[] }
  | {
      readonly kind: "too-few-compared";
      /** entries with finite values on both sides */
      readonly entries: number;
      /** of those, judged pass or fail */
      readonly judged: number;
      readonly notDifferentiable: number;
      readonly tooNoisy: number;
      /** the largest share of entries that may be set aside */
      readonly maxSetAside: number;
      /** the function's measured noise relative to |f|, when measured */
      readonly relativeNoise: number | null;
    }
  | { readonly kind: "non-finite-gradient"; readonly count: number; readonly entries: readonly NamedValue[] }
  | { readonly kind: "non-finite-numerical"; readonly count: number; readonly entries: readonly NamedValue[] }
  | { readonly kind: "non-finite-value"; readonly value: number }
  | { readonly kind: "bad-point"; readonly received: string }
  | { readonly kind: "wrong-length"; readonly expected: number; readonly actual: number }
  | { readonly kind: "wrong-shape"; readonly expected: string; readonly actual: string }
  | { readonly kind: "not-a-gradient"; readonly received: string }
  | { readonly kind: "not-scalar"; readonly received: string }
  | { readonly kind: "not-reproducible"; readonly label: string; readonly first: number; readonly second: number; readonly allowed: number }
  | { readonly kind: "threw"; readonly during: "gradient" | "cost"; readonly message: string };

export type FindingKind = Finding["kind"];

export interface FindingInfo {
  readonly title: string;
  readonly explanation: string;
  /** what to do, in the words of any function of x */
  readonly hint: string;
  /** the same for a network's cost, when the entries are Θ⁽ˡ⁾'s (reports without locations never show it) */
  readonly networkHint?: string;
  /** whether this finding fails the check */
  readonly fails: boolean;
}

/** The one table the checker's report, the CLI and the docs all read. */
export const findingInfo: Readonly<Record<FindingKind, FindingInfo>> = {
  "wrong-entries": {
    title: "Gradient entries differ from finite differences",
    explanation: "These entries of the analytic gradient lie outside the tolerance around the finite-difference estimate.",
    hint: "Compare the worst entries' actual and expected values: a sign flip, a factor such as 2 or ½, or zeros where a term is missing each show in the ratio actual/expected.",
    networkHint:
      "Look at the worst entries' layer and column: a whole layer wrong points at its δ, only weights (not the bias column) at the regulariser, one column at the input.",
    fails: true,
  },
  "not-differentiable": {
    title: "Not differentiable here",
    explanation:
      "Perturbing these entries crosses a kink of the function (e.g. relu at 0, |x| at 0), so no derivative exists to compare against.",
    hint: "Set aside, not judged. Move the point (another x or seed) to check these entries.",
    fails: false,
  },
  "too-noisy": {
    title: "Too noisy to decide",
    explanation:
      "The finite-difference error of these entries is larger than the cap allows relative to |n|: the analytic value is neither clearly right nor clearly wrong.",
    hint: 'Set aside, not judged. Pass the function\'s precision (precision: "float32"), or evaluate f more accurately.',
    fails: false,
  },
  "too-few-compared": {
    title: "Too few entries compared to decide",
    explanation: "The check set aside more than its stated share of the entries (or compared none), so a pass would say nothing.",
    hint: 'If f is noisier than float64 (computed in float32, or summed with cancellation), pass precision: "float32" or raise the step (eps); if it sits on kinks, move x. maxSetAside raises the share a check may set aside.',
    fails: true,
  },
  "non-finite-gradient": {
    title: "The gradient has NaN or infinite entries",
    explanation: "The analytic gradient returned values that are not finite numbers.",
    hint: "Look for log(0), 0/0, √0's derivative or an overflowing exp in the derivative.",
    fails: true,
  },
  "non-finite-numerical": {
    title: "The cost is not finite near the point",
    explanation: "Finite differences of f gave NaN or infinity for these entries; they could not be checked.",
    hint: "f overflows or is undefined near this point: evaluate it stably (log1p, logsumexp, a shifted exp).",
    networkHint: "The cost overflows or is undefined near this point; evaluate it stably (e.g. softplus(z) − y·z for cross-entropy).",
    fails: true,
  },
  "non-finite-value": {
    title: "f is not finite at the point",
    explanation: "f(x) itself is NaN or infinite, so there is no slope to compare with.",
    hint: "Check the point x and the function's domain (log of 0 or of a negative, 0/0, an overflowing exp).",
    fails: true,
  },
  "bad-point": {
    title: "x is not a point of finite numbers",
    explanation: "A gradient is checked at a point x: an array (or matrix) of finite numbers.",
    hint: "Pass x as an array or Float64Array of finite numbers (a NaN or an Infinity in x usually comes from an earlier step that overflowed).",
    fails: true,
  },
  "wrong-length": {
    title: "The gradient has the wrong length",
    explanation: "The gradient must have one entry per coordinate of x; entries are not compared until it does.",
    hint: "Return one number per coordinate of x, in x's order.",
    networkHint: "Unroll every Θ⁽ˡ⁾ (bias column included) in order, row-major.",
    fails: true,
  },
  "wrong-shape": {
    title: "The Jacobian has the wrong shape",
    explanation:
      "A Jacobian of f: ℝⁿ → ℝᵐ has m rows (one per output) of n columns (one per input); entries are not compared until it does.",
    hint: "Row k holds the gradient of output k; a Jacobian of shape n×m is usually its transpose.",
    fails: true,
  },
  "not-a-gradient": {
    title: "The gradient is not an array of numbers",
    explanation: "The value returned for the gradient is not array-like.",
    hint: "Return an array or Float64Array with one number per coordinate of x.",
    fails: true,
  },
  "not-scalar": {
    title: "f returned an array, not a number",
    explanation: "A gradient check needs f: ℝⁿ → ℝ; this f is vector-valued, so it has a Jacobian, not a gradient.",
    hint: "Check it with checkJacobian (given the Jacobian), checkVjp (given a vector–Jacobian product) or checkJvp (given a Jacobian–vector product).",
    fails: true,
  },
  "not-reproducible": {
    title: "Two identical calls gave different answers",
    explanation: "The function was called twice on the same x and its answers differ by more than nondeterminismTolerance.",
    hint: "Seed any randomness (dropout, sampling) or fix the order of parallel sums; if the difference is expected, state it with nondeterminismTolerance.",
    fails: true,
  },
  threw: {
    title: "The function threw",
    explanation: "Computing the gradient or the cost raised an exception.",
    hint: "Run the function on the same input to see the stack trace.",
    fails: true,
  },
};
