/**
 * Every outcome gradcheck reports, anywhere, is a finding with one of these kinds: one closed
 * union, each kind with one record (FindingInfo, below) in `findingInfo`. Each layer produces
 * the part it can find.
 */

/** What checking a plain function's gradient against finite differences can find (src/check). */
export const functionFindingKinds = [
  "gradient-mismatch",
  "not-differentiable",
  "too-noisy",
  "too-few-compared",
  "non-finite",
  "non-finite-numerical",
  "non-finite-value",
  "bad-point",
  "wrong-gradient-length",
  "wrong-shape",
  "not-a-gradient",
  "not-scalar",
  "not-reproducible",
  "threw",
] as const;
export type FunctionFindingKind = (typeof functionFindingKinds)[number];

/** Why a submission could not be loaded: nothing of it ran (src/sandbox). */
export const loadFindingKinds = [
  "not-found",
  "no-entry-file",
  "bad-config",
  "no-export",
  "syntax-error",
  "import-failed",
  "command-not-found",
  "crashed-on-load",
  "startup-timeout",
  "too-large",
  "refused-folder",
  "no-sandbox",
  "sandbox-failed",
] as const;
export type LoadFindingKind = (typeof loadFindingKinds)[number];

/** What judging a loaded submission's answers can find (src/judge). */
export const answerFindingKinds = [
  "never-answered",
  "bad-return",
  "wrong-gradient-length",
  "wrong-gradient-shape",
  "threw",
  "timeout",
  "crashed",
  "memory-limit",
  "too-slow",
  "non-finite",
  "unstable-cost",
  "cost-mismatch",
  "gradient-mismatch",
  "self-inconsistent",
  "not-reproducible",
  "mutated-input",
] as const;
export type AnswerFindingKind = (typeof answerFindingKinds)[number];

/** Everything checking one submission can find: it did not load, or what its answers showed. */
export const submissionFindingKinds = [...loadFindingKinds, ...answerFindingKinds] as const;
export type SubmissionFindingKind = (typeof submissionFindingKinds)[number];

/**
 * A student's status in a class's grade: anything but "graded" means none of the submission
 * could be run. A crash or a hang inside one test is not a status: it fails that test only.
 */
export const submissionStatuses = [
  "graded",
  "no-entry-file",
  "cannot-load",
  "never-answered",
  "refused-archive",
  "refused-folder",
  "duplicate-id",
  "unreadable",
  "internal-error",
] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

export type FindingKind = FunctionFindingKind | SubmissionFindingKind | SubmissionStatus;

// The record each kind has in findingInfo: its words, its group, whether it fails.

export interface Words {
  readonly title: string;
  readonly explanation: string;
  /** what to do */
  readonly hint: string;
}

/**
 * "load": the submission never ran; "interface": it ran but the call or its answer has the
 * wrong shape; "answer": a wrong value on some input; "warning": reported, not failed;
 * "status": how far grading a student got, when no finding above says it.
 */
export type FindingGroup = "load" | "interface" | "answer" | "warning" | "status";

export interface FindingInfo extends Words {
  readonly group: FindingGroup;
  /** whether this finding fails the check (or, for a status, leaves the student ungraded) */
  readonly fails: boolean;
  /** a wrong value, the kind a catalogued mistake can explain */
  readonly wrongValue?: true;
  /** the words for a plain function of x, where a kind both checks find reads otherwise for a submission */
  readonly forFunction?: Words;
  /** the line a class's grade gives a student who stopped here (the kinds that are a status) */
  readonly status?: string;
}
