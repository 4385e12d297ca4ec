/** The house's one vocabulary of outcomes: every kind of finding, and one record of words for each. Imports nothing. */
export {
  answerFindingKinds,
  functionFindingKinds,
  loadFindingKinds,
  submissionFindingKinds,
  submissionStatuses,
  type AnswerFindingKind,
  type FindingKind,
  type FunctionFindingKind,
  type LoadFindingKind,
  type SubmissionFindingKind,
  type SubmissionStatus,
} from "./FindingKind.ts";
export { findingInfo, functionWords, statusLine, wrongValue, type FindingGroup, type FindingInfo, type Words } from "./findingInfo.ts";
export { checkReportName, formerNames, type FormerName } from "./formerNames.ts";
