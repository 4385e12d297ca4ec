// gradcheck's public API: everything a user's own code or test suite needs, from one place.
export type { Matrix } from "./linalg/Matrix.ts";
export { matrix, fromRows, toRows, zeros } from "./linalg/Matrix.ts";
export { matmul, matmulABt, matmulAtB } from "./linalg/products.ts";

export type { Network, Problem, Case, Theta, CostAndGradient } from "./network/Network.ts";
export { activations, sigmoid, type ActivationName } from "./network/activation.ts";
export { costs, softplus, type CostName } from "./network/cost.ts";
export { forward, type Activations } from "./network/forward.ts";
export { costFunction } from "./network/costFunction.ts";
export { regularizationTerm } from "./network/regularization.ts";
export { thetaShapes, parameterCount, unroll, roll } from "./network/theta.ts";
export { thetaEntryAt, thetaEntryName, thetaName, thetaIndexConvention, type ThetaEntry } from "./network/thetaEntry.ts";
export { randomInitialTheta, debugInitialTheta, debugInitialWeights } from "./network/init.ts";
export { rng, gaussian, type Rng } from "./numeric/random.ts";
export { gradientDescent, type Training } from "./network/train.ts";

export { loopBackprop, lectureD, slideD, type DRule } from "./backprop/loop.ts";
export { batchBackprop } from "./backprop/batch.ts";
export { gradientMethods, methodNames, type MethodName, type GradientMethod } from "./methods.ts";

export { parseCase, parseCaseText, type Parsed } from "./caseio/parseCase.ts";

export { Tape, Value, constant, grad, rules as tapeRules, TapeError, networkCost, tapeBackprop } from "./tape/index.ts";
export type { Gradients, Operand, ValueAndGradient, MatrixOf, Rules, OpName, Rule } from "./tape/index.ts";

export * from "./check/index.ts";
export * from "./fdnet/index.ts";
export * from "./mistakes/index.ts";
export {
  caseFileOf, checkImplementation, defaultRuns, defaultSeed, problemInfo, checkSubmission, diagnose, diagnosticCases,
  agreement, judgeCase, selfConsistency, requestOf,
} from "./judge/index.ts";
export type {
  CaseFile, SubmissionCheckOptions, CheckReport, CheckResults, CheckProblem, ProblemInfo, CaseVerdict, CaseFinding,
} from "./judge/index.ts";
export { inProcessImplementation, loadSubmission, moduleEntries, moduleSandbox, processSandbox, sandboxAbilities } from "./sandbox/index.ts";
export type { CallOutcome, CostRequest, Implementation, Loaded, LoadOptions, LoadFailure, LoadProblem, SandboxAbilities } from "./sandbox/index.ts";
export { oneHotRows, type LabelledCase } from "./network/labels.ts";
export {
  stencil, centralFdm, forwardFdm, backwardFdm, richardson, stepFor, powerOfTwoBelow, incrementsOf,
  defaultRelativeAccuracy, estimateEntry, fdGradient, fdGradientFromIncrements, fdPartial, defaultFdMethod,
  directionalDerivative, randomUnitDirection,
} from "./numeric/index.ts";
export type {
  FdMethod, RichardsonMethod, StencilMethod, Estimate, FdGradient, RichardsonOptions, Increments, ScalarFunction, FdOptions,
} from "./numeric/index.ts";
export {
  defaultRubric, gradeClass, gradeImplementation, gradeSubmission, readRubric, validateRubric, rubricSchema, maxPointsOf,
  testKinds, testKindInfo, statusInfo, submissionStatuses, gradescopeResults, buildAutograder,
} from "./grade/index.ts";
export type {
  ClassOptions, ClassRun, StudentDone, GradeOptions, Rubric, RubricTest, NetworkSpec, TestKind, Visibility, Assignment,
  RubricCheck, ItemResult, SubmissionResult, SubmissionStatus, GradescopeResults, GradescopeTest,
} from "./grade/index.ts";
