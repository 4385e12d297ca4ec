import type { CheckReport, FailedReport, ProbeFailedReport } from "../judge/checkReport.ts";
import { findingInfo } from "../outcome/index.ts";
import { mistakeInfo } from "../mistakes/mistakeInfo.ts";
import { neutraliseForTerminal } from "./untrustedText.ts";

/** One GitHub Actions annotation: shown on the run's summary and, with a file, beside the code. */
export interface Annotation {
  readonly level: "error" | "warning" | "notice";
  readonly title: string;
  readonly message: string;
  readonly file?: string;
}

/**
 * GitHub's workflow-command lines (`::error file=…,title=…::message`), escaped as GitHub
 * requires: % and line breaks in the message, and also : and , in properties.
 */
export function githubAnnotations(annotations: readonly Annotation[]): string[] {
  return annotations.map((a) => {
    const props = [a.file !== undefined ? `file=${property(a.file)}` : undefined, `title=${property(a.title)}`].filter(Boolean).join(",");
    return `::${a.level} ${props}::${data(a.message)}`;
  });
}

/**
 * A check as GitHub Actions workflow commands: `::error` lines that the Actions run page shows
 * as annotations (and a `::notice` on a pass). Pointed at the submission's folder, since a
 * wrong gradient has no single line to blame.
 */
export function checkGithubAnnotations(report: CheckReport, replay: string, submissionPath = report.submission): string[] {
  const file = `file=${property(submissionPath)}`;
  switch (report.outcome) {
    case "passed":
      return [
        `::notice ${file},title=${property("gradcheck check passed")}::${data(`passed on ${report.runs} random networks (seed ${report.seed})`)}`,
      ];
    case "not-loaded":
    case "too-slow": {
      const info = findingInfo[report.problem];
      return [`::error ${file},title=${property(`gradcheck: ${info.title}`)}::${data(`${report.message}\nhint: ${info.hint}`)}`];
    }
    case "probe-failed":
    case "failed":
      return failureAnnotations(report, replay, file);
  }
}

/** An error per finding, on the counterexample, and one per diagnosed mistake. */
function failureAnnotations(report: ProbeFailedReport | FailedReport, replay: string, file: string): string[] {
  const ce = report.counterexample;
  const where = ` on layerSizes [${ce.layerSizes}], m = ${ce.X.length}, λ = ${ce.lambda}`;
  const lines = report.findings.map(
    (f) =>
      `::error ${file},title=${property(`gradcheck: ${findingInfo[f.problem].title}`)}::${data(`${f.message}${where}\nreplay: ${replay}`)}`,
  );
  for (const id of report.mistakes)
    lines.push(
      `::error ${file},title=${property(`gradcheck diagnosis: ${id}`)}::${data(`${mistakeInfo[id].title}. ${mistakeInfo[id].hint}`)}`,
    );
  return lines;
}

// The escaping GitHub's workflow-command parser undoes: % and line breaks in the message,
// and also : and , in properties. Control characters are shown escaped first: the Actions log
// renders ANSI colours, so a submission's message could otherwise draw a fake "passed".
function data(s: string): string {
  return neutraliseForTerminal(s).replace(/%/g, "%25").replace(/\n/g, "%0A");
}

function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
