import { renderComparison } from "../check/index.ts";
import type { GradientVerification } from "../train/verifyGradient.ts";

const verdict = (passed: boolean) => (passed ? "pass" : "FAIL");
const count = (n: number) => n.toLocaleString("en-US");

/** One line per check for the log: where, on what, each of the three verdicts, the worst relative error. */
export function renderVerification(v: GradientVerification): string {
  return (
    `check at iteration ${v.iteration} (${v.m} examples): vs tape ${verdict(v.tape.passed)} (${count(v.tape.entries)} entries), ` +
    `vs finite differences ${verdict(v.fd.passed)} (${v.fd.entries} entries), directional ${verdict(v.directional.passed)} (${v.directional.directions.length} directions); ` +
    `worst relative error ${v.worstRelError.toExponential(1)}`
  );
}

/** The full story of a failed check: each comparison that failed, entry by entry. */
export function renderFailedVerification(v: GradientVerification): string[] {
  const lines: string[] = [];
  if (!v.tape.passed) lines.push("against the autodiff tape:", ...renderComparison(v.tape).map((l) => `  ${l}`));
  if (!v.fd.passed) lines.push("against finite differences:", ...renderComparison(v.fd).map((l) => `  ${l}`));
  if (!v.directional.passed) {
    lines.push(`along random directions (${v.directional.formula}):`);
    for (const d of v.directional.directions) {
      lines.push(
        `  ${d.passed ? "pass" : "FAIL"}: gᵀv = ${d.actual.toPrecision(12)}, d/dt J(Θ + t·v) = ${d.expected.toPrecision(12)}, |a − n| ${d.absError.toExponential(2)}, tolerance ${d.tolerance.toExponential(2)}`,
      );
    }
  }
  return lines;
}
