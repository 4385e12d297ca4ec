import type { FindingInfo, FindingKind, SubmissionStatus } from "./FindingKind.ts";
import { answerInfo } from "./answerInfo.ts";
import { functionInfo } from "./functionInfo.ts";
import { gradeStatusInfo } from "./gradeStatusInfo.ts";
import { loadInfo } from "./loadInfo.ts";

/**
 * The one table every output reads: terminal, Markdown, HTML, JSON, JUnit, Gradescope and the
 * docs. Written in four parts, one per layer that finds the kinds; the type says it misses none.
 */
export const findingInfo: Readonly<Record<FindingKind, FindingInfo>> = { ...loadInfo, ...answerInfo, ...functionInfo, ...gradeStatusInfo };

/** The line a class's grade gives for a status. */
export const statusLine = (status: SubmissionStatus): string => findingInfo[status].status!;

/** The problems that are wrong values, and so can be matched against the catalogue. */
export const wrongValue: ReadonlySet<FindingKind> = new Set(
  (Object.keys(findingInfo) as FindingKind[]).filter((k) => findingInfo[k].wrongValue),
);

/** A kind in the words of a plain function of x (src/check's reports). */
export function functionWords(kind: FindingKind): FindingInfo {
  const info = findingInfo[kind];
  return info.forFunction ? { ...info, ...info.forFunction } : info;
}
