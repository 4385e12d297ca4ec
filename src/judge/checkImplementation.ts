import fc from "fast-check";
import { matrix } from "../linalg/Matrix.ts";
import type { MistakeId } from "../mistakes/index.ts";
import type { LabelledCase } from "../network/labels.ts";
import { requestOf } from "./requestOf.ts";
import { defaultMaxWidth, submissionCaseArbitrary } from "./submissionCaseArbitrary.ts";
import { caseFileOf } from "./caseFileOf.ts";
import { findingInfo, wrongValue, type SubmissionFindingKind } from "../outcome/index.ts";
import { checkReport, type CheckReport, type CheckResults, type ReportStart } from "./checkReport.ts";
import type { Assignment } from "./Assignment.ts";
import { encodedImplementation } from "./encodedImplementation.ts";
import { diagnose, diagnosesNonFinite, diagnosticCasesFor } from "./diagnose.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { judgeCase, type JudgeOptions } from "./judgeCase.ts";
import type { CaseFinding, CaseVerdict } from "./CaseFinding.ts";
import { selfInconsistentEntries } from "./selfInconsistentEntries.ts";
import { silentLayers } from "./errorPattern.ts";
import { askTwice } from "./askTwice.ts";
import { failureKind, failureSignature, sameFailure } from "./failureSignature.ts";
import { widenForEvidence } from "./widenForEvidence.ts";
import { findClues } from "./findClues.ts";
import { simplifyValues } from "./simplifyValues.ts";
import { defaultDeadlineMs, defaultRuns, defaultSeed } from "./checkDefaults.ts";

export { defaultDeadlineMs, defaultRuns, defaultSeed, wrongValue };

export interface SubmissionCheckOptions extends JudgeOptions {
  readonly seed?: number;
  readonly runs?: number;
  /** The cases to try (default: submissionCaseArbitrary()). */
  readonly cases?: fc.Arbitrary<LabelledCase>;
  /**
   * The whole check ends by this many ms after it starts (default 180 s). A search stopped
   * by it before `runs` networks is not a pass ("too slow"); shrinking, simplification and
   * diagnosis stop at it and report the failure found so far.
   */
  readonly deadlineMs?: number;
  /** The course's assignment: the family and shapes of the cases, the diagnostic cases too (default: the documented setting). */
  readonly assignment?: Assignment;
}

/** One implementation under judgement: every case goes through `judge`, which also records mutated inputs. */
interface CheckRun {
  readonly implementation: Implementation;
  readonly start: ReportStart;
  readonly mutated: Set<string>;
  /** unstable-cost findings on cases that passed because it is allowed */
  readonly unstable: CaseFinding[];
  /** the verdict of every case that failed, to show it beside a passing second answer */
  readonly failures: WeakMap<LabelledCase, CaseVerdict>;
  readonly assignment: Assignment | undefined;
  /** a naive log's infinite J where outputs saturate is allowed (--allow-unstable-cost, or the assignment) */
  readonly allowUnstableCost: boolean;
  /** the fixed cases within the assignment's shapes; the first is the probe */
  readonly diagnostic: readonly LabelledCase[];
  judge(c: LabelledCase): Promise<CaseVerdict>;
  /** true once the check's deadline has passed (and remembered in start.deadline) */
  expired(): boolean;
  /** ms left before the deadline */
  remainingMs(): number;
}

/**
 * Property-based check of one implementation: random cases from a fixed seed, each judged by
 * (a) and (b); the first failure is shrunk to a minimal counterexample and matched against the
 * catalogue of known mistakes.
 */
export async function checkImplementation(implementation: Implementation, options: SubmissionCheckOptions = {}): Promise<CheckReport> {
  const encoded = options.assignment ? encodedImplementation(implementation, options.assignment) : implementation;
  // an assignment that allows a naive log (the ex4 profile) allows it like --allow-unstable-cost
  const allowUnstableCost = options.allowUnstableCost === true || options.assignment?.allowUnstableCost === true;
  const run = openCheckRun(encoded, options.seed ?? defaultSeed, { ...options, allowUnstableCost });
  const first = await probe(run);
  if ("passed" in first) return first;
  const search = await searchForFailure(run, options);
  if (!search.failed) return first.ok ? passedReport(run, search, options) : probeFailure(run, first, options);
  return explainFailure(run, search, options);
}

