/** The house's one vocabulary of outcomes: every kind of finding, and one record of words for each. Imports nothing. */
export {
  answerFindingKinds,
  functionFindingKinds,
  loadFindingKinds,
  submissionFindingKinds,
  submissionStatuses,
  type AnswerFindingKind,
  type FindingGroup,
  type FindingInfo,
  type FindingKind,
  type FunctionFindingKind,
  type LoadFindingKind,
  type SubmissionFindingKind,
  type SubmissionStatus,
  type Words,
} from "./FindingKind.ts";
export { findingInfo, functionWords, statusLine, wrongValue } from "./findingInfo.ts";
export { checkReportName, formerNames, type FormerName } from "./formerNames.ts";
