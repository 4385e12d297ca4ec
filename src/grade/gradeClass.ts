import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { classMarkdown } from "../report/classMarkdown.ts";
import { byCodeUnit, discoverClass, type ClassListing, type StudentEntry } from "./discoverClass.ts";
import { neutraliseForTerminal } from "../report/untrustedText.ts";
import { feedbackMarkdown } from "../report/feedbackMarkdown.ts";
import { gradcheckVersion } from "./gradcheckVersion.ts";
import { gradescopeResults } from "../report/gradescopeResults.ts";
import { privateCopyOf } from "./gradeStudent.ts";
import { rubricAssignment } from "./rubricAssignment.ts";
import { insideFolder } from "./insideFolder.ts";
import { gradeSubmission, notGraded } from "./gradeSubmission.ts";
import type { Rubric } from "./Rubric.ts";
import { summaryCsv } from "../report/summaryCsv.ts";
import type { ClassSummary } from "../report/ClassSummary.ts";
import { renderClassHtml } from "../report/renderClassHtml.ts";
import { summaryEntry, type SubmissionResult } from "../report/SubmissionResult.ts";
import { writeAtomic } from "./writeAtomic.ts";

export interface ClassOptions {
  readonly classDir: string;
  readonly outDir: string;
  /** where to write report.html, the class overview page (may be outDir; never inside classDir) */
  readonly reportDir?: string;
  readonly rubric: Rubric;
  /** the run's seed; without one, a resumed run's recorded seed, else drawSeed() */
  readonly seed?: number;
  readonly drawSeed: () => number;
  readonly jobs: number;
  readonly callTimeoutMs: number;
  /** keep results whose submission, rubric, seed and version are unchanged */
  readonly resume: boolean;
  /** regrade these ids even when unchanged (the rest as with resume) */
  readonly only?: readonly string[];
  readonly onStart?: (total: number, seed: number) => void;
  readonly onStudent?: (done: StudentDone) => void;
}

export interface StudentDone {
  readonly result: SubmissionResult;
  readonly seconds: number;
  /** kept from an earlier run (resume) */
  readonly reused: boolean;
}

export type ClassRun =
  | { readonly ok: true; readonly seed: number; readonly students: readonly StudentDone[]; readonly loose: readonly string[] }
  | { readonly ok: false; readonly error: string };

/** What a run records before grading anyone, so a killed run resumes with the same seed. */
interface RunRecord {
  readonly seed: number;
  readonly version: string;
}
/** Per student, written last: its presence means the student's outputs are complete. */
interface StudentRecord {
  readonly hash: string;
  readonly seconds: number;
  readonly result: SubmissionResult;
}

export const runFile = "run.json";
const recordFile = "record.json";
/** Names of the class-level outputs: a student called this is graded under another name. */
const reserved = new Set(["summary.json", "summary.csv", "class.md", "report.html", runFile]);

/**
 * Names are data: a student whose folder name holds control characters (ESC, BEL, bidi
 * overrides) is graded under that name shown escaped (`\x1b[31mred`), so no output, not even
 * its folder name in a listing, can draw on a terminal; one named like a class output
 * (summary.csv) is graded as `summary.csv~student` (or ~student2, … if that is taken too).
 * Neither stops the class.
 */
function withFreeIds(listing: ClassListing): ClassListing {
  const taken = new Set(listing.students.map((s) => s.id));
  const students = listing.students.map((s) => {
    const shown = neutraliseForTerminal(s.id);
    if (shown === s.id && !reserved.has(s.id)) return s;
    let id = reserved.has(shown) || taken.has(shown) ? `${shown}~student` : shown;
    for (let k = 2; taken.has(id) || reserved.has(id); k++) id = `${shown}~student${k}`;
    taken.add(id);
    return { ...s, id };
  });
  return { ...listing, students: students.sort((a, b) => byCodeUnit(a.id, b.id)) };
}

/**
 * Grades every student of a class folder into OUT_DIR (see the README's `grade` section):
 * `jobs` students at a time, each in its own sandboxed children; every output written
 * atomically; a student's outputs complete before the next summary is written. Problems with
 * the class or OUT_DIR come back as data with a message naming the path.
 */
export async function gradeClass(options: ClassOptions): Promise<ClassRun> {
  const refused = refuseFolders(options);
  if (refused) return { ok: false, error: refused };
  const listing = withFreeIds(discoverClass(options.classDir));
  if (listing.students.length === 0) return { ok: false, error: `${options.classDir}: no student folders or .zip files in it` };
  const unknown = (options.only ?? []).filter((id) => !listing.students.some((s) => s.id === id));
  if (unknown.length) return { ok: false, error: `--only: no student ${unknown.map((u) => `'${u}'`).join(", ")} in ${options.classDir}` };

  const continuing = options.resume || options.only !== undefined;
  const recorded = continuing ? readJson<RunRecord>(join(options.outDir, runFile)) : undefined;
  const seed = options.seed ?? recorded?.seed ?? options.drawSeed();
  writeAtomic(join(options.outDir, runFile), JSON.stringify({ seed, version: gradcheckVersion } satisfies RunRecord, null, 1) + "\n");
  options.onStart?.(listing.students.length, seed);

  const rubricText = JSON.stringify(options.rubric);
  const done: StudentDone[] = new Array(listing.students.length);
  let next = 0;
  const worker = async () => {
    while (next < listing.students.length) {
      const k = next++;
      done[k] = await gradeOne(
        listing.students[k],
        options,
        seed,
        rubricText,
        continuing && !options.only?.includes(listing.students[k].id),
      );
      options.onStudent?.(done[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, listing.students.length)) }, worker));
  const summary = writeClassOutputs(options, seed, done, listing.loose);
  if (options.reportDir !== undefined) {
    mkdirSync(options.reportDir, { recursive: true });
    writeAtomic(join(options.reportDir, "report.html"), await renderClassHtml(summary));
  }
  return { ok: true, seed, students: done, loose: listing.loose };
}

