export { caseFileOf, type CaseFile } from "./caseFileOf.ts";
export { checkImplementation, defaultRuns, defaultSeed, type CheckOptions, type CheckReport } from "./checkImplementation.ts";
export { problemInfo, type CheckProblem, type ProblemInfo } from "./checkProblem.ts";
export { checkSubmission } from "./checkSubmission.ts";
export { diagnose, diagnosticCases } from "./diagnose.ts";
export { agreement, judgeCase, selfConsistency, type CaseVerdict, type Finding } from "./judgeCase.ts";
export { requestOf } from "./requestOf.ts";
export { submissionCaseArbitrary, type SubmissionCaseConstraints } from "./submissionCaseArbitrary.ts";
export { layerSizesArbitrary, type LayerSizesConstraints } from "./layerSizesArbitrary.ts";
