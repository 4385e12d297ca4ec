import { renderEntries } from "../check/renderComparison.ts";
import { findingInfo } from "../outcome/index.ts";
import { agreement } from "../judge/caseTolerances.ts";
import { replayCase } from "../judge/replayCase.ts";
import type { Assignment } from "../judge/Assignment.ts";

/**
 * `gradcheck check SUBMISSION --case FILE`: the submission on one saved case, with gradcheck's
 * J beside its own and the gradient compared entry by entry. Exit 0 when the answer is right,
 * 1 when it is wrong, 2 when the case or the submission cannot be loaded.
 */
export async function replayCommand(
  submission: string,
  caseFile: string,
  callTimeoutMs: number,
  out: (line: string) => void,
  assignment?: Assignment,
): Promise<number> {
  const r = await replayCase(submission, caseFile, { callTimeoutMs, ...(assignment ? { assignment } : {}) });
  if (!r.ok) {
    if (r.stage === "case") out(`✗ the case cannot be used: ${r.message}`);
    else out(`✗ ${findingInfo[r.problem].title}: ${r.message}`);
    return 2;
  }
  const { verdict, comparison } = r;
  out(`gradcheck check — ${submission} on the case ${r.caseName} (${caseFile})`);
  out(`  J: gradcheck ${verdict.reference.J}, submission ${verdict.submitted?.J ?? "(no answer)"}`);
  for (const f of verdict.findings)
    out(`  ${f.check ? `(${f.check}) ` : ""}${findingInfo[f.problem].title}: ${f.message}`.replace(/\n/g, "\n    "));
  if (comparison) {
    out(
      `  ∂J/∂Θ entry by entry against gradcheck's (within ${agreement.atol} + ${agreement.rtol}·|expected|): ${comparison.failed} of ${comparison.entries} differ; the largest differences:`,
    );
    for (const line of renderEntries(comparison.worst.slice(0, 5))) out(`  ${line}`);
  }
  out(verdict.ok ? "✓ right on this case" : "✗ wrong on this case");
  return verdict.ok ? 0 : verdict.findings.some((f) => findingInfo[f.problem].group === "interface") ? 2 : 1;
}
