import type { SubmissionSummary } from "./ClassSummary.ts";

/**
 * The class's figures, computed once so that class.md, the terminal and report.html say the
 * same numbers: counts by status, and mean and median score over two stated populations —
 * every student (one not graded scores 0), and the graded students only.
 */
export interface ClassFigures {
  readonly students: number;
  readonly graded: number;
  /** students per status, in order of first appearance */
  readonly statuses: readonly (readonly [string, number])[];
  /** over every student, as fractions 0..1 (NaN for an empty class) */
  readonly all: { readonly mean: number; readonly median: number };
  /** over the graded students only (NaN when none was graded) */
  readonly gradedOnly: { readonly mean: number; readonly median: number };
}

export function classFigures(submissions: readonly SubmissionSummary[]): ClassFigures {
  const statuses = new Map<string, number>();
  for (const s of submissions) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
  const graded = submissions.filter((s) => s.status === "graded");
  return {
    students: submissions.length,
    graded: graded.length,
    statuses: [...statuses],
    all: meanAndMedian(submissions.map((s) => s.score)),
    gradedOnly: meanAndMedian(graded.map((s) => s.score)),
  };
}

/** The figures in one sentence, populations named: the same words in every output. */
export function figuresSentence(f: ClassFigures): string {
  const pct = (x: number) => (Number.isNaN(x) ? "—" : `${(100 * x).toFixed(1)}%`);
  const all = `mean score ${pct(f.all.mean)}, median ${pct(f.all.median)} over all ${f.students} student${f.students === 1 ? "" : "s"} (0 for a student not graded)`;
  if (f.graded === f.students || f.graded === 0) return all;
  return `${all}; over the ${f.graded} graded: mean ${pct(f.gradedOnly.mean)}, median ${pct(f.gradedOnly.median)}`;
}

function meanAndMedian(scores: readonly number[]): { mean: number; median: number } {
  if (scores.length === 0) return { mean: NaN, median: NaN };
  const sorted = [...scores].sort((a, b) => a - b);
  const h = sorted.length >> 1;
  return {
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    median: sorted.length % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2,
  };
}
