import type { AnswerFindingKind, FindingInfo, FunctionFindingKind } from "./FindingKind.ts";

/** What only the function checker finds, kind by kind (the table's part for src/check; the kinds it shares are in answerInfo). */
export const functionInfo: Readonly<Record<Exclude<FunctionFindingKind, AnswerFindingKind>, FindingInfo>> = {
  "not-differentiable": {
    group: "warning",
    fails: false,
    title: "Not differentiable here",
    explanation:
      "Perturbing these entries crosses a kink of the function (e.g. relu at 0, |x| at 0), so no derivative exists to compare against.",
    hint: "Set aside, not judged. Move the point (another x or seed) to check these entries.",
  },
  "too-noisy": {
    group: "warning",
    fails: false,
    title: "Too noisy to decide",
    explanation:
      "The finite-difference error of these entries is larger than the cap allows relative to |n|: the analytic value is neither clearly right nor clearly wrong.",
    hint: 'Set aside, not judged. Pass the function\'s precision (precision: "float32"), or evaluate f more accurately.',
  },
  "too-few-compared": {
    group: "answer",
    fails: true,
    title: "Too few entries compared to decide",
    explanation: "The check set aside more than its stated share of the entries (or compared none), so a pass would say nothing.",
    hint: 'If f is noisier than float64 (computed in float32, or summed with cancellation), pass precision: "float32" or raise the step (eps); if it sits on kinks, move x. maxSetAside raises the share a check may set aside.',
  },
  "non-finite-numerical": {
    group: "answer",
    fails: true,
    title: "The cost is not finite near the point",
    explanation: "Finite differences of f gave NaN or infinity for these entries; they could not be checked.",
    hint: "f overflows or is undefined near this point: evaluate it stably (log1p, logsumexp, a shifted exp).",
  },
  "non-finite-value": {
    group: "answer",
    fails: true,
    title: "f is not finite at the point",
    explanation: "f(x) itself is NaN or infinite, so there is no slope to compare with.",
    hint: "Check the point x and the function's domain (log of 0 or of a negative, 0/0, an overflowing exp).",
  },
  "bad-point": {
    group: "interface",
    fails: true,
    title: "x is not a point of finite numbers",
    explanation: "A gradient is checked at a point x: an array (or matrix) of finite numbers.",
    hint: "Pass x as an array or Float64Array of finite numbers (a NaN or an Infinity in x usually comes from an earlier step that overflowed).",
  },
  "wrong-shape": {
    group: "interface",
    fails: true,
    title: "The Jacobian has the wrong shape",
    explanation:
      "A Jacobian of f: ℝⁿ → ℝᵐ has m rows (one per output) of n columns (one per input); entries are not compared until it does.",
    hint: "Row k holds the gradient of output k; a Jacobian of shape n×m is usually its transpose.",
  },
  "not-a-gradient": {
    group: "interface",
    fails: true,
    title: "The gradient is not an array of numbers",
    explanation: "The value returned for the gradient is not array-like.",
    hint: "Return an array or Float64Array with one number per coordinate of x.",
  },
  "not-scalar": {
    group: "interface",
    fails: true,
    title: "f returned an array, not a number",
    explanation: "A gradient check needs f: ℝⁿ → ℝ; this f is vector-valued, so it has a Jacobian, not a gradient.",
    hint: "Check it with checkJacobian (given the Jacobian), checkVjp (given a vector–Jacobian product) or checkJvp (given a Jacobian–vector product).",
  },
};
