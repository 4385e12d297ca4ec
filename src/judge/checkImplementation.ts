import fc from "fast-check";
import type { LabelledCase } from "../network/labels.ts";
import { submissionCaseArbitrary } from "./submissionCaseArbitrary.ts";
import type { MistakeId } from "../mistakes/index.ts";
import { caseFileOf, type CaseFile } from "./caseFileOf.ts";
import { problemInfo, type CheckProblem } from "./checkProblem.ts";
import { diagnose, diagnosticCases } from "./diagnose.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import { judgeCase, selfInconsistentEntries, type CaseVerdict, type Finding } from "./judgeCase.ts";
import { simplifyValues } from "./simplifyValues.ts";

export const defaultSeed = 20240601;

/** The problems that are wrong values, and so can be matched against the catalogue. */
export const wrongValue: ReadonlySet<CheckProblem> = new Set(["cost-mismatch", "gradient-mismatch", "self-inconsistent"]);
export const defaultRuns = 100;
/** One deadline for a whole check: search, shrinking, simplification and diagnosis together. */
export const defaultDeadlineMs = 180_000;

export interface CheckOptions {
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
}

/** Everything `check` found, as data: the CLI renders it and derives the exit code from it. */
export interface CheckReport {
  readonly passed: boolean;
  /** how far the check got: loading, the first fixed call, or the random search */
  readonly stage: "load" | "probe" | "search";
  /** the deadline that applied, and whether it expired (the report may then be unshrunk) */
  readonly deadline?: { readonly ms: number; readonly expired: boolean };
  readonly submission: string;
  readonly seed: number;
  /** cases tried before the first failure (or all of them) */
  readonly runs: number;
  /** set when the submission could not be loaded: nothing ran */
  readonly problem?: CheckProblem;
  readonly message?: string;
  /** findings on the shrunk counterexample */
  readonly findings: readonly Finding[];
  /** (a) agreement with gradcheck's cost and gradient, (b) self-consistency with its own cost; null when not reached */
  readonly checks: { readonly a: boolean | null; readonly b: boolean | null };
  readonly counterexample: CaseFile | null;
  /** sizes of the first failing case, before shrinking */
  readonly firstFailure?: { readonly layerSizes: readonly number[]; readonly m: number };
  readonly shrinks: number;
  /** fast-check's replay path for (seed, path) */
  readonly path?: string;
  readonly mistakes: readonly MistakeId[];
  readonly warnings: readonly string[];
  readonly mutated: readonly string[];
}

/**
 * Property-based check of one implementation (CONTRACT §5): random cases from a fixed seed,
 * each judged by (a) and (b); the first failure is shrunk to a minimal counterexample and
 * matched against the catalogue of known mistakes.
 */
