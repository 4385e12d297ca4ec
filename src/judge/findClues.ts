import type { LabelledCase } from "../network/labels.ts";
import type { Implementation } from "../sandbox/Implementation.ts";
import type { Clue } from "./clues/Clue.ts";
import { clippedLog } from "./clues/clippedLog.ts";
import { confinedErrors } from "./clues/confinedErrors.ts";
import { gatherEvidence, type Evidence } from "./clues/Evidence.ts";
import { forwardBackward } from "./clues/forwardBackward.ts";
import { gradientLayout } from "./clues/gradientLayout.ts";
import { nearMatch } from "./clues/nearMatch.ts";
import { scaleFactor } from "./clues/scaleFactor.ts";
import { singlePrecision } from "./clues/singlePrecision.ts";
import { separateHalves } from "./clues/separateHalves.ts";
import { logEpsilon } from "./clues/logEpsilon.ts";
import { regularizerLayers } from "./clues/regularizerLayers.ts";
import { regularizerScale } from "./clues/regularizerScale.ts";
import { clippedGradient } from "./clues/clippedGradient.ts";
import { dataTermSign } from "./clues/dataTermSign.ts";
import { softmaxOverExamples } from "./clues/softmaxOverExamples.ts";
import { shiftedLabels } from "./clues/shiftedLabels.ts";
import { broadcastK1 } from "./clues/broadcastK1.ts";
import { outputActivation } from "./clues/outputActivation.ts";
import { derivativeFormula } from "./clues/derivativeFormula.ts";
import { deepOnly } from "./clues/deepOnly.ts";
import { randomAnswers } from "./clues/randomAnswers.ts";
import { costRight, gradientRight } from "./clues/Evidence.ts";
import { diagnosticCases } from "./diagnose.ts";
import type { CaseVerdict } from "./CaseFinding.ts";

/** Each reader of the evidence, in the order its clue is reported. */
const readers: ReadonlyArray<(e: Evidence) => Clue | undefined | Promise<Clue | undefined>> = [
  scaleFactor,
  gradientLayout,
  singlePrecision,
  clippedLog,
  confinedErrors,
  nearMatch,
  forwardBackward,
  separateHalves,
  logEpsilon,
  regularizerLayers,
  regularizerScale,
  clippedGradient,
  dataTermSign,
  softmaxOverExamples,
  shiftedLabels,
  broadcastK1,
  outputActivation,
  derivativeFormula,
  deepOnly,
];

/**
 * What the numbers show when no catalogued mistake fits: the counterexample's verdict and
 * the submission's answers on the diagnostic cases, read for each named pattern. Data; an
 * empty list means no known pattern.
 */
export async function findClues(
  implementation: Implementation,
  counterexample: LabelledCase,
  verdict: CaseVerdict,
  diagnostic: readonly LabelledCase[] = diagnosticCases,
): Promise<Clue[]> {
  const evidence = await gatherEvidence(implementation, counterexample, verdict, diagnostic);
  if (!evidence) return [];
  // answers that change from call to call show no steady pattern: randomness, where it shows, is the whole clue
  const unsteady = verdict.findings.some((f) => f.problem === "not-reproducible");
  // a right answer has no randomness to show: the same case is asked again only where one is wrong
  const wrong = evidence.samples.some((s) => !costRight(s) || !gradientRight(s));
  const random = unsteady || wrong ? await randomAnswers(evidence) : undefined;
  if (random || unsteady) return random ? [random] : [];
  const clues: Clue[] = [];
  for (const read of readers) {
    const clue = await read(evidence);
    if (clue) clues.push(clue);
  }
  // single-precision rounding makes J and ∇J "wrong" without either half being wrong
  if (clues.some((c) => c.id === "single-precision")) return clues.filter((c) => !halves.has(c.id));
  // ∇J exactly right: "your backprop is right for a wrong J" would say the gradient must change
  if (clues.some((c) => c.id === "only-cost-wrong")) return ranked(clues.filter((c) => c.id !== "cost-wrong-backprop-consistent"));
  return ranked(clues);
}

const halves: ReadonlySet<Clue["id"]> = new Set([
  "cost-wrong-backprop-consistent",
  "cost-right-backprop-wrong",
  "only-cost-wrong",
  "only-gradient-wrong",
]);

/** Leads with which half is wrong (only-…), then the clues that explain the most of the error; the rest keep their order. */
function ranked(clues: readonly Clue[]): Clue[] {
  const lead = clues.filter((c) => c.id === "only-cost-wrong" || c.id === "only-gradient-wrong");
  const measured = clues.filter((c) => c.explains !== undefined).sort((x, y) => y.explains! - x.explains!);
  const rest = clues.filter((c) => c.explains === undefined && !lead.includes(c));
  return [...lead, ...measured, ...rest];
}

/**
 * Clues that name a pattern of the error (not merely which half is wrong): two of them suggest
 * several slips at once — unless one of them alone explains the whole error, when the others
 * are other views of the same slip.
 */
export function severalAtOnce(clues: readonly Clue[]): boolean {
  const patterns = clues.filter((c) => !halves.has(c.id) && c.id !== "confined-errors" && c.id !== "deep-only");
  return patterns.length >= 2 && !patterns.some((c) => (c.explains ?? 0) >= wholeError);
}

/** A share this close to 1 is the whole error, up to rounding. */
const wholeError = 0.999;

/** Whether the report should say that its clues are ordered by the share of the error each explains. */
export function rankedByShare(clues: readonly Clue[]): boolean {
  return clues.filter((c) => c.explains !== undefined).length >= 2;
}
