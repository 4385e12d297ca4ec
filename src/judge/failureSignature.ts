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
