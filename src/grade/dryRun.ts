import { outputOf } from "../judge/Assignment.ts";
import { mistakesFor, nnCostFunctionWith, type MistakeId } from "../mistakes/index.ts";
import { inProcessImplementation } from "../sandbox/inProcessImplementation.ts";
import { gradeImplementation } from "./gradeSubmission.ts";
import type { Rubric } from "./Rubric.ts";
import { rubricAssignment } from "./rubricAssignment.ts";
import type { DryRun, DryRunRow } from "../report/dryRunTable.ts";

export type { DryRun, DryRunRow };

/**
 * Tries a rubric before a class does: gradcheck's reference solution and, for each catalogued
 * mistake of the rubric's family, that solution with the one mistake planted, each graded under
 * the rubric at the given seed. They are gradcheck's own functions, run in this process; the
 * assignment's encodings (labels, layout) are a student's concern and are left out.
 */
export async function dryRun(rubric: Rubric, seed: number, callTimeoutMs = 1000): Promise<DryRun & { readonly rubric: Rubric }> {
  const stated = rubricAssignment(rubric);
  if (!stated.ok) throw new Error(`the rubric's assignment is invalid: ${stated.errors.join("; ")}`);
  const a = stated.assignment;
  const family = { hiddenActivation: a.hiddenActivation, ...outputOf(a.output) };
  const plain: Rubric = { ...rubric, assignment: { ...rubric.assignment, labels: "0-based", layout: "unrolled" } };
  const answers = [["reference", nnCostFunctionWith({}, family)] as const, ...mistakesFor(family)];
  const rows: DryRunRow[] = [];
  for (const [answer, fn] of answers) {
    const r = await gradeImplementation(answer, inProcessImplementation(fn, answer), plain, { seed, callTimeoutMs });
    const lost = Object.fromEntries(r.items.map((i) => [i.id, i.maxPoints - i.points]));
    rows.push({ answer, lost, total: r.maxPoints - r.points, named: r.mistakes });
  }
  const reference = rows[0];
  return {
    rubric,
    rows,
    referenceFails: rubric.tests.filter((t) => reference.lost[t.id] > 0).map((t) => t.id),
    free: rows
      .slice(1)
      .filter((row) => row.total === 0)
      .map((row) => row.answer as MistakeId),
  };
}
