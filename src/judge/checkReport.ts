import type { MistakeId } from "../mistakes/index.ts";
import type { CaseFile } from "./caseFileOf.ts";
import type { SubmissionFindingKind } from "../outcome/index.ts";
import type { CaseFinding } from "./judgeCase.ts";
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

/** Everything `check` found, as data: the CLI renders it and derives the exit code from it. */
export interface CheckReport {
  readonly passed: boolean;
  /** how far the check got: loading, the first fixed call, or the random search */
  readonly stage: "load" | "probe" | "search";
  /** the check's deadline, and whether it expired (what was found by then is reported, maybe unshrunk) */
  readonly deadline?: { readonly ms: number; readonly expired: boolean };
  readonly submission: string;
  readonly seed: number;
  /** cases tried before the first failure (or all of them) */
  readonly runs: number;
  /** set when the submission could not be loaded: nothing ran */
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
export type ReportStart = Pick<CheckReport, "submission" | "seed" | "warnings" | "deadline">;

/** The fields that say what happened; the rest default to "nothing found, nothing reached". */
export type ReportOutcome = Pick<CheckReport, "passed" | "stage" | "runs"> & Partial<Omit<CheckReport, "passed" | "stage" | "runs">>;

const notReached: CheckResults = { matchesReference: null, selfConsistent: null };

/** The one place a CheckReport is put together. */
export function checkReport(start: ReportStart, outcome: ReportOutcome): CheckReport {
  return {
    findings: [],
    checks: notReached,
    counterexample: null,
    shrinks: 0,
    mistakes: [],
    clues: [],
    mutated: [],
    ...start,
    ...outcome,
    warnings: outcome.warnings ?? start.warnings,
  };
}
