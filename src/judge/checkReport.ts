import type { MistakeId } from "../mistakes/index.ts";
import type { CaseFile } from "./caseFileOf.ts";
import type { SubmissionFindingKind } from "../outcome/index.ts";
import type { CaseFinding } from "./CaseFinding.ts";
import type { Clue } from "./clues/Clue.ts";

/** The two questions `check` asks of every answer; null when the check was not reached. */
export interface CheckResults {
  /** (a) J and ∂J/∂Θ agree with gradcheck's own */
  readonly matchesReference: boolean | null;
  /** (b) the returned gradient agrees with finite differences of the submission's own J; null when not reached or not decided */
  readonly selfConsistent: boolean | null;
  /** why (b) could not decide on the counterexample (too many parameters to look entry by entry, kinks, noise); absent when it did */
  readonly notDecided?: string;
}

/**
 * How a check ended: it passed; the submission could not be loaded (or never answered); the
 * first fixed call already failed; the random search failed and shrank a counterexample; or the
 * deadline ran out before every network was checked. Each renderer is a switch over it.
 */
export type CheckOutcome = CheckReport["outcome"];

/** Everything `check` found, as data: the CLI renders it and derives the exit code from it. */
export type CheckReport = PassedReport | NotLoadedReport | ProbeFailedReport | FailedReport | TooSlowReport;

export interface PassedReport extends ReportFields {
  readonly outcome: "passed";
  readonly passed: true;
  readonly stage: "search";
  readonly counterexample: null;
}

/** Nothing ran: the submission could not be loaded, or never answered its first request. */
export interface NotLoadedReport extends ReportFields {
  readonly outcome: "not-loaded";
  readonly passed: false;
  readonly stage: "load";
  readonly problem: SubmissionFindingKind;
  readonly message: string;
  readonly counterexample: null;
}

/** The first call, on a fixed case, already failed (a wrong shape there ends the check at once). */
export interface ProbeFailedReport extends ReportFields {
  readonly outcome: "probe-failed";
  readonly passed: false;
  readonly stage: "probe";
  readonly counterexample: CaseFile;
}

/** The random search failed; its first failure was shrunk to the counterexample. */
export interface FailedReport extends ReportFields {
  readonly outcome: "failed";
  readonly passed: false;
  readonly stage: "search";
  readonly counterexample: CaseFile;
}

/** The deadline ran out before every requested network was checked: no pass without evidence. */
export interface TooSlowReport extends ReportFields {
  readonly outcome: "too-slow";
  readonly passed: false;
  readonly stage: "search";
  readonly problem: "too-slow";
  readonly message: string;
  readonly counterexample: null;
}

/** The fields every outcome has (empty where it found nothing), so a reader of one field need not switch. */
interface ReportFields {
  readonly passed: boolean;
  /** how far the check got: loading, the first fixed call, or the random search */
  readonly stage: "load" | "probe" | "search";
  /** the check's deadline, and whether it expired (what was found by then is reported, maybe unshrunk) */
  readonly deadline?: { readonly ms: number; readonly expired: boolean };
  readonly submission: string;
  readonly seed: number;
  /** cases tried before the first failure (or all of them) */
  readonly runs: number;
  /** set when nothing could be judged: the submission could not be loaded, or the check was too slow */
  readonly problem?: SubmissionFindingKind;
  readonly message?: string;
  /** findings on the shrunk counterexample */
  readonly findings: readonly CaseFinding[];
  readonly checks: CheckResults;
  readonly counterexample: CaseFile | null;
  /** sizes of the first failing case, before shrinking */
  readonly firstFailure?: { readonly layerSizes: readonly number[]; readonly m: number };
  readonly shrinks: number;
  /** fast-check's replay path for (seed, path) */
  readonly path?: string;
  readonly mistakes: readonly MistakeId[];
  /** when no catalogued mistake fits: the named patterns the answers show */
  readonly clues: readonly Clue[];
  readonly warnings: readonly string[];
  readonly mutated: readonly string[];
}

/** What every report says whatever happened: which submission, which seed, what the sandbox could not enforce. */
export type ReportStart = Pick<ReportFields, "submission" | "seed" | "warnings" | "deadline">;

/**
 * The fields that say what happened, per outcome: what the outcome cannot be without (the
 * problem of a check that judged nothing, the counterexample of a failure) is required; the
 * rest default to "nothing found, nothing reached".
 */
export type ReportOutcome =
  | Given<PassedReport>
  | Given<NotLoadedReport, "problem" | "message">
  | Given<ProbeFailedReport, "counterexample">
  | Given<FailedReport, "counterexample">
  | Given<TooSlowReport, "problem" | "message">;

type Given<R extends CheckReport, Needed extends keyof R = never> = Pick<R, "passed" | "stage" | "runs" | Needed> &
  Partial<Omit<R, "outcome" | "passed" | "stage" | "runs" | Needed>>;

const notReached: CheckResults = { matchesReference: null, selfConsistent: null };

/** The one place a CheckReport is put together: its outcome follows from how far the check got and what stopped it. */
export function checkReport(start: ReportStart, given: ReportOutcome): CheckReport {
  const fields = {
    findings: [],
    checks: notReached,
    counterexample: null,
    shrinks: 0,
    mistakes: [],
    clues: [],
    mutated: [],
    ...start,
    ...given,
    warnings: given.warnings ?? start.warnings,
  };
  return { outcome: outcomeOf(given), ...fields } as CheckReport;
}

function outcomeOf(given: ReportOutcome): CheckOutcome {
  if (given.passed) return "passed";
  if (given.stage === "load") return "not-loaded";
  if (given.problem === "too-slow") return "too-slow";
  return given.stage === "probe" ? "probe-failed" : "failed";
}
