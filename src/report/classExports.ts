import type { Annotation } from "./githubAnnotations.ts";
import type { JUnitSuite } from "./junit.ts";
import type { RubricOutline } from "./RubricOutline.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";

/** A graded student as the class exports read it (grade's StudentDone is one). */
type Graded = { readonly result: SubmissionResult };

/** --junit: one suite per student, one case per rubric test. */
export function classJUnit(rubric: RubricOutline, students: readonly Graded[]): JUnitSuite[] {
  return students.map(({ result: r }) => ({
    name: r.id,
    cases: rubric.tests.map((t) => {
      const item = r.items.find((i) => i.id === t.id)!;
      return { name: t.name, className: `${r.id}.${t.id}`, ...(item.passed ? {} : { failure: item.message }) };
    }),
  }));
}

/** --format github: an error per student that could not be graded, a warning per failed test. */
export function classAnnotations(rubric: RubricOutline, students: readonly Graded[]): Annotation[] {
  const notes: Annotation[] = [];
  for (const { result: r } of students) {
    if (r.status !== "graded") {
      notes.push({ level: "error", title: `${r.id}: ${r.status}`, message: r.reason ?? r.status });
      continue;
    }
    for (const t of rubric.tests) {
      const item = r.items.find((i) => i.id === t.id)!;
      if (!item.passed)
        notes.push({
          level: "warning",
          title: `${r.id}: ${t.name} (0/${t.points})`,
          message: item.message + (r.mistakes.length ? `\nmistakes: ${r.mistakes.join(", ")}` : ""),
        });
    }
  }
  return notes;
}
