import { shellWord } from "./shellWord.ts";
import { mistakeInfo } from "../mistakes/mistakeInfo.ts";
import type { CheckReport, FailedReport, NotLoadedReport, ProbeFailedReport, TooSlowReport } from "../judge/checkReport.ts";
import { findingInfo, wrongValue } from "../outcome/index.ts";
import { checkExitCode } from "./checkExitCode.ts";
import { clueTitles, explainedText, type Clue } from "../judge/clues/Clue.ts";
import { rankedByShare, severalAtOnce } from "../judge/findClues.ts";
import { neutraliseForMarkdown as md } from "./untrustedText.ts";
import { courseNaming } from "./courseNames.ts";

type Failure = ProbeFailedReport | FailedReport;

/** The Markdown report `--report DIR` writes beside the JSON. */
export function checkMarkdown(report: CheckReport, replay: string, submissionPath = report.submission): string {
  const head = summary(report, replay);
  switch (report.outcome) {
    case "not-loaded":
    case "too-slow":
      return [...head, ...notJudged(report)].join("\n") + "\n";
    case "passed":
      return [...head, ...mutatedInputs(report)].join("\n") + "\n";
    case "probe-failed":
    case "failed":
      return (
        [
          ...head,
          ...checks(report),
          ...findings(report),
          ...diagnosis(report),
          ...counterexample(report, submissionPath),
          ...mutatedInputs(report),
        ].join("\n") + "\n"
      );
  }
}

/** The title and the list every report opens with: submission, seed, networks tried, exit code, replay, warnings. */
function summary(report: CheckReport, replay: string): string[] {
  return [
    `# gradcheck check: ${report.passed ? "passed" : "failed"}`,
    "",
    `- submission: ${md(report.submission)}`,
    `- seed: ${report.seed}`,
    `- random networks tried: ${report.runs}`,
    `- exit code: ${checkExitCode(report)}`,
    `- replay: \`${replay}\``,
    ...report.warnings.map((w) => `- warning: ${md(w)}`),
  ];
}

function notJudged(report: NotLoadedReport | TooSlowReport): string[] {
  const info = findingInfo[report.problem];
  return ["", `## ${info.title}`, "", info.explanation, "", md(report.message), "", `Hint: ${info.hint}`];
}

function checks(report: Failure): string[] {
  const v = (x: boolean | null) => (x === null ? "not reached" : x ? "passed" : "**failed**");
  return [
    "",
    "## Checks",
    "",
    "| check | result |",
    "|---|---|",
    `| (a) cost and gradient vs gradcheck's own | ${v(report.checks.matchesReference)} |`,
    `| (b) gradient vs finite differences of its own cost | ${report.checks.notDecided === undefined ? v(report.checks.selfConsistent) : "not decided"} |`,
  ];
}

function findings(report: Failure): string[] {
  // named before escaping: the escaped brackets of Θ⁽ˡ⁾\[i,j\] would no longer read as an entry
  const named = courseNaming(report.submission);
  return [
    "",
    "## Findings",
    "",
    ...report.findings.map((f) => `- **${findingInfo[f.problem].title}**${f.check ? ` (${f.check})` : ""}: ${md(named(f.message))}`),
  ];
}

/** The catalogued mistakes; else the clues; else why there is nothing to match. */
function diagnosis(report: Failure): string[] {
  const lines = ["", "## Diagnosis", ""];
  if (report.mistakes.length === 0 && report.clues.length > 0) {
    lines.push(
      `No catalogued mistake fits. What the numbers show${severalAtOnce(report.clues) ? " (two patterns at once: maybe several mistakes)" : ""}${rankedByShare(report.clues) ? ", ordered by how much of the error each explains" : ""}:`,
      "",
      ...report.clues.map((c) => `- **${clueTitles[c.id]}** (\`${c.id}\`): ${c.message}${explained(c)}`),
      "",
    );
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
  return lines;
}

/** The shrunk case, where it was saved and how to replay it. */
function counterexample(report: Failure, submissionPath: string): string[] {
  const ce = report.counterexample;
  const from = report.firstFailure
    ? ` (shrunk ${report.shrinks} times from layerSizes [${report.firstFailure.layerSizes}], m = ${report.firstFailure.m})`
    : "";
  return [
    "",
    "## Minimal counterexample",
    "",
    `layerSizes [${ce.layerSizes}], m = ${ce.X.length}, ${courseNaming(report.submission)("λ = ")}${ce.lambda}${from}. Saved as \`counterexample.json\` beside this report; replay it on the submission with \`npx gradcheck check ${shellWord(submissionPath)} --case counterexample.json\` from this folder, or see gradcheck's own answer with \`npx gradcheck eval counterexample.json\`.`,
    "",
    "```json",
    JSON.stringify(ce, null, 1),
    "```",
  ];
}

function mutatedInputs(report: CheckReport): string[] {
  if (report.mutated.length === 0) return [];
  return ["", `Warning: ${findingInfo["mutated-input"].title} (${report.mutated.join(", ")}). ${findingInfo["mutated-input"].hint}`];
}

/** " (explains 100% of the error)" after a ranked clue; nothing after the others. */
function explained(c: Clue): string {
  const text = explainedText(c);
  return text ? ` (${text})` : "";
}
