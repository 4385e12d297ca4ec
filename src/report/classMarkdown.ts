import { mistakeInfo, type MistakeId } from "../mistakes/index.ts";
import { escapeMarkdownInline } from "./escapeMarkdown.ts";
import type { RubricOutline } from "./RubricOutline.ts";
import { classFigures, figuresSentence } from "./classFigures.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";

const buckets = 10;

/** class.md: how the class did — statuses, the score distribution, each test's pass rate, each mistake's count. */
export function classMarkdown(rubric: RubricOutline, results: readonly SubmissionResult[], seed: number, loose: readonly string[]): string {
  const n = results.length;
  const lines = [
    `# Class overview`,
    "",
    `${n} student${n === 1 ? "" : "s"}, rubric "${escapeMarkdownInline(rubric.name)}", seed ${seed}.`,
    "",
  ];
  const figures = classFigures(results);
  lines.push("| status | students |", "|---|---|", ...figures.statuses.map(([s, k]) => `| ${s} | ${k} |`), "");
  const scores = results.map((r) => r.score);
  if (n) lines.push(`${capitalised(figuresSentence(figures))}.`, "");
  lines.push("## Score distribution", "", "| score | students | |", "|---|---|---|");
  const counts = new Array<number>(buckets).fill(0);
  for (const s of scores) counts[Math.min(buckets - 1, Math.floor(s * buckets))]++;
  counts.forEach((k, b) => lines.push(`| ${b * 10}–${b === buckets - 1 ? 100 : b * 10 + 9}% | ${k} | ${"█".repeat(k)} |`));
  lines.push("", "## Tests", "", "| test | points | passed by |", "|---|---|---|");
  for (const t of rubric.tests) {
    const passed = results.filter((r) => r.items.find((i) => i.id === t.id)?.passed).length;
    lines.push(`| ${escapeMarkdownInline(t.name)} (${t.visibility}) | ${t.points} | ${passed} of ${n} |`);
  }
  const mistakes = new Map<MistakeId, number>();
  for (const r of results) for (const m of r.mistakes) mistakes.set(m, (mistakes.get(m) ?? 0) + 1);
  lines.push("", "## Mistakes", "");
  if (mistakes.size === 0) lines.push("No catalogued mistake was found.");
  else
    lines.push(
      "| mistake | students |",
      "|---|---|",
      ...[...mistakes]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([id, k]) => `| ${mistakeInfo[id].title} (\`${id}\`) | ${k} |`),
    );
  const noted = results.filter((r) => r.notes?.length);
  if (noted.length)
    lines.push(
      "",
      "## Entry files",
      "",
      "Students whose entry was not the one file at the top of their folder:",
      "",
      ...noted.flatMap((r) => r.notes!.map((note) => `- ${escapeMarkdownInline(r.id)}: ${escapeMarkdownInline(note)}`)),
    );
  if (loose.length)
    lines.push(
      "",
      "## Skipped",
      "",
      "Files at the top of the class folder that are neither a student's folder nor a .zip:",
      "",
      ...loose.map((f) => `- ${escapeMarkdownInline(f)}`),
    );
  return lines.join("\n") + "\n";
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
