import { outputOf } from "../judge/Assignment.ts";
import { mistakesFor, nnCostFunctionWith, type MistakeId } from "../mistakes/index.ts";
import { inProcessImplementation } from "../sandbox/inProcessImplementation.ts";
import { gradeImplementation } from "./gradeSubmission.ts";
import type { Rubric } from "./Rubric.ts";
import { rubricAssignment } from "./rubricAssignment.ts";

/** What one submission lost under the rubric, test by test (points lost, 0 for a test passed). */
export interface DryRunRow {
  /** "reference", or the catalogue id of the one mistake planted */
  readonly answer: "reference" | MistakeId;
  readonly lost: Readonly<Record<string, number>>;
  readonly total: number;
  /** the mistakes the diagnosis named, to see whether it names the one planted */
  readonly named: readonly MistakeId[];
}

export interface DryRun {
  readonly rubric: Rubric;
  readonly rows: readonly DryRunRow[];
  /** tests gradcheck's own reference solution fails: a rubric that would fail a correct student */
  readonly referenceFails: readonly string[];
  /** catalogued mistakes that lose no points: slips the rubric does not see */
  readonly free: readonly MistakeId[];
}

/**
 * Tries a rubric before a class does: gradcheck's reference solution and, for each catalogued
 * mistake of the rubric's family, that solution with the one mistake planted, each graded under
 * the rubric at the given seed. They are gradcheck's own functions, run in this process; the
 * assignment's encodings (labels, layout) are a student's concern and are left out.
 */
export async function dryRun(rubric: Rubric, seed: number, callTimeoutMs = 1000): Promise<DryRun> {
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

/** The dry run as a plain-text table: one row per answer, one column per test, points lost. */
export function dryRunTable(d: DryRun): string[] {
  const ids = d.rubric.tests.map((t) => t.id);
  const first = Math.max(...d.rows.map((r) => r.answer.length), "answer".length);
  const width = ids.map((id) => Math.max(id.length, 3));
  const row = (name: string, cells: readonly string[], total: string, note = "") =>
    [name.padEnd(first), ...cells.map((c, k) => c.padStart(width[k])), total.padStart(5), note].join("  ").trimEnd();
  const lines = [
    `rubric "${d.rubric.name}": points lost by gradcheck's reference and by each catalogued mistake of its family`,
    "",
    row("answer", ids, "lost"),
    row(
      "",
      ids.map((id) => String(d.rubric.tests.find((t) => t.id === id)!.points)),
      "of",
    ),
  ];
  for (const r of d.rows) {
    const note =
      r.answer === "reference"
        ? r.total > 0
          ? "!! the reference fails"
          : ""
        : r.total === 0
          ? "!! loses no points"
          : r.named.includes(r.answer)
            ? ""
            : `(named: ${r.named.join(", ") || "nothing"})`;
    lines.push(
      row(
        r.answer,
        ids.map((id) => (r.lost[id] ? `−${r.lost[id]}` : "·")),
        String(r.total),
        note,
      ),
    );
  }
  lines.push("");
  if (d.referenceFails.length)
    lines.push(`!! tests the reference solution fails: ${d.referenceFails.join(", ")} (they would fail a correct student)`);
  if (d.free.length) lines.push(`!! mistakes that lose no points: ${d.free.join(", ")} (the rubric does not see them)`);
  if (!d.referenceFails.length && !d.free.length) lines.push("the reference passes every test, and every catalogued mistake loses points");
  return lines;
}
