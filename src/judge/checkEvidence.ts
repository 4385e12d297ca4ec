import { batchBackprop } from "../backprop/batch.ts";
import { parseCase } from "../caseio/parseCase.ts";
import { compareGradients, type EntryReport, type GradientComparison } from "../check/index.ts";
import { thetaLocate } from "../fdnet/thetaLocate.ts";
import type { LabelledCase } from "../network/labels.ts";
import { unroll } from "../network/theta.ts";
import { fdGradient, incrementsOf, stepSweep, sweepSteps, type FdGradient, type StepPoint } from "../numeric/index.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import type { CaseFile } from "./caseFileOf.ts";
import type { CheckReport } from "./checkReport.ts";
import { diagnosticCases } from "./diagnose.ts";
import { agreement, selfConsistency } from "./caseTolerances.ts";
import { requestOf } from "./requestOf.ts";
import { settleCost } from "./settleCost.ts";
import { reluKinkWatch } from "./reluKinkWatch.ts";
import { reluRoundingKinks } from "./reluRoundingKinks.ts";

/** Entry-by-entry finite differences of the submission's own J only up to this many parameters (one call per evaluation). */
export const evidenceMaxParameters = 60;
/** How many of the worst entries get an error-versus-step sweep: 2 × 2 × 10 steps = 40 calls. */
export const sweptEntries = 2;

/** One entry's error-versus-step curve, measured against the Richardson estimate of the submission's own J. */
export interface StepSweepEvidence {
  readonly entry: EntryReport;
  readonly points: readonly StepPoint[];
  readonly richardson: number;
  readonly errorBound: number;
  /** the smallest step the Richardson tableau used */
  readonly chosenStep: number;
  /** the submission's gradient entry */
  readonly claimed: number;
}

/** What the HTML report plots for a check: both comparisons entry by entry, and the step sweeps. */
export interface CheckEvidence {
  readonly caseName: string;
  readonly layerSizes: readonly number[];
  readonly m: number;
  /** (a) the submission's gradient against gradcheck's */
  readonly a: GradientComparison;
  /** (b) the submission's gradient against finite differences of its own J; null when too large or J failed */
  readonly b: GradientComparison | null;
  readonly fdMethod: string | null;
  readonly sweeps: readonly StepSweepEvidence[];
  /** calls made to the submission for this evidence, beyond those of the check itself */
  readonly calls: { readonly answer: number; readonly entryByEntry: number; readonly sweeps: number };
  /** why b or the sweeps are missing */
  readonly notes: readonly string[];
}

/**
 * The evidence for a finished check, on the shrunk counterexample when there is one; a
 * passing submission is shown on a fixed case.
 */
export async function evidenceFor(
  report: CheckReport,
  implementation: Implementation,
): Promise<CheckEvidence | { readonly error: string }> {
  const c = report.counterexample ? caseOf(report.counterexample) : diagnosticCases[0]!;
  return c ? checkEvidence(c, implementation) : { error: "the counterexample could not be read back" };
}

function caseOf(counterexample: CaseFile): LabelledCase | null {
  const parsed = parseCase(counterexample);
  return parsed.ok ? { ...parsed.value, labels: counterexample.labels } : null;
}

/**
 * Gathers the evidence for the report on one (small) case: one call for the answer, the
 * check (b) entry by entry, and a step sweep for its worst entries. Data, never a throw: what
 * could not be gathered is a note.
 */
export async function checkEvidence(c: LabelledCase, implementation: Implementation): Promise<CheckEvidence | { readonly error: string }> {
  const outcome = await implementation.call(requestOf(c));
  if (outcome.kind !== "result") return { error: `the submission did not answer on ${c.name}: ${outcome.message}` };
  const theta = unroll(c.theta),
    locate = thetaLocate(c.layerSizes);
  const base = { caseName: c.name, layerSizes: c.layerSizes.slice(), m: c.X.rows, a: againstGradcheck(c, outcome.grad, locate) };
  if (theta.length > evidenceMaxParameters)
    return withoutB(base, [
      `${theta.length} parameters: entry-by-entry finite differences of the submission's own J are made only up to ${evidenceMaxParameters}`,
    ]);
  const watch = reluKinkWatch(c, theta);
  const fd = await settleCost(c, implementation, (J) => fdGradient(watch.J(J), theta));
  if (!fd.ok) return withoutB(base, [`its own J failed: ${fd.outcome.message}`]);
  const b = compareGradients(
    outcome.grad,
    { ...fd.value, kink: watch.kinks },
    { tolerance: { ...selfConsistency }, locate, maxSetAside: 1 },
  );
  const swept = await sweepsOf(c, implementation, theta, b, fd.value, outcome.grad);
  return {
    ...base,
    b,
    fdMethod: fd.value.method,
    sweeps: swept.sweeps,
    calls: { answer: 1, entryByEntry: fd.calls, sweeps: swept.calls },
    notes: swept.notes,
  };
}

/** (a): the submission's gradient against gradcheck's, exact but for the kinks rounding may cross. */
function againstGradcheck(c: LabelledCase, grad: Float64Array, locate: ReturnType<typeof thetaLocate>): GradientComparison {
  const expected = unroll(batchBackprop(c, c.theta).grad);
  const kink = reluRoundingKinks(c);
  return compareGradients(
    grad,
    { estimate: expected, errorBound: new Float64Array(expected.length), ...(kink ? { kink } : {}) },
    { tolerance: { ...agreement, safety: 0 }, locate, maxSetAside: 1 },
  );
}

/** The evidence of (a) alone, with why (b) and the sweeps are missing. */
function withoutB(base: Pick<CheckEvidence, "caseName" | "layerSizes" | "m" | "a">, notes: string[]): CheckEvidence {
  return { ...base, b: null, fdMethod: null, sweeps: [], calls: { answer: 1, entryByEntry: 0, sweeps: 0 }, notes };
}

async function sweepsOf(
  c: LabelledCase,
  implementation: Implementation,
  theta: Float64Array,
  b: GradientComparison,
  fd: FdGradient,
  grad: Float64Array,
) {
  const worst = b.worst.slice(0, sweptEntries);
  const settled = await settleCost(c, implementation, (J) => {
    const inc = incrementsOf(J, theta);
    return worst.map((entry) => stepSweep(inc, entry.index, sweepSteps));
  });
  if (!settled.ok) return { sweeps: [], calls: 0, notes: [`the step sweep stopped: ${settled.outcome.message}`] };
  const sweeps = worst.map((entry, k): StepSweepEvidence => ({
    entry,
    points: settled.value[k]!,
    richardson: fd.estimate[entry.index]!,
    errorBound: fd.errorBound[entry.index]!,
    chosenStep: fd.step[entry.index]!,
    claimed: grad[entry.index]!,
  }));
  return { sweeps, calls: settled.calls, notes: [] as string[] };
}
