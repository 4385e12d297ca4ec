import type { CheckReport, CheckResults } from "../judge/checkReport.ts";
import { checkReportName, findingInfo, wrongValue } from "../outcome/index.ts";
import { thetaEntryName, type ThetaEntry } from "../network/thetaEntry.ts";
import { checkExitCode } from "./checkExitCode.ts";
import { clueTitles } from "../judge/clues/Clue.ts";

/**
 * The `--json` object: {passed, mistakes, counterexample} first, then what
 * gradcheck adds (seed, runs, checks, findings with titles, replay command).
 */
export function checkJson(report: CheckReport, replay: string): Record<string, unknown> {
  const failedOnValue = !report.passed && report.findings.some((f) => wrongValue.has(f.problem));
  return {
    passed: report.passed,
    mistakes: report.mistakes,
    counterexample: report.counterexample,
    unrecognised: failedOnValue && report.mistakes.length === 0,
    clues: report.clues.map((c) => ({ ...c, title: clueTitles[c.id] })),
    exitCode: checkExitCode(report),
    seed: report.seed,
    runs: report.runs,
    stage: report.stage,
    submission: report.submission,
    ...(report.problem
      ? { problem: checkReportName(report.problem), title: findingInfo[report.problem].title, message: report.message }
      : {}),
    checks: checksJson(report.checks),
    findings: report.findings.map((f) => ({
      ...f,
      ...(f.where ? { where: whereJson(f.where) } : {}),
      title: findingInfo[f.problem].title,
    })),
    firstFailure: report.firstFailure ?? null,
    shrinks: report.shrinks,
    deadline: report.deadline ? { ms: report.deadline.ms, expired: report.deadline.expired } : null,
    path: report.path ?? null,
    replay,
    mutatedInputs: report.mutated,
    warnings: report.warnings,
  };
}

/**
 * An entry in the JSON report: 0-based indices into theta[] and its matrix, the lecture's name,
 * and, for one release, the older keys l, i, j (the same 0-based indices).
 */
function whereJson(e: ThetaEntry) {
  return { layer: e.layer, row: e.row, column: e.column, name: thetaEntryName(e), l: e.layer, i: e.row, j: e.column };
}

/**
 * The two checks by name; for one release the older keys a (matchesReference) and b
 * (selfConsistent) repeat them.
 */
function checksJson(c: CheckResults) {
  return {
    matchesReference: c.matchesReference,
    selfConsistent: c.selfConsistent,
    ...(c.notDecided !== undefined ? { notDecided: c.notDecided } : {}),
    a: c.matchesReference,
    b: c.selfConsistent,
  };
}
