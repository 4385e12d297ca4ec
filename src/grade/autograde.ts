import { chmodSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gradcheckVersion } from "./gradcheckVersion.ts";
import { gradescopeResults } from "../report/gradescopeResults.ts";
import { gradeStudent } from "./gradeStudent.ts";
import { notGraded } from "./gradeSubmission.ts";
import type { Rubric } from "./Rubric.ts";
import { writeAtomic } from "./writeAtomic.ts";

/**
 * Gradescope's side of grading: ROOT/submission is one student, graded with the same code as
 * `grade`, and ROOT/results/results.json is written after the submission's processes have
 * ended (gradeSubmission closes them before returning), whatever happened. Before anything
 * runs, the rubric and the seed in ROOT/source and the folder ROOT/results are made private to
 * their owner, so a submission running under another uid can neither read the one nor write the
 * other. ROOT/source itself stays traversable (not listable): the sandbox reaches the Node
 * runtime in it, which run_autograder has made world-readable.
 *
 * Only here may a submission run where bubblewrap cannot build the sandbox (Docker often
 * forbids the namespaces it needs): Gradescope gives every submission a container of its own
 * and runs this as root, so the separate-user fallback (src/sandbox/separateUser.ts) contains
 * it instead of refusing, and what it lacks goes into results.json as a hidden, staff-only test.
 */
export async function autograde(root: string, rubric: Rubric, seed: number, callTimeoutMs: number): Promise<void> {
  const results = join(root, "results");
  const source = join(root, "source");
  if (existsSync(source)) chmodSync(source, 0o711);
  for (const file of ["rubric.json", "seed", "timeout"].map((f) => join(source, f))) if (existsSync(file)) chmodSync(file, 0o600);
  if (existsSync(results)) chmodSync(results, 0o700);
  let text: string;
  try {
    const result = await gradeStudent({ id: "submission", kind: "folder", paths: [join(root, "submission")] }, rubric, {
      seed,
      callTimeoutMs,
      fallback: "separate-user",
    });
    text = JSON.stringify(gradescopeResults(rubric, result, seed, gradcheckVersion), null, 1);
  } catch (e) {
    const failed = notGraded("submission", rubric, "cannot-load", `gradcheck could not grade this submission: ${(e as Error).message}`);
    text = JSON.stringify(gradescopeResults(rubric, failed, seed, gradcheckVersion), null, 1);
  }
  writeAtomic(join(results, "results.json"), text + "\n");
}
