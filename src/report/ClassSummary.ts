/** One rubric item's result for one student, as `grade` writes it to summary.json. */
export interface ItemResult {
  readonly id: string;
  readonly passed: boolean;
  readonly points: number;
  readonly maxPoints: number;
  readonly message: string;
}

export interface SubmissionSummary {
  readonly id: string;
  /** "graded", or why nothing could be run ("no-entry-file", "cannot-load", …) */
  readonly status: string;
  /** the fraction of maxPoints earned, 0..1 */
  readonly score: number;
  readonly points: number;
  readonly maxPoints: number;
  readonly items: readonly ItemResult[];
  /** catalogue ids of the mistakes recognised */
  readonly mistakes: readonly string[];
}

/** `grade`'s summary.json: what the class overview page renders. */
export interface ClassSummary {
  readonly seed: number;
  readonly version: string;
  readonly rubric: unknown;
  readonly submissions: readonly SubmissionSummary[];
}
