import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StudentEntry } from "./discoverClass.ts";
import { gradeSubmission, notGraded, type GradeOptions } from "./gradeSubmission.ts";
import type { Rubric } from "./Rubric.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";
import { unpackZip } from "./unpackZip.ts";
import { defaultArchiveLimits, type ArchiveLimits } from "./archiveLimits.ts";

/**
 * One student of the class, whatever form they came in: a folder is graded where it is; a
 * zip is unpacked by the rules of unpackZip into a private temporary folder, graded there
 * and removed; a duplicate id is not graded at all.
 */
export async function gradeStudent(
  student: StudentEntry,
  rubric: Rubric,
  options: GradeOptions & { archiveLimits?: ArchiveLimits },
): Promise<SubmissionResult> {
  if (student.kind === "duplicate") {
    return notGraded(
      student.id,
      rubric,
      "duplicate-id",
      `both ${student.paths.join(" and ")} are named '${student.id}'; remove or rename one`,
    );
  }
  const [path] = student.paths;
  if (student.kind === "folder") return gradeSubmission(student.id, path, rubric, options);
  const scratch = mkdtempSync(join(tmpdir(), "gradcheck-zip-"));
  try {
    const unpacked = await unpackZip(path, scratch, options.archiveLimits ?? defaultArchiveLimits);
    if (!unpacked.ok) return notGraded(student.id, rubric, "refused-archive", unpacked.message);
    return await gradeSubmission(student.id, submissionRoot(scratch), rubric, options);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Students often zip the folder rather than its files: a zip holding one folder and nothing else is that folder. */
function submissionRoot(dir: string): string {
  const names = readdirSync(dir).filter((n) => n !== "__MACOSX");
  return names.length === 1 && statSync(join(dir, names[0])).isDirectory() ? join(dir, names[0]) : dir;
}
