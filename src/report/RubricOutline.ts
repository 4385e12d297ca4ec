/**
 * What the reports show of a rubric: its name and, per test, the name, points and who may see
 * it. The reports declare it and grade's Rubric fills it, so rendering never reads grading.
 */
export interface RubricOutline {
  readonly name: string;
  readonly tests: readonly TestOutline[];
}

export interface TestOutline {
  readonly id: string;
  readonly name: string;
  readonly points: number;
  /** Gradescope's: hidden tests are left out of a student's feedback, after_due_date ones marked */
  readonly visibility: "visible" | "hidden" | "after_due_date";
}
