// gradcheck's public API, by explicit list: what a user's own code or test suite needs.
// Internals (sandboxes, harness requests, the fd machinery's steps) are not exported; the
// tests import those from their own modules. docs/api.md has one runnable example per entry.

// Matrices and networks, in the lecture's notation.
export type { Matrix } from "./linalg/Matrix.ts";
export { matrix, fromRows, toRows, zeros } from "./linalg/Matrix.ts";
export type { Network, Problem, Case, Theta, CostAndGradient } from "./network/Network.ts";
export type { ActivationName } from "./network/activation.ts";
export type { CostName } from "./network/cost.ts";
export { costFunction } from "./network/costFunction.ts";
export { thetaShapes, parameterCount, unroll, roll } from "./network/theta.ts";
export { thetaEntryAt, thetaEntryName, thetaIndexConvention, type ThetaEntry } from "./network/thetaEntry.ts";
export { randomInitialTheta, debugInitialTheta } from "./network/init.ts";
export { oneHotRows } from "./network/labels.ts";
export { rng, type Rng } from "./numeric/random.ts";
export { parseCase, parseCaseText, type Parsed } from "./caseio/parseCase.ts";

// The three ways to ∂J/∂Θ.
export { loopBackprop } from "./backprop/loop.ts";
export { batchBackprop, withExamplesResident } from "./backprop/batch.ts";
export { parallelBackprop, stopWorkers, type ParallelOptions } from "./backprop/parallelBackprop.ts";
export { tapeBackprop } from "./tape/tapeBackprop.ts";
export { fdNetworkGradient, type NetworkFd, type NetworkFdOptions } from "./fdnet/fdNetworkGradient.ts";
export { gradientMethods, methodNames, type MethodName, type GradientMethod } from "./methods.ts";

// The autodiff tape.
export { Value, constant, type Operand } from "./tape/Value.ts";
export { grad, type ValueAndGradient, type MatrixOf } from "./tape/grad.ts";
export { TapeError } from "./tape/TapeError.ts";
export { gradcheck, assertGradcheck, type GradcheckOptions } from "./tape/gradcheck.ts";
export { rules, type Rules, type OpName } from "./tape/rules.ts";
export type { Rule } from "./tape/Rule.ts";

// Checking derivatives of any function against finite differences.
export { checkGradient, type GradientCheckOptions } from "./check/checkGradient.ts";
export { checkParameters } from "./check/checkParameters.ts";
export { tensorLayout, type MatrixLike, type Params, type Tensor, type TensorLayout } from "./check/tensorLayout.ts";
export { fixedStepTolerance, float32NoiseThreshold, precisionTolerance, type Precision, type PrecisionReport } from "./check/precision.ts";
export { assertGradient, GradientCheckError } from "./check/assertGradient.ts";
export { directionalCheck, type DirectionalCheck, type DirectionalOptions, type DirectionResult } from "./check/directionalCheck.ts";
export { checkJacobian, checkHessian, type JacobianLike } from "./check/checkJacobian.ts";
export { checkVjp, checkJvp, checkHvp, type ProductCheck, type ProductCheckOptions } from "./check/checkProducts.ts";
export {
  compareGradients,
  defaultMaxSetAside,
  type CompareOptions,
  type GradientComparison,
  type LayerSummary,
  type NumericalGradient,
  type PartSummary,
} from "./check/compareGradients.ts";
export { renderComparison } from "./check/renderComparison.ts";
export { defaultCap, defaultTolerance, toleranceFormula, type Tolerance } from "./check/Tolerance.ts";
export type { EntryLocation, EntryReport, Locate, Verdict } from "./check/EntryReport.ts";
export { findingInfo, type Finding, type FindingInfo, type FindingKind } from "./check/Finding.ts";
export { checkNetworkGradient, type NetworkCheckOptions } from "./fdnet/checkNetworkGradient.ts";

