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
import { diagnosticCases } from "./diagnose.ts";
import type { CaseVerdict } from "./judgeCase.ts";

/** Each reader of the evidence, in the order its clue is reported. */
const readers: ReadonlyArray<(e: Evidence) => Clue | undefined | Promise<Clue | undefined>> = [
  scaleFactor,
  gradientLayout,
  singlePrecision,
  clippedLog,
  confinedErrors,
  nearMatch,
  forwardBackward,
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
  const clues: Clue[] = [];
  for (const read of readers) {
    const clue = await read(evidence);
    if (clue) clues.push(clue);
  }
  // single-precision rounding makes J and ∇J "wrong" without either half being wrong
  if (clues.some((c) => c.id === "single-precision")) return clues.filter((c) => !halves.has(c.id));
  return clues;
}

const halves: ReadonlySet<Clue["id"]> = new Set(["cost-wrong-backprop-consistent", "cost-right-backprop-wrong"]);

/** Clues that name a pattern of the error (not merely which half is wrong): two of them suggest several slips at once. */
export function severalAtOnce(clues: readonly Clue[]): boolean {
  const patterns = clues.filter((c) => !halves.has(c.id) && c.id !== "confined-errors");
  return patterns.length >= 2;
}
