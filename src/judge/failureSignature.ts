import type { CaseVerdict } from "./judgeCase.ts";

/**
 * What a failing verdict shows, as one comparable string: which problems, under which check,
 * and which parts of Θ are wrong. Two cases with the same evidence point at the same place.
 */
export function failureSignature(v: CaseVerdict): string {
  return v.findings
    .map((f) => [f.problem, f.check ?? "", ...(f.wrongParts ?? [])].join(" "))
    .sort()
    .join("; ");
}

/**
 * The same evidence without where it sits: which problems under which check, and which kinds
 * of part are wrong (a bias column, whole weight columns, some weight columns only). Shrinking
 * removes layers and units, so names and indices move; the kind of failure must not: a step
 * to a case where it shows differently (a bias column alone, or every weight column where
 * some were right) is a step to another failure, and is not taken.
 */
export function failureKind(v: CaseVerdict): string {
  return [...new Set(v.findings.map((f) => [f.problem, f.check ?? "", ...new Set((f.wrongParts ?? []).map(partKind))].sort().join(" ")))]
    .sort()
    .join("; ");
}

/** "Θ⁽²⁾ bias" → "bias", "Θ⁽¹⁾ weight columns j = 1, 3" → "weight columns" (see wrongParts). */
function partKind(part: string): string {
  const what = part.slice(part.indexOf(" ") + 1);
  return what.startsWith("weight column") ? "weight columns" : what;
}
