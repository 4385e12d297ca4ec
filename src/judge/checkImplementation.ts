import fc from "fast-check";
import type { LabelledCase } from "../network/labels.ts";
import { submissionCaseArbitrary } from "./submissionCaseArbitrary.ts";
import { caseFileOf } from "./caseFileOf.ts";
import { problemInfo, type CheckProblem } from "./checkProblem.ts";
import { checkReport, type CheckReport, type ReportStart } from "./checkReport.ts";
import { diagnose, diagnosticCases } from "./diagnose.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { judgeCase, type CaseFinding, type CaseVerdict, type JudgeOptions } from "./judgeCase.ts";
import { selfInconsistentEntries } from "./selfInconsistentEntries.ts";
import { silentLayers } from "./errorPattern.ts";
import { askTwice } from "./askTwice.ts";
import { failureSignature } from "./failureSignature.ts";
import { findClues } from "./findClues.ts";
import { simplifyValues } from "./simplifyValues.ts";

export const defaultSeed = 20240601;
export const defaultRuns = 100;

/** The problems that are wrong values, and so can be matched against the catalogue. */
export const wrongValue: ReadonlySet<CheckProblem> = new Set(["cost-mismatch", "gradient-mismatch", "self-inconsistent"]);

export interface SubmissionCheckOptions extends JudgeOptions {
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
  /** unstable-cost findings on cases that passed because it is allowed */
  readonly unstable: CaseFinding[];
  /** the verdict of every case that failed, to show it beside a passing second answer */
  readonly failures: WeakMap<LabelledCase, CaseVerdict>;
  judge(c: LabelledCase): Promise<CaseVerdict>;
}

/**
 * Property-based check of one implementation: random cases from a fixed seed, each judged by
 * (a) and (b); the first failure is shrunk to a minimal counterexample and matched against the
 * catalogue of known mistakes.
 */
export async function checkImplementation(implementation: Implementation, options: SubmissionCheckOptions = {}): Promise<CheckReport> {
  const session = openSession(implementation, options.seed ?? defaultSeed, options);
  const stopped = await probe(session);
  if (stopped) return stopped;
  const search = await searchForFailure(session, options);
  if (!search.failed) return passedReport(session, search, options);
  return explainFailure(session, search, options);
}

function openSession(implementation: Implementation, seed: number, options: JudgeOptions): Session {
  const mutated = new Set<string>();
  const unstable: CaseFinding[] = [];
  const failures = new WeakMap<LabelledCase, CaseVerdict>();
  return {
    implementation,
    start: { submission: implementation.description, seed, warnings: implementation.warnings },
    mutated,
    unstable,
    failures,
    async judge(c) {
      const v = await judgeCase(c, implementation, options);
      v.mutated.forEach((x) => mutated.add(x));
      if (v.ok) unstable.push(...v.findings.filter((f) => f.problem === "unstable-cost"));
      else failures.set(c, v);
      return v;
    },
  };
}

/**
 * A first call on a fixed case. A submission that never answers it (it ends, or stays silent
 * past the time limit) is never-answered, and an answer of the wrong shape is a wrong call:
 * both exit 2 at once, since every later call would end the same way and shrinking would only
 * spend time limits.
 */
