import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copyOneFile } from "../sandbox/copyBounded.ts";
import { stageSubmission, type SkippedEntry, type Staged } from "../sandbox/stageSubmission.ts";
import type { StudentEntry } from "./discoverClass.ts";
import { gradeSubmission, notGraded, type GradeOptions } from "./gradeSubmission.ts";
import type { Rubric } from "./Rubric.ts";
import type { SubmissionResult } from "../report/SubmissionResult.ts";
import { unpackZip } from "./unpackZip.ts";
import { defaultArchiveLimits, type ArchiveLimits } from "./archiveLimits.ts";

/** A student's private copy, ready to hash and grade, or the result that says why there is none. */
export type PrivateCopy =
  { readonly ok: true; readonly staged: Staged & { ok: true } } | { readonly ok: false; readonly result: SubmissionResult };

/**
 * One student of the class, whatever form they came in, graded from their private copy (see
 * privateCopyOf). The copy is released when grading ends.
 */
export async function gradeStudent(
  student: StudentEntry,
  rubric: Rubric,
  options: GradeOptions & { archiveLimits?: ArchiveLimits },
): Promise<SubmissionResult> {
  const copy = await privateCopyOf(student, rubric, options.archiveLimits);
  if (!copy.ok) return copy.result;
  return gradeSubmission(student.id, copy.staged.dir, rubric, { ...options, staged: copy.staged, shownAs: student.paths[0] });
}

/**
 * The one read of a student's files: a folder is copied by stageSubmission's bounded walk; a
 * zip is copied by the same rules, unpacked by unpackZip's into a private scratch folder and
 * that is staged. Anything the walk would only skip in `check` (a FIFO, a device, a socket, a
 * hard-linked file) refuses the student here, naming the file and the rule, since a class is
 * graded unattended; a symbolic link inside is skipped as in `check`.
 */
export async function privateCopyOf(student: StudentEntry, rubric: Rubric, archiveLimits = defaultArchiveLimits): Promise<PrivateCopy> {
  const refuse = (status: SubmissionResult["status"], reason: string): PrivateCopy => ({
    ok: false,
    result: notGraded(student.id, rubric, status, reason),
  });
  const [path] = student.paths;
  if (student.kind === "duplicate")
    return refuse("duplicate-id", `both ${student.paths.join(" and ")} are named '${student.id}'; remove or rename one`);
  if (student.kind === "link")
    return refuse(
      "refused-folder",
      `${path} is a symbolic link (rule not-a-folder): a student's folder or zip must be its own, not a link that may lead to another student's`,
    );
  const staged = student.kind === "folder" ? stageSubmission(path) : await stageZip(path, archiveLimits);
  if ("refused" in staged) return refuse("refused-archive", staged.refused);
  if (!staged.ok) return refuse(staged.rule ? "refused-folder" : "cannot-load", `${path}: ${staged.message}`);
  const special = staged.skipped.find((s) => s.kind !== "symbolic link");
  if (special) {
    staged.release();
    return refuse("refused-folder", `${join(path, special.path)} ${skippedRule(special)}`);
  }
  return { ok: true, staged };
}

function skippedRule(s: SkippedEntry): string {
  return s.kind === "hard link"
    ? "has more than one link (rule one-link-only): a hard link may be a file its student cannot read; copy the file instead"
    : `is a ${s.kind} (rule regular-files-only): only regular files and folders are graded; remove it`;
}

async function stageZip(path: string, limits: ArchiveLimits): Promise<Staged | { refused: string }> {
  const scratch = mkdtempSync(join(tmpdir(), "gradcheck-zip-"));
  try {
    const archive = join(scratch, "archive.zip");
    const copied = copyOneFile(path, archive, limits.maxBytes);
    if (!copied.ok) return { refused: `${path}: refused (${copied.rule}): ${copied.message}` };
    const files = join(scratch, "files");
    mkdirSync(files);
    const unpacked = await unpackZip(archive, files, limits);
    if (!unpacked.ok) return { refused: unpacked.message.replaceAll(archive, path) };
    return stageSubmission(submissionRoot(files));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Students often zip the folder rather than its files: a zip holding one folder and nothing else is that folder. */
function submissionRoot(dir: string): string {
  const names = readdirSync(dir).filter((n) => n !== "__MACOSX");
  return names.length === 1 && statSync(join(dir, names[0])).isDirectory() ? join(dir, names[0]) : dir;
}
