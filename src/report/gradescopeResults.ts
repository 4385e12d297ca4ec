import { mistakeInfo } from "../mistakes/index.ts";
import { escapeMarkdownInline, markdownCodeBlock } from "./untrustedText.ts";
import { replayRequest } from "./replayRequest.ts";
import type { RubricOutline, TestOutline } from "./RubricOutline.ts";
import { statusLine } from "../outcome/index.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";
import { courseNaming } from "./courseNames.ts";

/** One test in Gradescope's results.json. */
export interface GradescopeTest {
  score: number;
  max_score: number;
  status: "passed" | "failed";
  name: string;
  output: string;
  output_format: "md";
  visibility: "visible" | "hidden" | "after_due_date" | "after_published";
}

/** Gradescope's results.json (the autograder specification's top-level fields). */
export interface GradescopeResults {
  score: number;
  output: string;
  output_format: "md";
  visibility: "visible";
  tests: GradescopeTest[];
  extra_data: { seed: number; status: string; mistakes: string[]; version: string };
}

/**
 * A student's results in Gradescope's results.json format. Outputs are Markdown with the
 * submission's text escaped. What the sandbox could not enforce goes into a 0-point test
 * that is hidden from students, so only staff see it.
 */
export function gradescopeResults(rubric: RubricOutline, r: SubmissionResult, seed: number, version: string): GradescopeResults {
  return {
    score: r.points,
    output: overallOutput(r, seed, version).join("\n"),
    output_format: "md",
    visibility: "visible",
    tests: [...rubric.tests.map((t) => testResult(t, r)), ...sandboxWarnings(r)],
    extra_data: { seed, status: r.status, mistakes: [...r.mistakes], version },
  };
}

function testResult(t: TestOutline, r: SubmissionResult): GradescopeTest {
  const item = r.items.find((i) => i.id === t.id)!;
  // the entries in the course's names, as the student's feedback.md gives them
  const message = courseNaming(r.courseAdapter)(item.message);
  return {
    score: item.points,
    max_score: t.points,
    status: item.passed ? "passed" : "failed",
    name: t.name,
    output: item.passed ? escapeMarkdownInline(message) : markdownCodeBlock(message),
    output_format: "md",
    visibility: t.visibility,
  };
}

/** What the sandbox could not enforce, as a 0-point test only staff see. */
function sandboxWarnings(r: SubmissionResult): GradescopeTest[] {
  if (!r.warnings.length) return [];
  return [
    {
      score: 0,
      max_score: 0,
      status: "passed",
      name: "Sandbox protections missing (staff only)",
      output: r.warnings.map((w) => `- ${escapeMarkdownInline(w)}`).join("\n"),
      output_format: "md",
      visibility: "hidden",
    },
  ];
}

/** The top of the page: points, notes, why it was not graded, the mistakes, and the smallest failing network. */
function overallOutput(r: SubmissionResult, seed: number, version: string): string[] {
  const out: string[] = [`gradcheck ${version}, seed ${seed}: ${r.points} / ${r.maxPoints} points.`];
  for (const note of r.notes ?? []) out.push("", `**Note:** ${escapeMarkdownInline(note)}`);
  if (r.status !== "graded") out.push("", `**Not graded (${r.status}):** ${statusLine(r.status)}.`, "", markdownCodeBlock(r.reason ?? ""));
  for (const id of r.mistakes)
    out.push("", `**${mistakeInfo[id].title}** (\`${id}\`): ${mistakeInfo[id].explanation}`, "", `Hint: ${mistakeInfo[id].hint}`);
  if (r.counterexample && r.status === "graded" && r.items.some((i) => !i.passed)) {
    const ce = r.counterexample;
    out.push(
      "",
      `Smallest failing network found: layerSizes [${ce.layerSizes.join(", ")}], m = ${ce.X.length}, ${courseNaming(r.courseAdapter)("λ = ")}${ce.lambda}.`,
    );
    out.push("", ...replayRequest(ce, { file: false }));
  }
  return out;
}
