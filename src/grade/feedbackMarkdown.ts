import { mistakeInfo } from "../mistakes/index.ts";
import { escapeMarkdownInline, markdownCodeBlock } from "../report/escapeMarkdown.ts";
import type { Rubric } from "./Rubric.ts";
import { statusInfo, type SubmissionResult } from "./SubmissionResult.ts";

/**
 * A student's feedback.md: the score, each test (hidden ones left out entirely,
 * after-due-date ones marked), what failed and why, the named mistake with its hint, and the
 * counterexample with how to replay it. Text from the submission is escaped.
 */
export function feedbackMarkdown(rubric: Rubric, r: SubmissionResult, seed: number): string {
  const shown = rubric.tests.filter((t) => t.visibility !== "hidden");
  const lines = [`# Feedback: ${escapeMarkdownInline(r.id)}`, ""];
  const points = r.items.filter((i) => shown.some((t) => t.id === i.id)).reduce((s, i) => s + i.points, 0);
  const max = shown.reduce((s, t) => s + t.points, 0);
  lines.push(`Score on the tests shown here: **${points} / ${max}**. Seed ${seed}.`, "");
  if (r.status !== "graded") {
    lines.push(`## Not graded: ${r.status}`, "", statusInfo[r.status] + ".", "", markdownCodeBlock(r.reason ?? ""), "");
    return lines.join("\n");
  }
  lines.push("## Tests", "", "| test | points | result |", "|---|---|---|");
  for (const t of shown) {
    const item = r.items.find((i) => i.id === t.id)!;
    const when = t.visibility === "after_due_date" ? " (shown after the due date)" : "";
    lines.push(`| ${escapeMarkdownInline(t.name)}${when} | ${item.points} / ${t.points} | ${item.passed ? "passed" : "**failed**"} |`);
  }
  const failed = shown.filter((t) => !r.items.find((i) => i.id === t.id)!.passed);
  if (failed.length) {
    lines.push("", "## What failed", "");
    for (const t of failed)
      lines.push(`### ${escapeMarkdownInline(t.name)}`, "", markdownCodeBlock(r.items.find((i) => i.id === t.id)!.message), "");
  }
  if (r.mistakes.length) {
    lines.push("## The mistake", "");
    for (const id of r.mistakes) {
      const m = mistakeInfo[id];
      lines.push(`### ${m.title} (\`${id}\`)`, "", m.explanation, "", `**Hint:** ${m.hint}`, "");
    }
  } else if (failed.length) {
    lines.push(
      "## The mistake",
      "",
      "No catalogued mistake fits these answers (a crash, a time-out or a NaN has no error pattern to match); the counterexample below shows where to look.",
      "",
    );
  }
  if (r.counterexample && failed.length) {
    const ce = r.counterexample;
    lines.push(
      "## A small network where it goes wrong",
      "",
      `layerSizes [${ce.layerSizes.join(", ")}], m = ${ce.X.length}, λ = ${ce.lambda}. It is saved beside this file as \`counterexample.json\` (the case-file format: X, labels, theta, and gradcheck's expected J and gradient${ce.submitted ? ", with what your code answered" : ""}).`,
      "",
      "Call your nnCostFunction on its X, labels and theta (unrolled) and compare; or replay it:",
      "",
      "    npx gradcheck eval counterexample.json        # gradcheck's J and gradient for this case",
    );
    if (r.replay) lines.push(`    ${r.replay}   # the same search, on your folder`);
    lines.push("");
  }
  return lines.join("\n");
}
