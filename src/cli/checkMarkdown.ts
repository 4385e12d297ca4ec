import { shellWord } from "./shellWord.ts";
import { mistakeInfo } from "../mistakes/mistakeInfo.ts";
import type { CheckReport } from "../judge/checkReport.ts";
import { findingInfo, wrongValue } from "../outcome/index.ts";
import { checkExitCode } from "./checkExitCode.ts";
import { clueTitles, explainedText, type Clue } from "../judge/clues/Clue.ts";
import { rankedByShare, severalAtOnce } from "../judge/findClues.ts";
import { neutraliseForMarkdown as md } from "../sandbox/untrustedText.ts";

/** The Markdown report `--report DIR` writes beside the JSON. */
export function checkMarkdown(report: CheckReport, replay: string, submissionPath = report.submission): string {
  const lines: string[] = [`# gradcheck check: ${report.passed ? "passed" : "failed"}`, ""];
  lines.push(
    `- submission: ${md(report.submission)}`,
    `- seed: ${report.seed}`,
    `- random networks tried: ${report.runs}`,
    `- exit code: ${checkExitCode(report)}`,
    `- replay: \`${replay}\``,
  );
  for (const w of report.warnings) lines.push(`- warning: ${md(w)}`);
  if (report.problem) {
    const info = findingInfo[report.problem];
    lines.push("", `## ${info.title}`, "", info.explanation, "", md(report.message ?? ""), "", `Hint: ${info.hint}`);
    return lines.join("\n") + "\n";
  }
  if (!report.passed) {
    const v = (x: boolean | null) => (x === null ? "not reached" : x ? "passed" : "**failed**");
    lines.push(
      "",
      "## Checks",
      "",
      "| check | result |",
      "|---|---|",
      `| (a) cost and gradient vs gradcheck's own | ${v(report.checks.matchesReference)} |`,
      `| (b) gradient vs finite differences of its own cost | ${report.checks.notDecided === undefined ? v(report.checks.selfConsistent) : "not decided"} |`,
    );
    lines.push("", "## Findings", "");
    for (const f of report.findings) lines.push(`- **${findingInfo[f.problem].title}**${f.check ? ` (${f.check})` : ""}: ${md(f.message)}`);
    lines.push("", "## Diagnosis", "");
    if (report.mistakes.length === 0 && report.clues.length > 0) {
      lines.push(
        `No catalogued mistake fits. What the numbers show${severalAtOnce(report.clues) ? " (two patterns at once: maybe several mistakes)" : ""}${rankedByShare(report.clues) ? ", ordered by how much of the error each explains" : ""}:`,
        "",
      );
      for (const c of report.clues) lines.push(`- **${clueTitles[c.id]}** (\`${c.id}\`): ${c.message}${explained(c)}`);
      lines.push("");
    } else if (report.mistakes.length === 0) {
      lines.push(
        report.findings.some((f) => wrongValue.has(f.problem))
          ? "Unrecognised: the error matches no catalogued mistake and shows none of the known patterns."
          : "None: the failure is not a wrong value, so there is no error pattern to match.",
      );
    }
    for (const id of report.mistakes) {
      const m = mistakeInfo[id];
      lines.push(`### \`${id}\`: ${m.title}`, "", m.explanation, "", `Fix: ${m.hint}`, "");
    }
    if (report.counterexample) {
      const ce = report.counterexample;
      const from = report.firstFailure
        ? ` (shrunk ${report.shrinks} times from layerSizes [${report.firstFailure.layerSizes}], m = ${report.firstFailure.m})`
        : "";
      lines.push(
        "",
        "## Minimal counterexample",
        "",
        `layerSizes [${ce.layerSizes}], m = ${ce.X.length}, λ = ${ce.lambda}${from}. Saved as \`counterexample.json\` beside this report; replay it on the submission with \`npx gradcheck check ${shellWord(submissionPath)} --case counterexample.json\` from this folder, or see gradcheck's own answer with \`npx gradcheck eval counterexample.json\`.`,
        "",
        "```json",
        JSON.stringify(ce, null, 1),
        "```",
      );
    }
  }
  if (report.mutated.length > 0)
    lines.push("", `Warning: ${findingInfo["mutated-input"].title} (${report.mutated.join(", ")}). ${findingInfo["mutated-input"].hint}`);
  return lines.join("\n") + "\n";
}

/** " (explains 100% of the error)" after a ranked clue; nothing after the others. */
function explained(c: Clue): string {
  const text = explainedText(c);
  return text ? ` (${text})` : "";
}
