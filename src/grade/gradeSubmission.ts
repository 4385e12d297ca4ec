import { checkImplementation, wrongValue } from "../judge/checkImplementation.ts";
import type { CaseFile } from "../judge/caseFileOf.ts";
import { loadSubmission, type LoadOptions } from "../sandbox/loadSubmission.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { assignmentFieldNames, assignmentFlag, defaultAssignment, type Assignment } from "../judge/Assignment.ts";
import { encodedImplementation } from "../judge/encodedImplementation.ts";
import { loadStatus } from "./loadStatus.ts";
import { networksFor } from "./networksFor.ts";
import { maxPointsOf, type AssignmentSpec, type Rubric } from "./Rubric.ts";
import { rubricAssignment } from "./rubricAssignment.ts";
import { retryTimeoutOnce } from "./retryTimeoutOnce.ts";
import { clipText } from "../sandbox/clipText.ts";
import { relativeResult } from "./relativeToStudent.ts";
import { findEntry } from "./findEntry.ts";
import { replayLanguageOf } from "../report/replaySnippet.ts";
import { courseNamesFor } from "../report/courseNames.ts";
import { runRubricTest, type TestOutcome } from "./runRubricTest.ts";
import type { SubmissionResult } from "../report/SubmissionResult.ts";
import type { ItemResult } from "../report/ClassSummary.ts";
import type { SubmissionStatus } from "../outcome/index.ts";

export interface GradeOptions {
  readonly seed: number;
  /** per-call time limit of the submission, ms */
  readonly callTimeoutMs: number;
  /** networks the diagnosing search may try after a wrong value */
  readonly searchRuns?: number;
  /** where bubblewrap cannot build the sandbox: refuse (the default), or the autograder's separate-user fallback */
  readonly fallback?: LoadOptions["fallback"];
  /** the folder's private copy, when the caller made it already (to hash it); released when grading ends */
  readonly staged?: LoadOptions["staged"];
  /** how messages name the submission when `dir` is its private copy */
  readonly shownAs?: string;
}

/** Runs for the search that names the mistake and shrinks a counterexample, once a value is wrong. */
export const diagnosisRuns = 30;

/**
 * Grades one student's folder with a rubric: loads it into its sandbox, runs every test (each
 * all-or-nothing), and when a value was wrong runs `check`'s search once to name the mistake
 * and shrink a counterexample. Data, never a throw; the child processes always end.
 */
export async function gradeSubmission(id: string, dir: string, rubric: Rubric, options: GradeOptions): Promise<SubmissionResult> {
  const found = findEntry(dir);
  // paths relative to the student's folder, as the grader saw it (its private copy) and as it is shown
  const relative = (r: SubmissionResult) =>
    options.shownAs ? relativeResult(relativeResult(r, dir), options.shownAs) : relativeResult(r, dir);
  const noted = (r: SubmissionResult) => relative(found.notes.length ? { ...r, notes: found.notes } : r);
  // The private copy holds the student's whole folder; an entry nested inside it is staged anew
  // from that copy, and the whole copy is then let go.
  const nested = found.dir !== dir;
  const loaded = await loadSubmission(found.dir, {
    callTimeoutMs: options.callTimeoutMs,
    fallback: options.fallback,
    staged: nested ? undefined : options.staged,
    shownAs: options.shownAs,
    course: assignmentOf(rubric).course,
  });
  if (nested) options.staged?.release();
  if (!loaded.ok) return noted(notGraded(id, rubric, loadStatus[loaded.problem], loaded.message));
  const implementation = retryTimeoutOnce(loaded.implementation);
  try {
    return noted(await gradeImplementation(id, implementation, rubric, options));
  } finally {
    await implementation.close();
  }
}

/** The rubric's assignment, which validateRubric has accepted (the lecture's network when it states nothing). */
function assignmentOf(rubric: Rubric): Assignment {
  const stated = rubricAssignment(rubric);
  if (!stated.ok) throw new Error(`the rubric's assignment is invalid: ${stated.errors.join("; ")}`);
  return stated.assignment;
}

/** The rubric's tests on an implementation that is already running; the caller closes it. */
export async function gradeImplementation(
  id: string,
  given: Implementation,
  rubric: Rubric,
  options: GradeOptions,
): Promise<SubmissionResult> {
  const assignment = assignmentOf(rubric);
  // the submission as the assignment hands it y and the parameters
  const implementation = encodedImplementation(given, assignment);
  const outcomes: TestOutcome[] = [];
  for (const test of rubric.tests) {
    const outcome = await runRubricTest(test, networksFor(test, options.seed, assignment), implementation, {
      allowUnstableCost: assignment.allowUnstableCost,
    });
    if (outcomes.length === 0 && outcome.neverAnswered)
      return notGraded(id, rubric, "never-answered", outcome.message, implementation.warnings);
    outcomes.push(outcome);
  }
  const items = itemsOf(rubric, outcomes);
  const diagnosis = outcomes.some(wrongValueUnder(assignment)) ? await diagnoseOnce(given, rubric, assignment, options) : undefined;
  const firstFailure = outcomes.find((o) => o.counterexample)?.counterexample;
  const problems = Object.fromEntries(rubric.tests.flatMap((t, k) => (outcomes[k].problem ? [[t.id, outcomes[k].problem]] : [])));
  const counterexample = diagnosis?.counterexample ?? firstFailure;
  const language = counterexample ? replayLanguageOf(given.description, counterexample) : undefined;
  // CS231n's and deeplearning.ai's code is named and replayed in the course's own words (params dict, loss or the graded functions)
  const course = courseNamesFor(given.description) ? given.description : undefined;
  return scored(id, "graded", rubric, items, {
    problems,
    clues: diagnosis?.clues,
    mistakes: diagnosis?.mistakes ?? [],
    counterexample,
    replay: diagnosis?.replay,
    warnings: implementation.warnings,
    ...(language ? { replayLanguage: language } : {}),
    ...(course ? { courseAdapter: course } : {}),
  });
}

