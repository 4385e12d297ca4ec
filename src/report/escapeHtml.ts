import { neutraliseForHtml } from "./untrustedText.ts";

/**
 * Text for HTML content and attribute values: anything a submission or a user wrote goes
 * through this. Beyond the five entities, control characters and bidi overrides are shown
 * escaped (\x1b, \u202e), so a student's message can neither hide text nor reorder what a
 * grader reads.
 */
export function escapeHtml(text: unknown): string {
  return neutraliseForHtml(String(text));
}
