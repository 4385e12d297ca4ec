import { findingInfo } from "../outcome/index.ts";
import type { CheckReport } from "../judge/checkReport.ts";

/**
 * The exit codes of docs/check.md: 0 when cost and gradient are right on every generated case, 1 when one is
 * wrong, 2 when the submission cannot be loaded or the call itself is wrong (an answer of the
 * wrong shape). The one place that decides it.
 */
export function checkExitCode(report: CheckReport): 0 | 1 | 2 {
  if (report.passed) return 0;
  if (report.problem && findingInfo[report.problem].group === "load") return 2;
  if (report.findings.some((f) => findingInfo[f.problem].group === "interface")) return 2;
  return 1;
}
