import type { CaseFile } from "../judge/caseFileOf.ts";
import type { CheckProblem } from "../judge/checkProblem.ts";
import type { Clue } from "../judge/clues/Clue.ts";
import type { MistakeId } from "../mistakes/index.ts";
import type { ItemResult, SubmissionSummary } from "../report/ClassSummary.ts";
import type { ReplayLanguage } from "../report/replaySnippet.ts";

// One rubric test's result is the summary.json shape the reports render.
export type { ItemResult };

/**
 * Why a student has no grade beyond 0: anything but "graded" means none of the submission
 * could be run. A crash or a hang inside one test is not a status: it fails that test only.
 */
export type SubmissionStatus =
  | "graded"
  | "no-entry-file"
  | "cannot-load"
  | "never-answered"
  | "refused-archive"
  | "refused-folder"
  | "duplicate-id"
  | "unreadable"
  | "internal-error";

export const statusInfo: Readonly<Record<SubmissionStatus, string>> = {
  graded: "the submission ran; each test scored on its own",
  "no-entry-file": "no gradcheck.json and no nnCostFunction.js/.mjs/.cjs/.ts in the folder",
  "cannot-load":
    "the entry exists but could not be started: a syntax error, no exported nnCostFunction, a failing import, an unreadable gradcheck.json, a missing command, or too slow to load",
  "never-answered": "the submission's process ended before answering its first request",
  "refused-archive":
    "the zip was refused before anything was unpacked to run (a path escaping the folder, a symbolic link, too many files, too many bytes, or not a zip)",
  "refused-folder":
    "the folder was refused before anything of it was read beyond a limit: a symbolic link instead of a folder, a FIFO, socket, device or hard-linked file in it, too many bytes (apparent sizes), files or levels, or an entry changed while it was copied; the reason names the file and the rule",
  "duplicate-id": "a folder and a zip have the same name; neither is graded until one is removed",
  unreadable: "the submission's files could not be read",
  "internal-error": "gradcheck itself failed while grading this student (the reason says how); the rest of the class was graded",
};

export const submissionStatuses = Object.keys(statusInfo) as SubmissionStatus[];

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
  readonly problems?: Readonly<Record<string, CheckProblem>>;
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