function itemsOf(rubric: Rubric, outcomes: readonly TestOutcome[]): ItemResult[] {
  return rubric.tests.map((t, k) => ({
    id: t.id,
    passed: outcomes[k].passed,
    points: outcomes[k].passed ? t.points : 0,
    maxPoints: t.points,
    message: outcomes[k].message,
  }));
}

/** Whether a test failed on a wrong value, which the catalogue may explain. As in check: with a softmax output a NaN or ∞ is a wrong value too (the missing max-shift). */
function wrongValueUnder(assignment: Assignment): (o: TestOutcome) => boolean {
  const softmax = assignment.output === "softmax-cross-entropy";
  const overflow = (p: TestOutcome["problem"]) => p === "non-finite" || p === "unstable-cost";
  return (o) => o.problem !== undefined && (wrongValue.has(o.problem) || (softmax && overflow(o.problem)));
}

async function diagnoseOnce(given: Implementation, rubric: Rubric, assignment: Assignment, options: GradeOptions) {
  const runs = options.searchRuns ?? diagnosisRuns;
  // the lecture's network is searched exactly as `check` does with no assignment flags
  const stated = JSON.stringify(assignment) === JSON.stringify(defaultAssignment) ? {} : { assignment };
  const report = await checkImplementation(given, {
    seed: options.seed,
    runs,
    deadlineMs: 60_000,
    ...stated,
    allowUnstableCost: assignment.allowUnstableCost,
  });
  const flags = assignmentFlags(rubric.assignment);
  return {
    mistakes: report.mistakes,
    clues: report.clues,
    counterexample: report.counterexample ?? undefined,
    replay: report.passed ? undefined : `npx gradcheck check YOUR_FOLDER --seed ${options.seed} --runs ${runs}${flags}`,
  };
}

/** The rubric's assignment as `check`'s flags, so the replay line checks the same family. */
function assignmentFlags(a: AssignmentSpec): string {
  const stated = rubricAssignment({ name: "", assignment: a, tests: [] });
  if (!stated.ok) return "";
  return assignmentFieldNames
    .map((field) => {
      const v = field === "output" ? (a.output ?? (a.outputActivation || a.cost ? stated.assignment.output : undefined)) : a[field];
      if (v === undefined || v === false) return "";
      const flag = assignmentFlag(field);
      return v === true ? ` --${flag}` : ` --${flag} ${Array.isArray(v) ? v.join(",") : String(v)}`;
    })
    .join("");
}

/** A student none of whose code could be run: every test failed with the reason. */
export function notGraded(
  id: string,
  rubric: Rubric,
  status: SubmissionStatus,
  reason: string,
  warnings: readonly string[] = [],
): SubmissionResult {
  const items = rubric.tests.map((t) => ({
    id: t.id,
    passed: false,
    points: 0,
    maxPoints: t.points,
    message: `not run (${status}): ${clipText(reason)}`,
  }));
  return scored(id, status, rubric, items, { mistakes: [], reason, warnings });
}

function scored(
  id: string,
  status: SubmissionStatus,
  rubric: Rubric,
  items: ItemResult[],
  rest: {
    mistakes: SubmissionResult["mistakes"];
    problems?: SubmissionResult["problems"];
    clues?: SubmissionResult["clues"];
    counterexample?: CaseFile;
    replay?: string;
    reason?: string;
    warnings: readonly string[];
    replayLanguage?: SubmissionResult["replayLanguage"];
    courseAdapter?: string;
  },
): SubmissionResult {
  const maxPoints = maxPointsOf(rubric);
  const points = items.reduce((s, i) => s + i.points, 0);
  return {
    id,
    status,
    score: maxPoints > 0 ? points / maxPoints : 0,
    points,
    maxPoints,
    // Whatever the submission printed, each text in every output is bounded (see clipText).
    items: items.map((i) => ({ ...i, message: clipText(i.message) })),
    mistakes: rest.mistakes,
    ...(rest.reason !== undefined ? { reason: clipText(rest.reason) } : {}),
    ...(rest.counterexample ? { counterexample: rest.counterexample } : {}),
    ...(rest.replay ? { replay: rest.replay } : {}),
    ...(rest.replayLanguage ? { replayLanguage: rest.replayLanguage } : {}),
    ...(rest.courseAdapter ? { courseAdapter: rest.courseAdapter } : {}),
    ...(rest.problems && Object.keys(rest.problems).length > 0 ? { problems: rest.problems } : {}),
    ...(rest.clues && rest.clues.length > 0 ? { clues: rest.clues } : {}),
    warnings: rest.warnings.slice(0, 20).map((w) => clipText(w)),
  };
}
