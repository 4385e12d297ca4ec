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
  return {
    passed: report.passed,
    mistakes: report.mistakes,
    counterexample: report.counterexample,
    unrecognised: unrecognised(report),
    clues: report.clues.map((c) => ({ ...c, title: clueTitles[c.id] })),
    exitCode: checkExitCode(report),
    seed: report.seed,
    runs: report.runs,
    stage: report.stage,
    submission: report.submission,
    ...whyNotJudged(report),
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

/** A wrong value that no catalogued mistake explains; a throw, a hang or a NaN has no pattern to match. */
function unrecognised(report: CheckReport): boolean {
  switch (report.outcome) {
    case "passed":
    case "not-loaded":
      return false;
    case "too-slow":
    case "probe-failed":
    case "failed":
      return report.mistakes.length === 0 && report.findings.some((f) => wrongValue.has(f.problem));
  }
}

/** What stopped the check before anything was judged; nothing when something was. */
function whyNotJudged(report: CheckReport) {
  switch (report.outcome) {
    case "not-loaded":
    case "too-slow":
      return { problem: checkReportName(report.problem), title: findingInfo[report.problem].title, message: report.message };
    case "passed":
    case "probe-failed":
    case "failed":
      return {};
  }
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
