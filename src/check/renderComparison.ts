import type { EntryReport } from "./EntryReport.ts";
import { findingInfo, type Finding } from "./Finding.ts";
import type { GradientComparison, PartSummary } from "./compareGradients.ts";

const e = (x: number, digits = 2) => (Number.isFinite(x) ? x.toExponential(digits) : String(x));
const v = (x: number) => (Number.isFinite(x) ? x.toPrecision(12) : String(x));

/** A comparison as text lines: verdict, formula, findings, worst entries, per-layer summary. */
export function renderComparison(c: GradientComparison): string[] {
  const lines: string[] = [];
  lines.push(
    `${c.passed ? "PASS" : "FAIL"}: ${c.entries} entries compared, ${c.failed} outside tolerance, ${c.notDifferentiable} not differentiable here; ‖a − n‖/‖a + n‖ = ${e(c.relativeDifference)}`,
  );
  lines.push(`tolerance: ${c.formula}`);
  for (const f of c.findings) lines.push(...renderFinding(f));
  if (c.worst.length && c.failed === 0) {
    lines.push("closest to the tolerance:");
    lines.push(...renderEntries(c.worst.slice(0, 3)));
  }
  if (c.layers.length > 1 || c.layers.some((l) => l.bias)) {
    lines.push("per layer:");
    for (const l of c.layers) {
      lines.push(`  layer ${l.layer + 1} weights: ${renderPart(l.weights)}`);
      if (l.bias) lines.push(`  layer ${l.layer + 1} bias:    ${renderPart(l.bias)}`);
    }
  }
  return lines;
}

export function renderFinding(f: Finding): string[] {
  const info = findingInfo[f.kind];
  const head = `${info.fails ? "✗" : "·"} ${info.title}`;
  switch (f.kind) {
    case "wrong-entries":
      return [`${head}: ${f.count} entr${f.count === 1 ? "y" : "ies"}; the worst:`, ...renderEntries(f.worst), `  hint: ${info.hint}`];
    case "not-differentiable":
      return [
        `${head}: ${f.count} entr${f.count === 1 ? "y" : "ies"} (${f.entries
          .slice(0, 5)
          .map((r) => r.label)
          .join(", ")}${f.count > 5 ? ", …" : ""}) — not counted as failures`,
      ];
    case "non-finite-gradient":
    case "non-finite-numerical":
      return [
        `${head}: ${f.count} entr${f.count === 1 ? "y" : "ies"}, e.g. ${f.entries
          .slice(0, 5)
          .map((x) => `${x.label} = ${x.value}`)
          .join(", ")}`,
        `  hint: ${info.hint}`,
      ];
    case "wrong-length":
      return [`${head}: expected ${f.expected} entries, got ${f.actual}`, `  hint: ${info.hint}`];
    case "not-a-gradient":
    case "not-scalar":
      return [`${head}: got ${f.received}`, `  hint: ${info.hint}`];
    case "threw":
      return [`${head} while computing the ${f.during}: ${f.message}`];
  }
}

export function renderEntries(entries: readonly EntryReport[]): string[] {
  const lines = [
    `  ${"entry".padEnd(16)} ${"expected (n)".padStart(20)} ${"actual (a)".padStart(20)} ${"|a − n|".padStart(9)} ${"rel error".padStart(9)} ${"tolerance".padStart(9)}`,
  ];
  for (const r of entries) {
    lines.push(
      `  ${r.label.padEnd(16)} ${v(r.expected).padStart(20)} ${v(r.actual).padStart(20)} ${e(r.absError).padStart(9)} ${e(r.relError).padStart(9)} ${e(r.tolerance).padStart(9)}`,
    );
  }
  return lines;
}

function renderPart(p: PartSummary): string {
  return `${p.count} entries, ${p.failed} failed${p.notDifferentiable ? `, ${p.notDifferentiable} not differentiable` : ""}, max |a − n| ${e(p.maxAbsError)}, max rel ${e(p.maxRelError)}`;
}
