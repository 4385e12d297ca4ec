import type { CaseFile } from "../judge/caseFileOf.ts";
import type { SubmissionFindingKind, SubmissionStatus } from "../outcome/index.ts";
import type { Clue } from "../judge/clues/Clue.ts";
import type { MistakeId } from "../mistakes/index.ts";
import type { SubmissionSummary } from "./ClassSummary.ts";
import type { ReplayLanguage } from "./replaySnippet.ts";

/** Everything grading found about one student, as data; the exports render it. */
export interface SubmissionResult extends SubmissionSummary {
  readonly status: SubmissionStatus;
  readonly mistakes: readonly MistakeId[];
  /** why the status is not "graded" */
  readonly reason?: string;
  /** the smallest failing network found, replayable with `gradcheck eval` */
  readonly counterexample?: CaseFile;
  /** the command that replays the search on the student's own code */
  readonly replay?: string;
  /** what the sandbox could not enforce for this student (for staff, not students) */
  readonly warnings: readonly string[];
  /** what each failed test found, by test id: the feedback explains it and gives its hint */
  readonly problems?: Readonly<Record<string, SubmissionFindingKind>>;
  /** what the numbers show when no catalogued mistake fits (check's clues) */
  readonly clues?: readonly Clue[];
  /** what the student and staff should know about how the folder was read (which entry file was graded) */
  readonly notes?: readonly string[];
  /** the language the counterexample is replayed in for the student: their submission's own */
  readonly replayLanguage?: ReplayLanguage;
  /** the course adapter that called the code ("cs231n two-layer neural_net.py"): feedback names entries as that course does, and its replay builds the course's own arguments */
  readonly courseAdapter?: string;
}

/** The summary.json entry: exactly these fields, in this order. */
export function summaryEntry(r: SubmissionResult) {
  return { id: r.id, status: r.status, score: r.score, points: r.points, maxPoints: r.maxPoints, items: r.items, mistakes: r.mistakes };
}