function openCheckRun(implementation: Implementation, seed: number, options: SubmissionCheckOptions): CheckRun {
  const mutated = new Set<string>();
  const deadlineMs = options.deadlineMs ?? defaultDeadlineMs;
  const ends = Date.now() + deadlineMs;
  const deadline = { ms: deadlineMs, expired: false };
  const unstable: CaseFinding[] = [];
  const failures = new WeakMap<LabelledCase, CaseVerdict>();
  return {
    implementation,
    assignment: options.assignment,
    allowUnstableCost: options.allowUnstableCost === true,
    diagnostic: diagnosticCasesFor(options.assignment),
    start: { submission: implementation.description, seed, warnings: implementation.warnings, deadline },
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
    expired: () => (deadline.expired ||= Date.now() >= ends),
    remainingMs: () => Math.max(1, ends - Date.now()),
  };
}

/**
 * A first call on a fixed case. A submission that never answers (it ends, or stays silent past
 * the time limit) is never-answered, and an answer of the wrong shape is a wrong call: both exit
 * 2 at once, since every later call would end the same way and shrinking would only spend time
 * limits. The memory limit would be hit again on every case, at seconds each, so it is reported
 * here too. Any other verdict is returned: the probe is judged like every other case (see
 * probeFailure).
 *
 * The first question, one plain call, is the fixed case cut to one example: silence there
 * means nothing was ever answered, so a submission that never answers costs its start-up
 * allowance plus one call limit, once. Asked the larger case first, a time-out could also be a slow answer, and telling
 * the two apart meant a second question to a restarted process, paying the start-up again.
 */
async function probe(run: CheckRun): Promise<CheckReport | CaseVerdict> {
  const small = firstExampleOnly(run.diagnostic[0]);
  const hello = await run.implementation.call(requestOf(small));
  if (hello.kind === "timeout" || (hello.kind !== "result" && hello.neverAnswered))
    return checkReport(run.start, {
      passed: false,
      stage: "load",
      runs: 0,
      problem: "never-answered",
      message: neverAnsweredMessage(run, { problem: hello.kind, message: hello.message }, small),
    });
  const first = await run.judge(run.diagnostic[0]);
  const ended = first.findings.find((f) => f.neverAnswered);
  if (ended)
    return checkReport(run.start, {
      passed: false,
      stage: "load",
      runs: 0,
      problem: "never-answered",
      message: neverAnsweredMessage(run, ended, run.diagnostic[0]),
    });
  const wrongCall = first.findings.find((f) => findingInfo[f.problem].group === "interface");
  if (wrongCall) {
    return checkReport(run.start, {
      passed: false,
      stage: "probe",
      runs: 1,
      findings: first.findings,
      counterexample: caseFileOf(run.diagnostic[0], first.reference),
      mutated: [...run.mutated],
    });
  }
  if (first.findings.some((f) => recurring.has(f.problem))) return probeFailure(run, first, {});
  return first;
}

const recurring: ReadonlySet<SubmissionFindingKind> = new Set(["memory-limit"]);

/** A failure on the probe, when the search found none smaller (or was not worth running). */
async function probeFailure(run: CheckRun, probed: CaseVerdict, options: SubmissionCheckOptions): Promise<CheckReport> {
  const first = run.expired() ? probed : await locateSelfInconsistency(run, run.diagnostic[0]!, probed);
  const mistakes =
    diagnosable(run, first) && !run.expired() ? await diagnose(run.implementation, run.diagnostic[0], run.diagnostic, run) : [];
  const answered = first.submitted !== undefined;
  return checkReport(run.start, {
    passed: false,
    stage: "probe",
    runs: 1,
    findings: first.findings,
    checks: {
      matchesReference: answered ? !first.findings.some((f) => f.check === "a") : null,
      ...selfConsistencyOf(answered && options.precision !== "float32", first),
    },
    counterexample: caseFileOf(run.diagnostic[0], first.reference, first.submitted),
    mistakes,
    mutated: [...run.mutated],
  });
}

