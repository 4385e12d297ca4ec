import { chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gradcheckVersion } from "./gradcheckVersion.ts";
import { gradescopeResults } from "./gradescopeResults.ts";
import { gradeStudent } from "./gradeStudent.ts";
import { notGraded } from "./gradeSubmission.ts";
import type { Rubric } from "./Rubric.ts";
import { writeAtomic } from "./writeAtomic.ts";

/**
 * Gradescope's side of grading: ROOT/submission is one student, graded with the same code as
 * `grade`, and ROOT/results/results.json is written after the submission's processes have
 * ended (gradeSubmission closes them before returning), whatever happened. Before anything
 * runs, ROOT/source (the rubric and the seed) and ROOT/results are made private to their owner,
 * so a submission running under another uid can neither read the one nor write the other.
 */
export async function autograde(root: string, rubric: Rubric, seed: number, callTimeoutMs: number): Promise<void> {
  const results = join(root, "results");
  for (const dir of [join(root, "source"), results]) if (existsSync(dir)) chmodSync(dir, 0o700);
  let text: string;
  try {
    const result = await gradeStudent({ id: "submission", kind: "folder", paths: [join(root, "submission")] }, rubric, { seed, callTimeoutMs });
    text = JSON.stringify(gradescopeResults(rubric, result, seed, gradcheckVersion), null, 1);
  } catch (e) {
    const failed = notGraded("submission", rubric, "cannot-load", `gradcheck could not grade this submission: ${(e as Error).message}`);
    text = JSON.stringify(gradescopeResults(rubric, failed, seed, gradcheckVersion), null, 1);
  }
  writeAtomic(join(results, "results.json"), text + "\n");
}