export async function checkImplementation(implementation: Implementation, options: CheckOptions = {}): Promise<CheckReport> {
  const seed = options.seed ?? defaultSeed;
  const deadlineMs = options.deadlineMs ?? defaultDeadlineMs;
  const ends = Date.now() + deadlineMs;
  let hit = false;
  const expired = () => (hit ||= Date.now() >= ends);
  const mutated = new Set<string>();
  const note = (v: CaseVerdict) => v.mutated.forEach((x) => mutated.add(x));
  const base = { submission: implementation.description, seed, warnings: implementation.warnings, deadline: { ms: deadlineMs, get expired() { return hit; } } };

  // A first call on a fixed case: an answer of the wrong shape is a wrong call (exit 2), not
  // something to shrink.
  const probe = await judgeCase(diagnosticCases[0], implementation);
  note(probe);
  const ended = probe.findings.find((f) => f.neverAnswered);
  if (ended) {
    return {
      ...base, passed: false, stage: "load", runs: 0, problem: "crashed-on-load", message: ended.message,
      findings: [], checks: { a: null, b: null }, counterexample: null, shrinks: 0, mistakes: [], mutated: [],
    };
  }
  const wrongCall = probe.findings.find((f) => problemInfo[f.problem].kind === "interface");
  if (wrongCall) {
    return {
      ...base, passed: false, stage: "probe", runs: 1, findings: probe.findings, checks: { a: null, b: null },
      counterexample: caseFileOf(diagnosticCases[0], probe.reference), shrinks: 0, mistakes: [], mutated: [...mutated],
    };
  }
  // The probe is judged like every other case: a wrong answer on it fails the check. The
  // search still runs, so the failure is usually shown shrunk; the probe is the fallback.
  const probeFailure = async (): Promise<CheckReport> => {
    const answered = probe.submitted !== undefined;
    const mistakes = probe.findings.some((f) => wrongValue.has(f.problem)) && !expired() ? await diagnose(implementation, diagnosticCases[0]) : [];
    return {
      ...base, passed: false, stage: "probe", runs: 1, findings: probe.findings,
      checks: { a: answered ? !probe.findings.some((f) => f.check === "a") : null, b: answered ? !probe.findings.some((f) => f.check === "b") : null },
      counterexample: caseFileOf(diagnosticCases[0], probe.reference, probe.submitted), shrinks: 0, mistakes, mutated: [...mutated],
    };
  };

  // A probe that hangs, crashes or runs out of memory would do the same on every case:
  // searching would only pay that cost again, so it is reported on the probe.
  if (!probe.ok && probe.findings.some((f) => f.problem === "timeout" || f.problem === "crashed" || f.problem === "memory-limit")) return await probeFailure();

  let firstFailure: CheckReport["firstFailure"];
  const property = fc.asyncProperty(options.cases ?? submissionCaseArbitrary({ shrinkValues: false }), async (c) => {
    const v = await judgeCase(c, implementation);
    note(v);
    if (!v.ok && !firstFailure) firstFailure = { layerSizes: c.layerSizes.slice(), m: c.X.rows };
    return v.ok;
  });
  const details = await fc.check(property, {
    seed,
    numRuns: options.runs ?? defaultRuns,
    interruptAfterTimeLimit: Math.max(1, ends - Date.now()),
  });
  if (!details.failed || !details.counterexample) {
    const requested = options.runs ?? defaultRuns;
    if (!probe.ok) return await probeFailure();
    // No pass without evidence: fewer networks than asked for is not a pass.
    if (details.interrupted || details.numRuns < requested) {
      hit = true;
      const message = `too slow: checked ${details.numRuns} of ${requested} networks in ${(deadlineMs / 1000).toFixed(0)} s (the deadline; --deadline to change it)`;
      return { ...base, passed: false, stage: "search", runs: details.numRuns, problem: "too-slow", message, findings: [{ problem: "too-slow", message }], checks: { a: null, b: null }, counterexample: null, shrinks: 0, mistakes: [], mutated: [...mutated] };
    }
    return { ...base, passed: true, stage: "search", runs: details.numRuns, findings: [], checks: { a: true, b: true }, counterexample: null, shrinks: 0, mistakes: [], mutated: [...mutated] };
  }

  // fast-check has made the network small; now make its numbers plain (zero what can be).
  const [shrunk] = details.counterexample;
  const stillFails = async (c: LabelledCase) => {
    if (expired()) return false; // keep what is shrunk so far
    const v = await judgeCase(c, implementation);
    note(v);
    return !v.ok;
  };
  const { simplified: counterexample, steps } = options.cases ? { simplified: shrunk, steps: 0 } : await simplifyValues(shrunk, stillFails);
  const again = await judgeCase(counterexample, implementation);
  note(again);
  let verdict: CaseVerdict = again.ok
    ? { ...again, ok: false, findings: [{ problem: "not-reproducible", message: "this case failed during the search and passed when run again" }] }
    : again;
  // On the small counterexample, say which entries (b) disagrees with.
  const b = verdict.findings.findIndex((f) => f.problem === "self-inconsistent");
  if (b >= 0 && verdict.submitted && !expired()) {
    const where = await selfInconsistentEntries(counterexample, verdict.submitted.grad, implementation);
    if (where) verdict = { ...verdict, findings: verdict.findings.map((f, k) => (k === b ? { ...f, message: `${f.message}; ${where}` } : f)) };
  }
  // Only a wrong value has an error pattern to match; a throw, a hang or a NaN has none.
  const mistakes = verdict.findings.some((f) => wrongValue.has(f.problem)) && !expired() ? await diagnose(implementation, counterexample) : [];
  const answered = verdict.submitted !== undefined;
  return {
    ...base,
    passed: false,
    stage: "search",
    runs: details.numRuns,
    findings: verdict.findings,
    checks: {
      a: answered ? !verdict.findings.some((f) => f.check === "a") : null,
      b: answered ? !verdict.findings.some((f) => f.check === "b") : null,
    },
    counterexample: caseFileOf(counterexample, verdict.reference, verdict.submitted),
    firstFailure,
    shrinks: details.numShrinks + steps,
    path: details.counterexamplePath ?? undefined,
    mistakes,
    mutated: [...mutated],
  };
}
