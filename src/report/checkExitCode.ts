import { findingInfo } from "../outcome/index.ts";
import type { CheckReport } from "../judge/checkReport.ts";

/**
 * The exit codes of docs/check.md: 0 when cost and gradient are right on every generated case, 1 when one is
 * wrong, 2 when the submission cannot be loaded or the call itself is wrong (an answer of the
 * wrong shape). The one place that decides it.
 */
export function checkExitCode(report: CheckReport): 0 | 1 | 2 {
  switch (report.outcome) {
    case "passed":
      return 0;
    case "not-loaded":
    case "too-slow":
      return findingInfo[report.problem].group === "load" ? 2 : 1;
    case "probe-failed":
    case "failed":
      return report.findings.some((f) => findingInfo[f.problem].group === "interface") ? 2 : 1;
  }
}
