import { clueTitles } from "../judge/clues/Clue.ts";
import { findingInfo, statusLine, wrongValue, type SubmissionFindingKind } from "../outcome/index.ts";
import { mistakeInfo } from "../mistakes/index.ts";
import { escapeMarkdownInline, markdownCodeBlock } from "./untrustedText.ts";
import { replaySnippet, type Interface } from "./replaySnippet.ts";
import { pythonCourseSnippet } from "./pythonCourseSnippet.ts";
import { courseNaming } from "./courseNames.ts";
import { replayRequest } from "./replayRequest.ts";
import type { RubricOutline, TestOutline } from "./RubricOutline.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";

/**
 * A student's feedback.md: the score, each test (hidden ones left out entirely,
 * after-due-date ones marked), what failed and why, the named mistake with its hint (or what
 * else happened, with its hint, and the clues the numbers show), and the counterexample with
 * how to replay it with the student's own tools (in the layout and labels the rubric's assignment
 * states, `stated`). Text from the submission is escaped.
 */
export function feedbackMarkdown(rubric: RubricOutline, r: SubmissionResult, seed: number, stated?: Interface): string {
  const shown = rubric.tests.filter((t) => t.visibility !== "hidden");
  const lines = [`# Feedback: ${escapeMarkdownInline(r.id)}`, ""];
  const points = r.items.filter((i) => shown.some((t) => t.id === i.id)).reduce((s, i) => s + i.points, 0);
  const max = shown.reduce((s, t) => s + t.points, 0);
  lines.push(`Score on the tests shown here: **${points} / ${max}**. Seed ${seed}.`, "");
  for (const note of r.notes ?? []) lines.push(`**Note:** ${escapeMarkdownInline(note)}`, "");
  if (r.status !== "graded") {
    lines.push(`## Not graded: ${r.status}`, "", statusLine(r.status) + ".", "", markdownCodeBlock(r.reason ?? ""), "");
    return lines.join("\n");
  }
  lines.push("## Tests", "", "| test | points | result |", "|---|---|---|");
  for (const t of shown) {
    const item = r.items.find((i) => i.id === t.id)!;
    const when = t.visibility === "after_due_date" ? " (shown after the due date)" : "";
    lines.push(`| ${escapeMarkdownInline(t.name)}${when} | ${item.points} / ${t.points} | ${item.passed ? "passed" : "**failed**"} |`);
  }
  const failed = shown.filter((t) => !r.items.find((i) => i.id === t.id)!.passed);
  if (failed.length === 0) return lines.join("\n") + "\n";
  lines.push("", "## What failed", "");
  const named = courseNaming(r.courseAdapter);
  for (const t of failed)
    lines.push(`### ${escapeMarkdownInline(t.name)}`, "", markdownCodeBlock(named(r.items.find((i) => i.id === t.id)!.message)), "");
  lines.push(...whatWentWrong(r, failed));
  if (r.counterexample) {
    const ce = r.counterexample;
    lines.push(
      "## A small network where it goes wrong",
      "",
      `layerSizes [${ce.layerSizes.join(", ")}], m = ${ce.X.length}, ${named("λ = ")}${ce.lambda}. It is saved beside this file as \`counterexample.json\` (the case-file format: X, labels, theta, and gradcheck's expected J and gradient${ce.submitted ? ", with what your code answered" : ""}).`,
      "",
      ...replayRequest(ce),
      "",
      ...replayInOwnLanguage(r, stated),
    );
  }
  return lines.join("\n");
}

/**
 * The mistake named by the catalogue; else what did happen — state between calls, a crash, a
 * time-out, a NaN — each with its hint; and for wrong values no mistake fits, the clues.
 */
function whatWentWrong(r: SubmissionResult, failed: readonly TestOutline[]): string[] {
  const lines = ["## The mistake", ""];
  for (const id of r.mistakes) {
    const m = mistakeInfo[id];
    lines.push(`### ${m.title} (\`${id}\`)`, "", m.explanation, "", `**Hint:** ${m.hint}`, "");
  }
  const problems = [...new Set(failed.map((t) => r.problems?.[t.id]).filter((p): p is SubmissionFindingKind => p !== undefined))];
  const other = problems.filter((p) => !wrongValue.has(p));
  for (const p of other) {
    const info = findingInfo[p];
    lines.push(`### ${info.title} (\`${p}\`)`, "", info.explanation, "", `**Hint:** ${info.hint}`, "");
  }
  const clues = r.clues ?? [];
  if (r.mistakes.length === 0 && clues.length > 0) {
    lines.push("### What the numbers show", "", "No catalogued mistake fits your answers; these patterns do:", "");
    for (const c of clues) lines.push(`- **${clueTitles[c.id]}** (\`${c.id}\`): ${escapeMarkdownInline(c.message)}`);
    lines.push("");
  }
  if (r.mistakes.length === 0 && clues.length === 0 && problems.some((p) => wrongValue.has(p)))
    lines.push(
      "No catalogued mistake fits these wrong values, and they show no known pattern; the messages above say which entries are off and by how much, and the network below is a small case to step through by hand.",
      "",
    );
  if (lines.length === 2)
    lines.push("The messages above say what happened; the network below is a small case to step through by hand.", "");
  return lines;
}

/**
 * The counterexample as a script in the student's own language (Octave or numpy), calling
 * their own function with the assignment's conventions: runnable with the course's tools
 * alone, no gradcheck needed.
 */
function replayInOwnLanguage(r: SubmissionResult, stated: Interface | undefined): string[] {
  const course = r.counterexample && r.courseAdapter ? pythonCourseSnippet(r.counterexample, r.courseAdapter) : undefined;
  if (course) return ["Or run it in Python (numpy), next to your own code:", "", markdownCodeBlock(course.join("\n")), ""];
  if (!r.counterexample || !r.replayLanguage) return [];
  const snippet = replaySnippet(r.counterexample, r.replayLanguage, stated);
  const name = r.replayLanguage === "octave" ? "Octave" : "Python (numpy)";
  return [`Or run it in ${name}, next to your own code:`, "", markdownCodeBlock(snippet.join("\n")), ""];
}
