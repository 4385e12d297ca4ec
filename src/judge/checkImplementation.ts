import fc from "fast-check";
import type { LabelledCase } from "../network/labels.ts";
import { submissionCaseArbitrary } from "./submissionCaseArbitrary.ts";
import { caseFileOf } from "./caseFileOf.ts";
import { problemInfo, type CheckProblem } from "./checkProblem.ts";
import { checkReport, type CheckReport, type ReportStart } from "./checkReport.ts";
import { diagnose, diagnosticCases } from "./diagnose.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { judgeCase, selfInconsistentEntries, type CaseVerdict } from "./judgeCase.ts";
import { simplifyValues } from "./simplifyValues.ts";

export const defaultSeed = 20240601;
export const defaultRuns = 100;

/** The problems that are wrong values, and so can be matched against the catalogue. */
export const wrongValue: ReadonlySet<CheckProblem> = new Set(["cost-mismatch", "gradient-mismatch", "self-inconsistent"]);

export interface SubmissionCheckOptions {
  readonly seed?: number;
  readonly runs?: number;
  /** The cases to try (default: submissionCaseArbitrary()). */
  readonly cases?: fc.Arbitrary<LabelledCase>;
  /** Stop searching and shrinking after this long (default 120 s); the last failure found is kept. */
  readonly timeLimitMs?: number;
}

/** One implementation under judgement: every case goes through `judge`, which also records mutated inputs. */
interface Session {
  readonly implementation: Implementation;
  readonly start: ReportStart;
  readonly mutated: Set<string>;
  judge(c: LabelledCase): Promise<CaseVerdict>;
}

/**
 * Property-based check of one implementation: random cases from a fixed seed, each judged by
 * (a) and (b); the first failure is shrunk to a minimal counterexample and matched against the
 * catalogue of known mistakes.
 */
export async function checkImplementation(implementation: Implementation, options: SubmissionCheckOptions = {}): Promise<CheckReport> {
  const session = openSession(implementation, options.seed ?? defaultSeed);
  const stopped = await probe(session);
  if (stopped) return stopped;
  const search = await searchForFailure(session, options);
  if (!search.failed) return passedReport(session, search, options.runs ?? defaultRuns);
  return explainFailure(session, search, options);
}

function openSession(implementation: Implementation, seed: number): Session {
  const mutated = new Set<string>();
  return {
    implementation,
    start: { submission: implementation.description, seed, warnings: implementation.warnings },
    mutated,
    async judge(c) {
      const v = await judgeCase(c, implementation);
      v.mutated.forEach((x) => mutated.add(x));
      return v;
    },
  };
}

/**
 * A first call on a fixed case. A submission that never answers is a load failure, and an
 * answer of the wrong shape is a wrong call (exit 2): neither is something to shrink.
 */
async function probe(session: Session): Promise<CheckReport | undefined> {
  const first = await session.judge(diagnosticCases[0]);
  const ended = first.findings.find((f) => f.neverAnswered);
  if (ended) return checkReport(session.start, { passed: false, stage: "load", runs: 0, problem: "crashed-on-load", message: ended.message });
  const wrongCall = first.findings.find((f) => problemInfo[f.problem].kind === "interface");
  if (!wrongCall) return undefined;
  return checkReport(session.start, {
    passed: false, stage: "probe", runs: 1, findings: first.findings,
    counterexample: caseFileOf(diagnosticCases[0], first.reference), mutated: [...session.mutated],
  });
}

interface Search {
  readonly failed: boolean;
  /** fast-check's shrunk counterexample, when the search failed */
  readonly shrunk?: LabelledCase;
  readonly runs: number;
  readonly shrinks: number;
  readonly path?: string;
  readonly interrupted: boolean;
  readonly firstFailure?: CheckReport["firstFailure"];
}

/** The random search: fast-check draws cases from the seed and shrinks the first failure to a small network. */
async function searchForFailure(session: Session, options: SubmissionCheckOptions): Promise<Search> {
  let firstFailure: Search["firstFailure"];
  const property = fc.asyncProperty(options.cases ?? submissionCaseArbitrary({ shrinkValues: false }), async (c) => {
    const v = await session.judge(c);
    if (!v.ok && !firstFailure) firstFailure = { layerSizes: c.layerSizes.slice(), m: c.X.rows };
    return v.ok;
  });
  const details = await fc.check(property, {
    seed: session.start.seed,
    numRuns: options.runs ?? defaultRuns,
    interruptAfterTimeLimit: options.timeLimitMs ?? 120_000,
  });
  return {
    failed: details.failed && details.counterexample !== null,
    shrunk: details.counterexample?.[0],
    runs: details.numRuns,
    shrinks: details.numShrinks,
    path: details.counterexamplePath ?? undefined,
    interrupted: details.interrupted,
    firstFailure,
  };
}

function passedReport(session: Session, search: Search, requested: number): CheckReport {
  const { warnings } = session.start;
  return checkReport(session.start, {
    passed: true, stage: "search", runs: search.runs,
    checks: { matchesReference: true, selfConsistent: true },
    warnings: search.interrupted ? [...warnings, `time limit reached: checked ${search.runs} of ${requested} networks`] : warnings,
    mutated: [...session.mutated],
  });
}

/** The failure, made small and plain, judged once more, located and matched against the catalogue. */
async function explainFailure(session: Session, search: Search, options: SubmissionCheckOptions): Promise<CheckReport> {
  // fast-check has made the network small; now make its numbers plain (zero what can be).
  const stillFails = async (c: LabelledCase) => !(await session.judge(c)).ok;
  const { simplified: counterexample, steps } = options.cases ? { simplified: search.shrunk!, steps: 0 } : await simplifyValues(search.shrunk!, stillFails);
  const verdict = await locateSelfInconsistency(session, counterexample, await rejudge(session, counterexample));
  // Only a wrong value has an error pattern to match; a throw, a hang or a NaN has none.
  const mistakes = verdict.findings.some((f) => wrongValue.has(f.problem)) ? await diagnose(session.implementation, counterexample) : [];
  const answered = verdict.submitted !== undefined;
  return checkReport(session.start, {
    passed: false, stage: "search", runs: search.runs,
    findings: verdict.findings,
    checks: {
      matchesReference: answered ? !verdict.findings.some((f) => f.check === "a") : null,
      selfConsistent: answered ? !verdict.findings.some((f) => f.check === "b") : null,
    },
    counterexample: caseFileOf(counterexample, verdict.reference, verdict.submitted),
    firstFailure: search.firstFailure,
    shrinks: search.shrinks + steps,
    path: search.path,
    mistakes,
    mutated: [...session.mutated],
  });
}

/** The counterexample judged once more; a case that failed before and passes now is itself a finding. */
async function rejudge(session: Session, counterexample: LabelledCase): Promise<CaseVerdict> {
  const again = await session.judge(counterexample);
  if (!again.ok) return again;
  return { ...again, ok: false, findings: [{ problem: "not-reproducible", message: "this case failed during the search and passed when run again" }] };
}

/** On the small counterexample, say which entries (b) disagrees with. */
async function locateSelfInconsistency(session: Session, counterexample: LabelledCase, verdict: CaseVerdict): Promise<CaseVerdict> {
  const b = verdict.findings.findIndex((f) => f.problem === "self-inconsistent");
  if (b < 0 || !verdict.submitted) return verdict;
  const where = await selfInconsistentEntries(counterexample, verdict.submitted.grad, session.implementation);
  if (!where) return verdict;
  return { ...verdict, findings: verdict.findings.map((f, k) => (k === b ? { ...f, message: `${f.message}; ${where}` } : f)) };
}