/** (b)'s verdict on the counterexample: null with the reason when it could not decide, never a default "passed". */
function selfConsistencyOf(
  asked: boolean,
  verdict: CaseVerdict & { readonly bNotDecided?: string },
): Pick<CheckResults, "selfConsistent"> & Partial<Pick<CheckResults, "notDecided">> {
  if (!asked) return { selfConsistent: null };
  if (verdict.bNotDecided !== undefined && !verdict.findings.some((f) => f.check === "b"))
    return { selfConsistent: null, notDecided: verdict.bNotDecided };
  return { selfConsistent: !verdict.findings.some((f) => f.check === "b") };
}

/** Wrong values are matched against the catalogue; so is a NaN or ∞ where the family has a mistake that overflows. */
function diagnosable(run: CheckRun, verdict: CaseVerdict): boolean {
  return verdict.findings.some((f) => wrongValue.has(f.problem) || (f.problem === "non-finite" && diagnosesNonFinite(run.diagnostic)));
}

/** The case cut to its first example: the smallest request a submission can be sent. */
function firstExampleOnly(c: LabelledCase): LabelledCase {
  const s1 = c.X.cols,
    K = c.Y.cols;
  return {
    ...c,
    name: `${c.name}-m1`,
    X: matrix(1, s1, c.X.data.slice(0, s1)),
    Y: matrix(1, K, c.Y.data.slice(0, K)),
    labels: c.labels.slice(0, 1),
  };
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

/**
 * The random search: fast-check draws cases from the seed and shrinks the first failure to a
 * small network. Once a case has failed, every later call is a shrinking step, and a step is
 * taken only to a case that fails the same way (sameFailure): a smaller case that fails
 * otherwise — a timeout for a wrong value, a bias column alone for whole weight columns — is
 * another failure, not a smaller copy of this one.
 *
 * A step toward a smaller time-out waits out a whole call limit and a restart of the child, so
 * a time-out is shrunk by at most maxTimedOutSteps such steps: past them, no more cases are
 * asked and the smallest one found so far is the counterexample.
 */
async function searchForFailure(run: CheckRun, options: SubmissionCheckOptions): Promise<Search> {
  let firstFailure: Search["firstFailure"];
  let kind: readonly string[] | undefined;
  let timedOutSteps = 0;
  const timedOut = (k: readonly string[]) => k.some((x) => x.startsWith("timeout"));
  const property = fc.asyncProperty(
    options.cases ?? submissionCaseArbitrary({ shrinkValues: false, ...(run.assignment ? { assignment: run.assignment } : {}) }),
    async (c) => {
      if (kind !== undefined && timedOut(kind) && timedOutSteps >= maxTimedOutSteps) return true;
      // once the submission's time for hanging is spent, no smaller case can be told to hang too
      if (kind !== undefined && run.implementation.exhausted?.()) return true;
      const v = await run.judge(c);
      if (v.ok) return true;
      if (kind === undefined) {
        firstFailure = { layerSizes: c.layerSizes.slice(), m: c.X.rows };
        kind = failureKind(v);
        return false;
      }
      if (timedOut(failureKind(v))) timedOutSteps++;
      return !sameFailure(kind, failureKind(v), run.allowUnstableCost);
    },
  );
  const details = await fc.check(property, {
    seed: run.start.seed,
    numRuns: options.runs ?? defaultRuns,
    interruptAfterTimeLimit: run.remainingMs(),
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

/** Shrinking steps that may each wait out a call limit (see searchForFailure). */
const maxTimedOutSteps = 4;

function neverAnsweredMessage(run: CheckRun, f: CaseFinding, asked: LabelledCase): string {
  // gradcheck's own adapters (Octave, Python) flush their answers: only a process of the student's own may be buffering
  const process = /^process\b/.test(run.implementation.description);
  // a crash shows its stderr; a process still running that said nothing may be buffering
  const nothing = process && f.problem === "timeout" && !/stdout:/.test(f.message);
  return `no answer to the first request (layerSizes [${asked.layerSizes}], m = ${asked.X.rows}): ${f.message}${nothing ? "\nnothing at all came back on stdout: is stdout flushed after each answer line?" : ""}`;
}

/** No failure found: a pass only when every requested network was checked (no pass without evidence). */
function passedReport(run: CheckRun, search: Search, options: SubmissionCheckOptions): CheckReport {
  const requested = options.runs ?? defaultRuns;
  if (search.interrupted || search.runs < requested) {
    run.expired();
    const message = `too slow: checked ${search.runs} of ${requested} networks in ${(run.start.deadline!.ms / 1000).toFixed(0)} s (the deadline; --deadline to change it)`;
    return checkReport(run.start, {
      passed: false,
      stage: "search",
      runs: search.runs,
      problem: "too-slow",
      message,
      findings: [{ problem: "too-slow", message }],
      mutated: [...run.mutated],
    });
  }
  const warnings = [...run.start.warnings];
  if (run.unstable.length > 0)
    warnings.push(
      `unstable-cost (allowed): on ${run.unstable.length} network${run.unstable.length > 1 ? "s" : ""} J was wrong only where outputs saturate, e.g. ${run.unstable[0].message}`,
    );
  return checkReport(run.start, {
    passed: true,
    stage: "search",
    runs: search.runs,
    // single precision is held to (a) only: finite differences of its J are noise
    checks: { matchesReference: true, selfConsistent: options.precision === "float32" ? null : true },
    warnings,
    mutated: [...run.mutated],
  });
}

/**
 * The failure explained, one named step after another: asked twice (state kept between calls),
 * made plain (widened where shrinking hid which columns are wrong, then its values simplified
 * without losing where it shows), judged once more and located, matched against the catalogue,
 * and, when no catalogue entry fits, the clues the numbers show.
 */
async function explainFailure(run: CheckRun, search: Search, options: SubmissionCheckOptions): Promise<CheckReport> {
  const shrunk = search.shrunk!;
  // Past the deadline nothing more is tried: the case shrunk so far is kept.
  const repeated = run.expired() ? undefined : await askTwice(shrunk, run.diagnostic[0], run.implementation);
  const plain = await madePlain(run, shrunk, Boolean(options.cases || repeated || run.expired()));
  const judged = await locateSelfInconsistency(run, plain.counterexample, await rejudge(run, plain.counterexample));
  const verdict = repeated ? { ...judged, ok: false, findings: [repeated] } : judged;
  const mistakes = await matchCatalogue(run, plain.counterexample, verdict);
  const clues = await cluesWithoutMistake(run, plain.counterexample, verdict, mistakes.length > 0);
  const answered = verdict.submitted !== undefined && !repeated;
  return checkReport(run.start, {
    passed: false,
    stage: "search",
    runs: search.runs,
    findings: verdict.findings,
    checks: {
      matchesReference: answered ? !verdict.findings.some((f) => f.check === "a") : null,
      ...selfConsistencyOf(answered && options.precision !== "float32", verdict),
    },
    counterexample: caseFileOf(plain.counterexample, verdict.reference, verdict.submitted),
    firstFailure: search.firstFailure,
    shrinks: search.shrinks + plain.steps,
    path: search.path,
    mistakes,
    clues,
    mutated: [...run.mutated],
  });
}

/**
 * The shrunk case widened again where shrinking hid which columns are wrong, then its values
 * simplified without losing where it shows; kept as it is when `asIs` (cases given, an answer
 * that moved between calls, the deadline passed).
 */
async function madePlain(
  run: CheckRun,
  shrunk: LabelledCase,
  asIs: boolean,
): Promise<{ readonly counterexample: LabelledCase; readonly steps: number }> {
  if (asIs) return { counterexample: shrunk, steps: 0 };
  const evident = await widenForEvidence(
    shrunk,
    (c) => run.judge(c),
    defaultMaxWidth,
    () => run.expired(),
  );
  const { simplified, steps } = await simplifyValues(evident, await keepsEvidence(run, evident));
  return { counterexample: simplified, steps };
}

/** The catalogue's mistakes that explain the failure, while there is time. */
async function matchCatalogue(run: CheckRun, counterexample: LabelledCase, verdict: CaseVerdict): Promise<MistakeId[]> {
  if (!diagnosable(run, verdict) || run.expired()) return [];
  return diagnose(run.implementation, counterexample, run.diagnostic, run);
}

/**
 * What the numbers show when no catalogue entry fits. Only a wrong value has an error pattern to
 * match (a throw, a hang or a NaN has none); answers that change between calls are read too:
 * randomness left in the cost has a clue.
 */
async function cluesWithoutMistake(run: CheckRun, counterexample: LabelledCase, verdict: CaseVerdict, matched: boolean) {
  const wrong = verdict.findings.some((f) => wrongValue.has(f.problem));
  if (!(wrong || verdict.findings.some((f) => f.problem === "not-reproducible")) || matched || run.expired()) return [];
  return findClues(run.implementation, counterexample, verdict, run.diagnostic);
}

/**
 * Simplifying may zero a value only if the case still fails the same way: the same problems,
 * the same parts of Θ wrong. Zeroing X, for one, silences every weight column of Θ⁽¹⁾ and
 * would leave a bug that has nothing to do with the bias looking like a bias bug; so no step may
 * make a layer's weight columns silent (all of their inputs 0) that were not before.
 */
async function keepsEvidence(run: CheckRun, c: LabelledCase): Promise<(c: LabelledCase) => Promise<boolean>> {
  const before = failureSignature(await run.judge(c));
  const silent = silentLayers(c).size;
  return async (next) => {
    if (run.expired() || silentLayers(next).size > silent) return false;
    const v = await run.judge(next);
    return !v.ok && failureSignature(v) === before;
  };
}

/** The counterexample judged once more; a case that failed before and passes now is itself a finding. */
async function rejudge(run: CheckRun, counterexample: LabelledCase): Promise<CaseVerdict> {
  const before = run.failures.get(counterexample);
  const again = await run.judge(counterexample);
  if (!again.ok) return again;
  const answers = before?.submitted && again.submitted ? [answerOf(before.submitted), answerOf(again.submitted)] : undefined;
  const shown = answers ? `: J = ${answers[0].J} (${before!.findings.map((f) => f.problem).join(", ")}), then J = ${answers[1].J}` : "";
  return {
    ...again,
    ok: false,
    findings: [
      {
        problem: "not-reproducible",
        message: `this case failed during the search and passed when run again${shown}`,
        ...(answers ? { answers } : {}),
      },
    ],
  };
}

function answerOf(a: { J: number; grad: Float64Array }) {
  return { J: a.J, grad: Array.from(a.grad) };
}

/**
 * (b) on the small counterexample, entry by entry: it names the entries (b)'s random direction
 * found wrong, and where (a) found the gradient wrong and one direction did not, it looks at
 * every entry. (b) then fails (a finding of its own), agrees (J and ∇J are wrong together, as
 * when the bias is regularised in both), or is not decided: never "passed" by default.
 */
async function locateSelfInconsistency(
  run: CheckRun,
  counterexample: LabelledCase,
  verdict: CaseVerdict,
): Promise<CaseVerdict & { readonly bNotDecided?: string }> {
  if (!verdict.submitted) return verdict;
  const b = verdict.findings.findIndex((f) => f.problem === "self-inconsistent");
  const aGradient = verdict.findings.some((f) => f.problem === "gradient-mismatch");
  if (b < 0 && !aGradient) return verdict;
  const entries = await selfInconsistentEntries(counterexample, verdict.submitted.grad, run.implementation);
  if (b >= 0)
    return entries.verdict === "disagrees"
      ? { ...verdict, findings: verdict.findings.map((f, k) => (k === b ? { ...f, message: `${f.message}; ${entries.message}` } : f)) }
      : verdict;
  if (entries.verdict === "agrees") return verdict;
  if (entries.verdict === "not-decided") return { ...verdict, bNotDecided: entries.why };
  const found: CaseFinding = {
    problem: "self-inconsistent",
    check: "b",
    message: `one random direction agreed, but ${entries.message}`,
  };
  return { ...verdict, findings: [...verdict.findings, found] };
}