async function probe(session: Session): Promise<CheckReport | undefined> {
  const first = await session.judge(diagnosticCases[0]);
  const silent = first.findings.find((f) => f.neverAnswered || f.problem === "timeout");
  if (silent) return checkReport(session.start, { passed: false, stage: "load", runs: 0, problem: "never-answered", message: neverAnsweredMessage(session, silent) });
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

function neverAnsweredMessage(session: Session, f: CaseFinding): string {
  const process = session.implementation.description.startsWith("process");
  // a crash shows its stderr; a process still running that said nothing may be buffering
  const nothing = process && f.problem === "timeout" && !/stdout:/.test(f.message);
  return `no answer to the first request (layerSizes [${diagnosticCases[0].layerSizes}], m = ${diagnosticCases[0].X.rows}): ${f.message}${nothing ? "\nnothing at all came back on stdout: is stdout flushed after each answer line?" : ""}`;
}

function passedReport(session: Session, search: Search, options: SubmissionCheckOptions): CheckReport {
  const requested = options.runs ?? defaultRuns;
  const warnings = [...session.start.warnings];
  if (search.interrupted) warnings.push(`time limit reached: checked ${search.runs} of ${requested} networks`);
  if (session.unstable.length > 0) warnings.push(`unstable-cost (allowed): on ${session.unstable.length} network${session.unstable.length > 1 ? "s" : ""} J was wrong only where outputs saturate, e.g. ${session.unstable[0].message}`);
  return checkReport(session.start, {
    passed: true, stage: "search", runs: search.runs,
    // single precision is held to (a) only: finite differences of its J are noise
    checks: { matchesReference: true, selfConsistent: options.precision === "float32" ? null : true },
    warnings,
    mutated: [...session.mutated],
  });
}

/**
 * The failure, asked twice (state kept between calls), made small and plain without losing
 * where it shows, judged once more, located, and matched against the catalogue; when no
 * catalogue entry fits, the clues the numbers show.
 */
async function explainFailure(session: Session, search: Search, options: SubmissionCheckOptions): Promise<CheckReport> {
  const shrunk = search.shrunk!;
  const repeated = await askTwice(shrunk, diagnosticCases[0], session.implementation);
  const { simplified: counterexample, steps } = options.cases || repeated ? { simplified: shrunk, steps: 0 } : await simplifyValues(shrunk, await keepsEvidence(session, shrunk));
  const judged = await locateSelfInconsistency(session, counterexample, await rejudge(session, counterexample));
  const verdict = repeated ? { ...judged, ok: false, findings: [repeated] } : judged;
  // Only a wrong value has an error pattern to match; a throw, a hang or a NaN has none.
  const wrong = verdict.findings.some((f) => wrongValue.has(f.problem));
  const mistakes = wrong ? await diagnose(session.implementation, counterexample) : [];
  const clues = wrong && mistakes.length === 0 ? await findClues(session.implementation, counterexample, verdict) : [];
  const answered = verdict.submitted !== undefined && !repeated;
  return checkReport(session.start, {
    passed: false, stage: "search", runs: search.runs,
    findings: verdict.findings,
    checks: {
      matchesReference: answered ? !verdict.findings.some((f) => f.check === "a") : null,
      selfConsistent: answered && options.precision !== "float32" ? !verdict.findings.some((f) => f.check === "b") : null,
    },
    counterexample: caseFileOf(counterexample, verdict.reference, verdict.submitted),
    firstFailure: search.firstFailure,
    shrinks: search.shrinks + steps,
    path: search.path,
    mistakes,
    clues,
    mutated: [...session.mutated],
  });
}

/**
 * Simplifying may zero a value only if the case still fails the same way: the same problems,
 * the same parts of Θ wrong. Zeroing X, for one, silences every weight column of Θ⁽¹⁾ and
 * would leave a bug that has nothing to do with the bias looking like a bias bug; so no step may
 * make a layer's weight columns silent (all of their inputs 0) that were not before.
 */
async function keepsEvidence(session: Session, c: LabelledCase): Promise<(c: LabelledCase) => Promise<boolean>> {
  const before = failureSignature(await session.judge(c));
  const silent = silentLayers(c).size;
  return async (next) => {
    if (silentLayers(next).size > silent) return false;
    const v = await session.judge(next);
    return !v.ok && failureSignature(v) === before;
  };
}

/** The counterexample judged once more; a case that failed before and passes now is itself a finding. */
async function rejudge(session: Session, counterexample: LabelledCase): Promise<CaseVerdict> {
  const before = session.failures.get(counterexample);
  const again = await session.judge(counterexample);
  if (!again.ok) return again;
  const answers = before?.submitted && again.submitted ? [answerOf(before.submitted), answerOf(again.submitted)] : undefined;
  const shown = answers ? `: J = ${answers[0].J} (${before!.findings.map((f) => f.problem).join(", ")}), then J = ${answers[1].J}` : "";
  return { ...again, ok: false, findings: [{ problem: "not-reproducible", message: `this case failed during the search and passed when run again${shown}`, ...(answers ? { answers } : {}) }] };
}

function answerOf(a: { J: number; grad: Float64Array }) {
  return { J: a.J, grad: Array.from(a.grad) };
}

/** On the small counterexample, say which entries (b) disagrees with. */
async function locateSelfInconsistency(session: Session, counterexample: LabelledCase, verdict: CaseVerdict): Promise<CaseVerdict> {
  const b = verdict.findings.findIndex((f) => f.problem === "self-inconsistent");
  if (b < 0 || !verdict.submitted) return verdict;
  const where = await selfInconsistentEntries(counterexample, verdict.submitted.grad, session.implementation);
  if (!where) return verdict;
  return { ...verdict, findings: verdict.findings.map((f, k) => (k === b ? { ...f, message: `${f.message}; ${where}` } : f)) };
}