function refuseFolders({ classDir, outDir, reportDir, resume, only }: ClassOptions): string | undefined {
  if (!existsSync(classDir)) return `${classDir}: no such folder (CLASS_DIR must be a folder with one subfolder or .zip per student)`;
  if (!statSync(classDir).isDirectory())
    return `${classDir}: not a folder (CLASS_DIR must be a folder with one subfolder or .zip per student)`;
  if (insideFolder(outDir, classDir))
    return `--out ${outDir} is inside CLASS_DIR ${classDir}: it would be graded as a student; choose a folder outside it`;
  if (reportDir !== undefined && insideFolder(reportDir, classDir))
    return `--report ${reportDir} is inside CLASS_DIR ${classDir}: it would be graded as a student; choose a folder outside it`;
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) return `--out ${outDir}: exists and is not a folder`;
  if (!resume && only === undefined && existsSync(outDir) && readdirSync(outDir).length > 0) {
    return `--out ${outDir}: not empty; pass --resume to continue the run recorded there, or choose an empty folder (nothing was written)`;
  }
  return undefined;
}

async function gradeOne(
  student: StudentEntry,
  options: ClassOptions,
  seed: number,
  rubricText: string,
  mayReuse: boolean,
): Promise<StudentDone> {
  const dir = join(options.outDir, student.id);
  const started = process.hrtime.bigint();
  const done = (result: SubmissionResult, hash = ""): StudentDone => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    writeStudent(dir, options.rubric, { hash, seconds, result }, seed);
    return { result, seconds, reused: false };
  };
  try {
    // The folder is read once, into its bounded private copy; the hash is that copy's.
    const copy = await privateCopyOf(student, options.rubric);
    const content = copy.ok ? copy.staged.hash : `${copy.result.status} ${copy.result.reason}`;
    const hash = gradingHash(seed, rubricText, content);
    const previous = mayReuse ? readJson<StudentRecord>(join(dir, recordFile)) : undefined;
    if (previous?.hash === hash) {
      if (copy.ok) copy.staged.release();
      return { result: previous.result, seconds: previous.seconds, reused: true };
    }
    if (!copy.ok) return done(copy.result, hash);
    const grading = { seed, callTimeoutMs: options.callTimeoutMs, staged: copy.staged, shownAs: student.paths[0] };
    return done(await gradeSubmission(student.id, copy.staged.dir, options.rubric, grading), hash);
  } catch (e) {
    // gradcheck's own failure on one student's data: that student's status, never the class's
    const why = `gradcheck failed while grading: ${(e as Error)?.message ?? String(e)}`;
    const result = notGraded(student.id, options.rubric, "internal-error", why);
    try {
      return done(result);
    } catch {
      // the student's own outputs cannot be written either: the class's still list them
      return { result, seconds: 0, reused: false };
    }
  }
}

/** What a grade depends on: gradcheck's version, the seed, the rubric and the submission's content. */
function gradingHash(seed: number, rubricText: string, content: string): string {
  return createHash("sha256")
    .update(JSON.stringify([gradcheckVersion, seed, rubricText, content]))
    .digest("hex");
}

function writeStudent(dir: string, rubric: Rubric, record: StudentRecord, seed: number): void {
  const { result } = record;
  writeAtomic(join(dir, "results.json"), JSON.stringify(gradescopeResults(rubric, result, seed, gradcheckVersion), null, 1) + "\n");
  const stated = rubricAssignment(rubric);
  writeAtomic(join(dir, "feedback.md"), feedbackMarkdown(rubric, result, seed, stated.ok ? stated.assignment : undefined));
  const counterexample = join(dir, "counterexample.json");
  if (result.counterexample && result.items.some((i) => !i.passed))
    writeAtomic(counterexample, JSON.stringify(result.counterexample, null, 1) + "\n");
  else rmSync(counterexample, { force: true });
  writeAtomic(join(dir, recordFile), JSON.stringify(record) + "\n");
}

function writeClassOutputs(options: ClassOptions, seed: number, done: readonly StudentDone[], loose: readonly string[]): ClassSummary {
  const results = done.map((d) => d.result);
  const summary: ClassSummary = { seed, version: gradcheckVersion, rubric: options.rubric, submissions: results.map(summaryEntry) };
  writeAtomic(join(options.outDir, "summary.json"), JSON.stringify(summary, null, 1) + "\n");
  writeAtomic(join(options.outDir, "summary.csv"), summaryCsv(options.rubric, done));
  writeAtomic(join(options.outDir, "class.md"), classMarkdown(options.rubric, results, seed, loose));
  return summary;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}
