import type { FindingInfo, SubmissionFindingKind, SubmissionStatus } from "./FindingKind.ts";

/** A student's statuses that no finding names, kind by kind (the table's part for src/grade). */
export const gradeStatusInfo: Readonly<Record<Exclude<SubmissionStatus, SubmissionFindingKind>, FindingInfo>> = {
  graded: {
    group: "status",
    fails: false,
    title: "Graded",
    explanation: "The submission ran; each test was scored on its own.",
    hint: "Each failed test's message says what it found.",
    status: "the submission ran; each test scored on its own",
  },
  "cannot-load": {
    group: "status",
    fails: true,
    title: "Could not be loaded",
    explanation: "The entry exists but could not be started.",
    hint: "The reason names the load problem; `gradcheck check` on the folder shows it with its hint.",
    status:
      "the entry exists but could not be started: a syntax error, no exported nnCostFunction, a failing import, an unreadable gradcheck.json, a missing command, or too slow to load",
  },
  "refused-archive": {
    group: "status",
    fails: true,
    title: "Zip refused",
    explanation: "The zip was refused before anything of it was unpacked to run.",
    hint: "Submit a plain zip of the source files; the reason names the rule that was broken.",
    status:
      "the zip was refused before anything was unpacked to run (a path escaping the folder, a symbolic link, too many files, too many bytes, or not a zip)",
  },
  "duplicate-id": {
    group: "status",
    fails: true,
    title: "Two submissions with one id",
    explanation: "A folder and a zip have the same name, so neither is graded.",
    hint: "Remove one of the two and grade again.",
    status: "a folder and a zip have the same name; neither is graded until one is removed",
  },
  unreadable: {
    group: "status",
    fails: true,
    title: "Unreadable submission",
    explanation: "The submission's files could not be read.",
    hint: "The reason says which read failed.",
    status: "the submission's files could not be read",
  },
  "internal-error": {
    group: "status",
    fails: true,
    title: "gradcheck failed on this student",
    explanation: "gradcheck itself failed while grading this student; the rest of the class was graded.",
    hint: "The reason says how; grade again with --resume, or report it.",
    status: "gradcheck itself failed while grading this student (the reason says how); the rest of the class was graded",
  },
};
