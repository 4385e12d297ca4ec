/** The house's one vocabulary of outcomes: every kind of finding, and one record of words for each. Imports nothing. */
export type {
  AnswerFindingKind,
  FindingKind,
  FunctionFindingKind,
  LoadFindingKind,
  SubmissionFindingKind,
  SubmissionStatus,
} from "./FindingKind.ts";
export { findingInfo, functionWords, statusLine, wrongValue, type FindingGroup, type FindingInfo, type Words } from "./findingInfo.ts";
