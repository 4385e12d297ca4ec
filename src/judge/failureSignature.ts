import type { CaseVerdict } from "./CaseFinding.ts";

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
 * of part are wrong (a bias column, whole weight columns, some weight columns only), one item
 * per finding. Shrinking removes layers and units, so names and indices move; the kind of
 * failure must not (see sameFailure).
 */
export function failureKind(v: CaseVerdict): readonly string[] {
  const kinds = v.findings.map((f) => [f.problem, f.check ?? "", ...[...new Set((f.wrongParts ?? []).map(partKind))].sort()].join(" "));
  return [...new Set(kinds)].sort();
}

/**
 * Does a smaller case fail the same way? A step to a case where the failure shows differently
 * (a throw for a wrong value, a bias column alone, every weight column where some were right)
 * is a step to another failure, and shrinking does not take it. Where a naive log is allowed,
 * an infinite J shows only where outputs saturate and hides whether J is otherwise right, so
 * J's verdict is compared only where it is finite on both.
 */
export function sameFailure(a: readonly string[], b: readonly string[], allowUnstableCost = false): boolean {
  const hidden = allowUnstableCost && (a.includes(infiniteJ) || b.includes(infiniteJ));
  const shown = (k: readonly string[]) => (hidden ? k.filter((x) => x !== infiniteJ && x !== wrongJ) : k);
  return shown(a).join("; ") === shown(b).join("; ");
}

const infiniteJ = "non-finite a",
  wrongJ = "cost-mismatch a";

/** "Θ⁽²⁾ bias" → "bias", "Θ⁽¹⁾ weight columns j = 1, 3" → "weight columns" (see wrongParts). */
function partKind(part: string): string {
  const what = part.slice(part.indexOf(" ") + 1);
  return what.startsWith("weight column") ? "weight columns" : what;
}
