import { mistakeInfo, type MistakeId } from "../mistakes/index.ts";
import { escapeMarkdownInline } from "./untrustedText.ts";
import type { RubricOutline } from "./RubricOutline.ts";
import { classFigures, figuresSentence } from "./classFigures.ts";
import type { SubmissionResult } from "./SubmissionResult.ts";

const buckets = 10;

/** class.md: how the class did — statuses, the score distribution, each test's pass rate, each mistake's count. */
export function classMarkdown(rubric: RubricOutline, results: readonly SubmissionResult[], seed: number, loose: readonly string[]): string {
  const lines = [
    ...overview(rubric, results, seed),
    ...scoreDistribution(results),
    ...testPassRates(rubric, results),
    ...mistakeCounts(results),
    ...entryFileNotes(results),
    ...skippedFiles(loose),
  ];
  return lines.join("\n") + "\n";
}

/** Who was graded with which rubric and seed, how many students had each status, and the figures in a sentence. */
function overview(rubric: RubricOutline, results: readonly SubmissionResult[], seed: number): string[] {
  const n = results.length;
  const figures = classFigures(results);
  return [
    `# Class overview`,
    "",
    `${n} student${n === 1 ? "" : "s"}, rubric "${escapeMarkdownInline(rubric.name)}", seed ${seed}.`,
    "",
    "| status | students |",
    "|---|---|",
    ...figures.statuses.map(([s, k]) => `| ${s} | ${k} |`),
    "",
    ...(n ? [`${capitalised(figuresSentence(figures))}.`, ""] : []),
  ];
}

/** Scores in ten buckets of 10%, the last one holding 100%. */
function scoreDistribution(results: readonly SubmissionResult[]): string[] {
  const counts = new Array<number>(buckets).fill(0);
  for (const r of results) counts[Math.min(buckets - 1, Math.floor(r.score * buckets))]++;
  return [
    "## Score distribution",
    "",
    "| score | students | |",
    "|---|---|---|",
    ...counts.map((k, b) => `| ${b * 10}–${b === buckets - 1 ? 100 : b * 10 + 9}% | ${k} | ${"█".repeat(k)} |`),
  ];
}

function testPassRates(rubric: RubricOutline, results: readonly SubmissionResult[]): string[] {
  const n = results.length;
  return [
    "",
    "## Tests",
    "",
    "| test | points | passed by |",
    "|---|---|---|",
    ...rubric.tests.map((t) => {
      const passed = results.filter((r) => r.items.find((i) => i.id === t.id)?.passed).length;
      return `| ${escapeMarkdownInline(t.name)} (${t.visibility}) | ${t.points} | ${passed} of ${n} |`;
    }),
  ];
}

/** Each catalogued mistake with the number of students who made it, most common first. */
function mistakeCounts(results: readonly SubmissionResult[]): string[] {
  const mistakes = new Map<MistakeId, number>();
  for (const r of results) for (const m of r.mistakes) mistakes.set(m, (mistakes.get(m) ?? 0) + 1);
  if (mistakes.size === 0) return ["", "## Mistakes", "", "No catalogued mistake was found."];
  return [
    "",
    "## Mistakes",
    "",
    "| mistake | students |",
    "|---|---|",
    ...[...mistakes]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([id, k]) => `| ${mistakeInfo[id].title} (\`${id}\`) | ${k} |`),
  ];
}

function entryFileNotes(results: readonly SubmissionResult[]): string[] {
  const noted = results.filter((r) => r.notes?.length);
  if (!noted.length) return [];
  return [
    "",
    "## Entry files",
    "",
    "Students whose entry was not the one file at the top of their folder:",
    "",
    ...noted.flatMap((r) => r.notes!.map((note) => `- ${escapeMarkdownInline(r.id)}: ${escapeMarkdownInline(note)}`)),
  ];
}

function skippedFiles(loose: readonly string[]): string[] {
  if (!loose.length) return [];
  return [
    "",
    "## Skipped",
    "",
    "Files at the top of the class folder that are neither a student's folder nor a .zip:",
    "",
    ...loose.map((f) => `- ${escapeMarkdownInline(f)}`),
  ];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
