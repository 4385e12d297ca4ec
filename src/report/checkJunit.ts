import junitModule from "junit-report-builder";
import type { CheckReport, FailedReport, NotLoadedReport, PassedReport, ProbeFailedReport, TooSlowReport } from "../judge/checkReport.ts";
import { checkReportName, findingInfo } from "../outcome/index.ts";
import { mistakeInfo } from "../mistakes/mistakeInfo.ts";
import { neutraliseForTerminal as shown } from "./untrustedText.ts";

// The package is CommonJS whose declarations describe an ES default export: under NodeNext the
// default import is module.exports itself, which at run time is the builder.
const junit = junitModule as unknown as typeof junitModule.default;

/**
 * A check as JUnit XML, the format every CI system shows as test results. One suite per
 * submission; one test case per question the check asks — (a) does J and ∂J/∂Θ agree with
 * gradcheck's, (b) does the gradient agree with finite differences of the submission's own J —
 * or a single errored case when nothing could be judged (not loaded, or too slow). The XML is written by
 * junit-report-builder (escaping, counts and attributes as CI systems expect them); text from
 * the submission has its control characters shown escaped first.
 */
export function checkJunit(
  report: CheckReport,
  replay: string,
  renderedReport: readonly string[],
  submissionPath = report.submission,
): string {
  const builder = junit.newBuilder();
  const suite = builder
    .testSuite()
    .name(shown(`gradcheck check ${submissionPath}`))
    .property("seed", String(report.seed))
    .property("replay", replay);
  const text = shown(renderedReport.join("\n"));
  switch (report.outcome) {
    case "not-loaded":
    case "too-slow":
      notJudged(suite, report, text);
      break;
    case "passed":
    case "probe-failed":
    case "failed":
      questions(suite, report, text);
  }
  return builder.build();
}

type Suite = ReturnType<ReturnType<typeof junit.newBuilder>["testSuite"]>;

/** A single errored case: nothing could be asked. */
function notJudged(suite: Suite, report: NotLoadedReport | TooSlowReport, text: string): void {
  const info = findingInfo[report.problem];
  suite
    .testCase()
    .className("gradcheck.check")
    .name("loads and answers")
    .error(shown(`${info.title}: ${report.message}`), checkReportName(report.problem), text);
}

const questionNames = [
  ["a", "matchesReference", "(a) J and ∂J/∂Θ agree with gradcheck's"],
  ["b", "selfConsistent", "(b) ∂J/∂Θ agrees with finite differences of its own J"],
] as const;

/** One case per question: skipped when not reached, failed with its findings and the diagnosis. */
function questions(suite: Suite, report: PassedReport | ProbeFailedReport | FailedReport, text: string): void {
  for (const [key, field, name] of questionNames) {
    const testCase = suite.testCase().className("gradcheck.check").name(name);
    const verdict = report.checks[field];
    if (verdict === null) testCase.skipped();
    else if (!verdict) {
      const diagnosis = report.mistakes.map((id) => `${id}: ${mistakeInfo[id].title}`).join("; ") || "not a known mistake";
      const found =
        report.findings
          .filter((f) => f.check === key)
          .map((f) => f.message)
          .join("; ") || "failed";
      testCase.failure(shown(`${found} (diagnosis: ${diagnosis})`), "gradcheck").standardOutput(text);
    }
  }
}
