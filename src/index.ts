// gradcheck's public API, by explicit list: what a user's own code or test suite needs, each name
// documented in docs/api.md (test/docs/apiSurface.test.ts holds the two lists equal). Everything
// else is internal: the tests import it from its own module. A type stays here when a signature
// below uses it, so a user can name what they are handed.

// Checking derivatives of any function against finite differences.
export { checkGradient } from "./check/checkGradient.ts";
export type { GradientCheckOptions } from "./check/GradientCheckOptions.ts";
export { assertGradient, GradientCheckError } from "./check/assertGradient.ts";
export { checkParameters } from "./check/checkParameters.ts";
export { tensorLayout, type MatrixLike, type Params, type Tensor, type TensorLayout } from "./check/tensorLayout.ts";
export { directionalCheck, type DirectionalCheck, type DirectionalCheckOptions, type DirectionResult } from "./check/directionalCheck.ts";
export { checkJacobian, checkHessian, type JacobianLike } from "./check/checkJacobian.ts";
export { checkVjp, checkJvp, checkHvp, type ProductCheck, type ProductCheckOptions } from "./check/checkProducts.ts";
export {
  compareGradients,
  type CompareOptions,
  type GradientComparison,
  type LayerSummary,
  type NumericalGradient,
  type PartSummary,
} from "./check/compareGradients.ts";
export { renderComparison } from "./check/renderComparison.ts";
export type { Tolerance } from "./check/Tolerance.ts";
export type { Precision, PrecisionReport } from "./check/precision.ts";
export type { EntryLocation, EntryReport, Locate, EntryVerdict } from "./check/EntryReport.ts";
export type { Finding } from "./check/Finding.ts";
export { findingInfo, type FindingInfo, type FindingKind } from "./outcome/index.ts";

// Finite differences as values.
export { centralFdm, forwardFdm, backwardFdm } from "./numeric/stencil.ts";
export { richardson, type RichardsonOptions } from "./numeric/richardson.ts";
export type { FdMethod, RichardsonMethod, StencilMethod } from "./numeric/FdMethod.ts";
export { fdGradient, type FdOptions } from "./numeric/fdGradient.ts";
export type { Estimate, FdGradient } from "./numeric/Estimate.ts";
export { measureNoise, type Noise } from "./numeric/measureNoise.ts";
export type { ScalarFunction } from "./numeric/Increments.ts";
export type { VectorFunction } from "./numeric/fdJacobian.ts";
export { rng, type Rng } from "./numeric/random.ts";

// Matrices and networks, in the lecture's notation.
export { matrix, fromRows, type Matrix } from "./linalg/Matrix.ts";
export type { Network, Problem, Case, Theta, CostAndGradient } from "./network/Network.ts";
export type { LabelledCase } from "./network/labels.ts";
export type { ThetaEntry } from "./network/thetaEntry.ts";
export type { ActivationName, OutputActivationName } from "./network/activation.ts";
export type { CostName } from "./network/cost.ts";
export { debugInitialTheta } from "./network/init.ts";

// The three ways to ∂J/∂Θ, and the check of a network's gradient.
export { loopBackprop, type DRule } from "./backprop/loop.ts";
export { batchBackprop } from "./backprop/batch.ts";
export { parallelBackprop, type ParallelOptions } from "./backprop/parallelBackprop.ts";
export { tapeBackprop } from "./backprop/tapeBackprop.ts";
export { fdNetworkGradient, type NetworkFd, type NetworkFdOptions } from "./fdnet/fdNetworkGradient.ts";
export { checkNetworkGradient, type NetworkCheckOptions } from "./fdnet/checkNetworkGradient.ts";

// The autodiff tape.
export { Value, constant, type Operand, type Recorder } from "./tape/Value.ts";
export { Tape, type Gradients, type TapeOptions } from "./tape/Tape.ts";
export { grad, type ValueAndGradient, type MatrixOf } from "./tape/grad.ts";
export { gradcheck, assertGradcheck, type GradcheckOptions } from "./check/gradcheck.ts";
export { TapeError } from "./tape/TapeError.ts";
export { rules, type Rules, type OpName } from "./tape/rules.ts";
export type { Rule } from "./tape/Rule.ts";

// Checking an nnCostFunction: in this process, or an untrusted submission in a sandbox. These two
// and renderHtml load their modules on first call (src/onDemand.ts): importing gradcheck loads the
// checking core alone.
export { checkNnCostFunction, checkSubmission } from "./onDemand.ts";
export type { NnCostFunctionCheckOptions } from "./judge/checkNnCostFunction.ts";
export type { SubmissionCheckOptions } from "./judge/checkImplementation.ts";
export type { JudgeOptions } from "./judge/judgeCase.ts";
export type { CaseFinding } from "./judge/CaseFinding.ts";
export type { EvidenceOption, CheckReportWithEvidence } from "./judge/checkSubmission.ts";
export type { CheckEvidence, StepSweepEvidence } from "./judge/checkEvidence.ts";
export type { StepPoint } from "./numeric/stepSweep.ts";
export type { LoadOptions } from "./sandbox/loadSubmission.ts";
export type { CourseOption } from "./sandbox/adapterEntries.ts";
export type { NnCostFunction, NnCostResult, WbCostFunction, WbCostResult } from "./mistakes/NnCostFunction.ts";
export type { WbLayer } from "./sandbox/Implementation.ts";
export { referenceNnCostFunction } from "./mistakes/referenceNnCostFunction.ts";
export { mistakes } from "./mistakes/mistakes.ts";
export type { MistakeId } from "./mistakes/mistakeInfo.ts";
// What the `assignment` option takes (a rubric file's `assignment` field is read into the same shape).
export {
  defaultAssignment,
  type Assignment as CheckAssignment,
  type HiddenActivation,
  type OutputFamily,
  type LabelEncoding,
  type ParameterLayout,
  type Range as AssignmentRange,
  type CourseEntry,
  type Regularizer,
} from "./judge/Assignment.ts";
export type { WeightRegime } from "./judge/WeightRegime.ts";
export type { CheckReport, CheckResults } from "./judge/checkReport.ts";
export type { SubmissionFindingKind, LoadFindingKind } from "./outcome/index.ts";
export type { CaseFile } from "./judge/caseFileOf.ts";
export { clueTitles, type Clue, type ClueId } from "./judge/clues/Clue.ts";

// Rendering a comparison as a self-contained HTML page with plots.
export { renderHtml } from "./onDemand.ts";
export type { RenderHtmlOptions } from "./report/renderHtml.ts";
export type { ComparisonLabels } from "./report/comparisonSections.ts";

// Training the lecture's network on real handwritten digits, its gradient verified as it trains.
export { loadDigits, type LoadedDigits } from "./train/loadDigits.ts";
export type { Digits } from "./train/Digits.ts";
export { splitDigits, type Split } from "./train/splitDigits.ts";
export {
  trainDigits,
  defaultTrainSettings,
  type TrainSettings,
  type TrainingRun,
  type TrainObservers,
  type DigitsScore,
} from "./train/trainDigits.ts";
export type { ConfusionMatrix } from "./train/confusionMatrix.ts";
export { verifyGradient, type GradientVerification, type VerifyOptions } from "./train/verifyGradient.ts";
