export { caseFileOf, type CaseFile } from "./caseFileOf.ts";
export { checkImplementation, defaultRuns, defaultSeed, type SubmissionCheckOptions } from "./checkImplementation.ts";
export { checkReport, type CheckReport, type CheckResults, type ReportOutcome, type ReportStart } from "./checkReport.ts";
export { checkSubmission } from "./checkSubmission.ts";
export { checkNnCostFunction } from "./checkNnCostFunction.ts";
export { diagnose, diagnosticCases } from "./diagnose.ts";
export {
  agreement,
  agreementIn,
  judgeCase,
  selfConsistency,
  type CaseVerdict,
  type CaseFinding,
  type JudgeOptions,
  type Precision,
} from "./judgeCase.ts";
export { askTwice } from "./askTwice.ts";
export { naiveLogError } from "./unstableCost.ts";
export { findClues, severalAtOnce } from "./findClues.ts";
export { clueTitles, type Clue, type ClueId } from "./clues/Clue.ts";
export { requestOf } from "./requestOf.ts";
export {
  submissionCaseArbitrary,
  weightScale,
  overflowShift,
  type SubmissionCaseConstraints,
  type WeightRegime,
} from "./submissionCaseArbitrary.ts";
export { encodeParams, decodeGradient, toWb, fromWbOrder, toColumnMajor, toRowMajor } from "./parameterLayout.ts";
export { layerSizesArbitrary, type LayerSizesConstraints } from "./layerSizesArbitrary.ts";
