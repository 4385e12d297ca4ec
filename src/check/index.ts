/** Compare analytic gradients with numerical ones: tolerance model, verdicts, findings. Knows nothing of networks. */
export { defaultTolerance, toleranceFormula, toleranceOf, type Tolerance } from "./Tolerance.ts";
export { labelOf, type EntryLocation, type EntryReport, type Locate, type EntryVerdict } from "./EntryReport.ts";
export type { CheckFindingKind, Finding } from "./Finding.ts";
export {
  compareGradients,
  defaultMaxSetAside,
  type CompareOptions,
  type GradientComparison,
  type LayerSummary,
  type NumericalGradient,
  type PartSummary,
} from "./compareGradients.ts";
export { renderComparison, renderEntries, renderFinding } from "./renderComparison.ts";
export {
  directionalCheck,
  defaultDirectionSeed,
  type DirectionalCheck,
  type DirectionalCheckOptions,
  type DirectionResult,
} from "./directionalCheck.ts";
export { checkGradient, type GradientCheckOptions } from "./checkGradient.ts";
export { assertGradient, GradientCheckError } from "./assertGradient.ts";
export { checkJacobian, checkHessian, type JacobianLike } from "./checkJacobian.ts";
export { checkVjp, checkJvp, checkHvp, type ProductCheck, type ProductCheckOptions } from "./checkProducts.ts";
export { comparisonOfFindings } from "./compareGradients.ts";