// Finite differences as values.
export { centralFdm, forwardFdm, backwardFdm, fixedStep } from "./numeric/stencil.ts";
export { richardson, type RichardsonOptions } from "./numeric/richardson.ts";
export type { FdMethod, RichardsonMethod, StencilMethod } from "./numeric/FdMethod.ts";
export { fdGradient, type FdOptions } from "./numeric/fdGradient.ts";
export { fdJacobian, type FdJacobian, type VectorFunction } from "./numeric/fdJacobian.ts";
export type { Estimate, FdGradient } from "./numeric/Estimate.ts";
export { measureNoise, type Noise } from "./numeric/measureNoise.ts";
export type { ScalarFunction } from "./numeric/Increments.ts";

// Checking an nnCostFunction: in this process, or an untrusted submission in a sandbox.
export type { NnCostFunction, NnCostResult, WbCostFunction, WbCostResult } from "./mistakes/NnCostFunction.ts";
export type { WbLayer } from "./sandbox/Implementation.ts";
export { referenceNnCostFunction } from "./mistakes/referenceNnCostFunction.ts";
export { mistakes } from "./mistakes/mistakes.ts";
export { mistakeIds, mistakeInfo, type MistakeId, type MistakeInfo } from "./mistakes/mistakeInfo.ts";
// The verbs below that check submissions, grade classes or render reports load their modules on
// first call (src/onDemand.ts): importing gradcheck loads the checking core alone.
export { checkNnCostFunction, checkSubmission, gradeClass, gradeSubmission, renderHtml } from "./onDemand.ts";
export type { NnCostFunctionCheckOptions } from "./judge/checkNnCostFunction.ts";
// What the `assignment` option of checkNnCostFunction, checkSubmission and toPassGradcheck takes
// (the rubric file's own `assignment` field is the `Assignment` type further down).
export {
  defaultAssignment,
  type Assignment as CheckAssignment,
  type HiddenActivation,
  type OutputFamily,
  type LabelEncoding,
  type ParameterLayout,
  type Range as AssignmentRange,
} from "./judge/Assignment.ts";
export { defaultDeadlineMs, defaultRuns, defaultSeed } from "./judge/checkDefaults.ts";
export type { SubmissionCheckOptions } from "./judge/checkImplementation.ts";
export type { CheckReport, CheckResults } from "./judge/checkReport.ts";
export type { CaseFinding, JudgeOptions } from "./judge/judgeCase.ts";
export { clueTitles, type Clue, type ClueId } from "./judge/clues/Clue.ts";
export { problemInfo, type CheckProblem, type ProblemInfo } from "./judge/checkProblem.ts";
export type { CaseFile } from "./judge/caseFileOf.ts";
export type { LoadOptions } from "./sandbox/loadSubmission.ts";
export { sandboxAbilities, sandboxGaps, type SandboxAbilities } from "./sandbox/sandbox.ts";
export { stageSubmission, stagingLimits, type Staged, type StagingLimits } from "./sandbox/stageSubmission.ts";

// Rendering a comparison as a self-contained HTML page with plots.
export type { RenderHtmlOptions } from "./report/renderHtml.ts";

// Training the lecture's network on real handwritten digits, its gradient verified as it trains.
export { loadDigits, type LoadedDigits } from "./train/loadDigits.ts";
export { splitDigits, type Split } from "./train/splitDigits.ts";
export { trainDigits, defaultTrainSettings, type TrainSettings, type TrainingRun } from "./train/trainDigits.ts";
export { verifyGradient, type GradientVerification } from "./train/verifyGradient.ts";
// Grading a class with a rubric of partial credit.
export { defaultRubric } from "./grade/defaultRubric.ts";
export type { ClassOptions, ClassRun, StudentDone } from "./grade/gradeClass.ts";
export type { GradeOptions } from "./grade/gradeSubmission.ts";
export { readRubric, validateRubric, type RubricCheck } from "./grade/validateRubric.ts";
export type { Rubric, RubricTest, NetworkSpec, TestKind, Visibility, Assignment } from "./grade/Rubric.ts";
export type { ItemResult, SubmissionResult, SubmissionStatus } from "./report/SubmissionResult.ts";
